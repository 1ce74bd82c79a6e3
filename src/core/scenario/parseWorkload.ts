import { Problems, join } from './check';
import { LIMITS } from './limits';
import { unknownNameRule } from './suggest';
import type { Arrival, WorkloadEntry } from './types';
import { SCALE_WORKLOAD_KEYS, parseTenants } from './parseScale';

const PROCESSES = ['poisson', 'constant', 'burst', 'ramp', 'diurnal', 'trace'] as const;
/** Sync request payloads up to 6 MB; larger ones get RequestTooLarge from the Frontend. */
const MAX_PAYLOAD_TO_GENERATE = 64 * 1024 * 1024;

/** Trace times left to the whole scenario (LIMITS.traceTimes across every trace arrival). */
export interface TraceBudget { left: number }

const TIME = { min: 0, max: LIMITS.timeMs };

export function parseWorkloadEntry(p: Problems, path: string, v: unknown, functionNames: ReadonlySet<string>, budget: TraceBudget = { left: LIMITS.traceTimes }): WorkloadEntry | null {
  if (!p.isObject(path, v)) return null;
  p.unknownKeys(path, v, ['function', 'mode', 'arrival', 'startMs', 'endMs', 'client', 'payloadBytes', ...SCALE_WORKLOAD_KEYS]);
  const fn = p.string(join(path, 'function'), v.function);
  const bare = fn.includes(':') ? fn.slice(0, fn.indexOf(':')) : fn;
  if (typeof v.function === 'string' && !functionNames.has(bare)) {
    p.add(join(path, 'function'), () => unknownNameRule('must name a function in "functions"', bare, functionNames));
  }
  const mode = p.oneOf(join(path, 'mode'), v.mode, ['RequestResponse', 'Event', 'DryRun'] as const, 'RequestResponse');
  const arrival = parseArrival(p, join(path, 'arrival'), v.arrival, budget);
  const startMs = p.number(join(path, 'startMs'), v.startMs, { ...TIME, def: 0 });
  const endMs = v.endMs === undefined ? Infinity : p.number(join(path, 'endMs'), v.endMs, TIME);
  if (endMs < startMs) p.add(join(path, 'endMs'), `must not be before startMs (${startMs})`);
  let maxAttempts = 1;
  let queueDuringOutage = false;
  const cPath = join(path, 'client');
  if (v.client !== undefined && p.isObject(cPath, v.client)) {
    p.unknownKeys(cPath, v.client, ['maxAttempts', 'queueDuringOutage']);
    maxAttempts = p.number(join(cPath, 'maxAttempts'), v.client.maxAttempts, { int: true, min: 1, max: 10, def: 1 });
    const q = v.client.queueDuringOutage;
    if (q !== undefined && typeof q !== 'boolean') p.add(join(cPath, 'queueDuringOutage'), 'must be true or false');
    queueDuringOutage = q === true;
  }
  const payloadBytes = p.number(join(path, 'payloadBytes'), v.payloadBytes, { int: true, min: 0, max: MAX_PAYLOAD_TO_GENERATE, def: 1024 });
  return { function: fn, mode, arrival, startMs, endMs, client: { maxAttempts, queueDuringOutage }, payloadBytes, tenants: parseTenants(p, path, v) };
}

/** An arrival process (CONTRACTS.md §1), for a workload entry or the page's live load. */
export function parseArrival(p: Problems, path: string, v: unknown, budget: TraceBudget = { left: LIMITS.traceTimes }): Arrival {
  const fallback: Arrival = { process: 'constant', ratePerSec: 1 };
  if (!p.isObject(path, v)) return fallback;
  const process = p.oneOf(join(path, 'process'), v.process, PROCESSES);
  const rate = (key: string, min = 0, exclusive = true) =>
    p.number(join(path, key), v[key], { min, exclusiveMin: exclusive, max: LIMITS.ratePerSec });
  switch (process) {
    case 'poisson':
    case 'constant':
      p.unknownKeys(path, v, ['process', 'ratePerSec']);
      return { process, ratePerSec: rate('ratePerSec') };
    case 'burst':
      p.unknownKeys(path, v, ['process', 'count', 'atMs']);
      return {
        process,
        count: p.number(join(path, 'count'), v.count, { int: true, min: 1, max: LIMITS.burstCount }),
        atMs: p.number(join(path, 'atMs'), v.atMs, { ...TIME, def: 0 }),
      };
    case 'ramp':
      p.unknownKeys(path, v, ['process', 'fromPerSec', 'toPerSec', 'overMs']);
      return { process, fromPerSec: rate('fromPerSec', 0, false), toPerSec: rate('toPerSec', 0, false), overMs: p.number(join(path, 'overMs'), v.overMs, { min: 0, exclusiveMin: true, max: LIMITS.timeMs }) };
    case 'diurnal':
      p.unknownKeys(path, v, ['process', 'meanPerSec', 'amplitude', 'periodMs']);
      return {
        process,
        meanPerSec: rate('meanPerSec'),
        amplitude: p.number(join(path, 'amplitude'), v.amplitude, { min: 0, max: 1 }),
        periodMs: p.number(join(path, 'periodMs'), v.periodMs, { min: 0, exclusiveMin: true, max: LIMITS.timeMs, def: 86_400_000 }),
      };
    case 'trace': {
      p.unknownKeys(path, v, ['process', 'timesMs']);
      const tPath = join(path, 'timesMs');
      const raw = p.array(tPath, v.timesMs);
      if (raw.length > budget.left) {
        p.add(tPath, `has ${raw.length} times, more than the ${budget.left} left of the maximum of ${LIMITS.traceTimes} trace times per scenario`);
      }
      const given = raw.slice(0, Math.max(0, budget.left));
      budget.left -= given.length;
      const times = given.map((t, i) => p.number(join(tPath, i), t, TIME));
      for (let i = 1; i < times.length; i++) {
        if (times[i] < times[i - 1]) {
          p.add(join(join(path, 'timesMs'), i), `must not be before the previous time (${times[i - 1]}): times must be in order`);
          break;
        }
      }
      return { process, timesMs: times };
    }
  }
}
