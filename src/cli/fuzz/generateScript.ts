import fc from 'fast-check';
import type { Input } from '../../worker/session';
import { controlCall, faultJson } from './buildScenario';
import { FUNCTION_NAMES } from './generateScenario';
import type { Step } from './types';

/**
 * Random scripts of what a user does: run on, step, invoke (one or a burst), turn the live
 * load on / change it / off, call the control plane, inject faults; and excursions in time:
 * seek back and forward again, step back, fork, crash and recover, snapshot and restore.
 * A script is generated as numbers and then read against the scenario (its functions and
 * duration), so it shrinks with fast-check like any array.
 */
const MOVES = [
  ['run', 30], ['invoke', 10], ['burst', 3], ['load', 8], ['control', 10], ['fault', 6], ['steps', 5],
  ['seekBack', 8], ['stepBack', 5], ['fork', 5], ['recover', 3], ['snapshot', 3], ['invalid', 4],
] as const;
type Move = (typeof MOVES)[number][0];

const moveArb = fc.record({
  move: fc.oneof(...MOVES.map(([m, weight]) => ({ weight, arbitrary: fc.constant(m as Move) }))),
  a: fc.nat(),
  b: fc.nat(),
  x: fc.double({ min: 0, max: 1, noNaN: true }),
});

export const scriptShapeArb = fc.array(moveArb, { maxLength: 24 });
export type ScriptShape = typeof scriptShapeArb extends fc.Arbitrary<infer T> ? T : never;

const MODES = ['RequestResponse', 'RequestResponse', 'Event', 'DryRun'] as const;
const QUALIFIERS = ['', '', ':live', ':1', ':2', ':ghost'];

/** Reads a script shape against a scenario with `functions` functions and `durationMs`. */
export function buildScript(shape: ScriptShape, functions: number, durationMs: number, reservable: number): Step[] {
  const names = FUNCTION_NAMES.slice(0, functions);
  const fn = (a: number) => names[a % names.length] + QUALIFIERS[a % QUALIFIERS.length];
  let clock = 0;
  const steps: Step[] = [];
  for (const { move, a, b, x } of shape) {
    const input = (i: Input): Step => ({ do: 'input', input: i });
    switch (move) {
      case 'run':
        clock = Math.min(durationMs, clock + (x < 0.15 ? 0 : x < 0.3 ? 1 : Math.floor((x * durationMs) / 4)));
        steps.push({ do: 'run', toMs: clock });
        break;
      case 'steps':
        steps.push({ do: 'steps', events: 1 + (a % 20) });
        break;
      case 'invoke':
        steps.push(input({ kind: 'invoke', function: fn(a), mode: MODES[b % MODES.length], count: 1 + (b % 5), ...(x > 0.9 ? { payloadBytes: 6_291_457 } : {}) }));
        break;
      case 'burst':
        steps.push(input({ kind: 'invoke', function: fn(a), mode: MODES[b % 2 ? 0 : 2], count: 100 + Math.floor(x * 1500) }));
        break;
      case 'load':
        steps.push(input({ kind: 'load', load: x < 0.25 ? null : { function: fn(a), mode: MODES[b % 3], arrival: liveArrival(b, x, clock) } }));
        break;
      case 'control':
        steps.push(input({ kind: 'control', call: controlCall(names, a, b, reservable) as never }));
        break;
      case 'fault':
        steps.push(input({ kind: 'fault', fault: faultJson(['worker-failure', 'invoke-outage', 'slow-pollers', 'init-failure'][a % 4], clock + (b % 5000), 1 + (a % 60_000), x, names) as never }));
        break;
      case 'invalid':
        steps.push(input(invalidInput(a, names)));
        break;
      case 'seekBack':
        steps.push({ do: 'seekBack', toMs: Math.floor(clock * x) });
        break;
      case 'stepBack':
        steps.push(x < 0.5 ? { do: 'stepBack', events: 1 + (a % 4) } : { do: 'stepBackOn', back: 1 + (a % 4), on: 1 + (b % 4) });
        break;
      case 'fork':
        steps.push({
          do: 'fork', afterMs: 1 + (b % 30_000),
          doomed: { kind: 'invoke', function: fn(a), mode: 'RequestResponse', count: 1 + (a % 20) },
          input: { kind: 'invoke', function: fn(b), mode: MODES[a % MODES.length], count: 1 },
        });
        break;
      case 'recover':
        steps.push({ do: 'recover' });
        break;
      case 'snapshot':
        steps.push({ do: 'snapshot' });
        break;
    }
  }
  steps.push({ do: 'run', toMs: durationMs });
  return steps;
}

function liveArrival(b: number, x: number, clock: number) {
  const r = Math.max(0.01, x * 30);
  switch (b % 5) {
    case 0: return { process: 'poisson' as const, ratePerSec: r };
    case 1: return { process: 'constant' as const, ratePerSec: r };
    case 2: return { process: 'ramp' as const, fromPerSec: 0, toPerSec: r, overMs: 1 + (b % 60_000) };
    case 3: return { process: 'diurnal' as const, meanPerSec: r, amplitude: x, periodMs: 1000 + (b % 120_000) };
    default: return { process: 'burst' as const, count: 1 + (b % 500), atMs: clock };
  }
}

/** Inputs that break a rule: every path must refuse them the same way (and not record them). */
function invalidInput(a: number, names: string[]): Input {
  switch (a % 5) {
    case 0: return { kind: 'control', call: { action: 'PutFunctionConcurrency', function: names[0], reservedConcurrency: -1 } as never };
    case 1: return { kind: 'fault', fault: { type: 'invoke-outage', fromMs: 10, toMs: 5 } };
    case 2: return { kind: 'invoke', function: names[0], mode: 'RequestResponse', count: 0 };
    case 3: return { kind: 'load', load: { function: 'ghost', mode: 'RequestResponse', arrival: { process: 'poisson', ratePerSec: 1 } } };
    default: return { kind: 'control', call: { action: 'CreateAlias', function: names[0], name: '123', functionVersion: 'x', additionalVersionWeights: { $LATEST: 2 } } as never };
  }
}
