import type { Dist } from '../engine/distributions';
import { Problems, join, quote } from './check';
import { LIMITS } from './limits';
import { parseDist } from './parseDist';
import { parseFunction, reservableConcurrency, reservableWhy } from './parseFunction';
import { parseWorkloadEntry, type TraceBudget } from './parseWorkload';
import { parseControlPlane, parseFaults } from './parseTimeline';
import { parseEventSources } from './parseEventSource';
import type { FunctionConfig, PlatformConfig, Scenario, WorkloadEntry } from './types';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

const TOP_KEYS = ['seed', 'durationMs', 'account', 'fleet', 'platform', 'functions', 'workload', 'controlPlane', 'faults', 'eventSources', 'name', 'description'];

/** Platform estimates; see PlatformConfig and lambda-facts.md §3 for their sources. */
export const DEFAULT_PLATFORM: PlatformConfig = {
  warmOverheadMs: { dist: 'lognormal', median: 8, sigma: 0.3 },
  placementMs: { dist: 'lognormal', median: 12, sigma: 0.35 },
  microvmBootMs: { dist: 'lognormal', median: 113, sigma: 0.1 },
  microvmCreationsPerSec: 150,
  imageFetchMs: { dist: 'uniform', min: 20, max: 60 },
  extensionInitMs: { dist: 'lognormal', median: 30, sigma: 0.3 },
  shutdownMs: { dist: 'lognormal', median: 25, sigma: 0.3 },
  initLimitMs: 10_000,
  drainBeforeLeaseEndMs: 600_000,
  pollers: 10,
  pollerBatchSize: 10,
  pollerLatencyMs: { dist: 'lognormal', median: 20, sigma: 0.3 },
  duplicateProbability: 0.0001,
  snapStartRestoreMs: { dist: 'lognormal', median: 600, sigma: 0.15 },
  snapStartPublishMs: 10_000,
  createFunctionMs: 3000,
  updateFunctionMs: 5000,
  provisionedAllocationDelayMs: 60_000,
  provisionedRecycleMs: 4 * 3_600_000,
};

/**
 * Validates a scenario and fills in defaults. Every rule is checked and every problem
 * reported with its JSON path and the rule it breaks (at most LIMITS.problems of them, then a
 * count of the rest), in time linear in the input's size; nothing is thrown for user error.
 */
export function parseScenario(input: unknown, overrides: { seed?: number; durationMs?: number } = {}): ParseResult {
  const p = new Problems();
  if (!p.isObject('(scenario)', input)) return { ok: false, problems: p.list };
  const v = input;
  p.unknownKeys('', v, TOP_KEYS);

  const seedRule = { int: true, min: 0, max: Number.MAX_SAFE_INTEGER };
  const durationRule = { min: 0, exclusiveMin: true, max: LIMITS.timeMs, why: '30 days' };
  const seed = overrides.seed !== undefined ? p.number('seed (override)', overrides.seed, seedRule) : p.number('seed', v.seed, seedRule);
  const durationMs = overrides.durationMs !== undefined
    ? p.number('durationMs (override)', overrides.durationMs, durationRule)
    : p.number('durationMs', v.durationMs, { ...durationRule, def: 3_600_000 });

  const account = { concurrencyLimit: 1000, unreservedMinimum: 100, scaling: { environments: 1000, perMs: 10_000 } };
  if (v.account !== undefined && p.isObject('account', v.account)) {
    const a = v.account;
    p.unknownKeys('account', a, ['concurrencyLimit', 'unreservedMinimum', 'scaling']);
    account.concurrencyLimit = p.number('account.concurrencyLimit', a.concurrencyLimit, { int: true, min: 1, max: LIMITS.concurrencyLimit, def: 1000 });
    // The default minimum (100) cannot exceed a smaller limit: a 10-unit account keeps all 10 unreserved.
    account.unreservedMinimum = p.number('account.unreservedMinimum', a.unreservedMinimum, { int: true, min: 0, max: account.concurrencyLimit, def: Math.min(100, account.concurrencyLimit) });
    if (a.scaling !== undefined && p.isObject('account.scaling', a.scaling)) {
      p.unknownKeys('account.scaling', a.scaling, ['environments', 'perMs']);
      account.scaling = {
        environments: p.number('account.scaling.environments', a.scaling.environments, { int: true, min: 1, max: LIMITS.concurrencyLimit, def: 1000 }),
        perMs: p.number('account.scaling.perMs', a.scaling.perMs, { min: 1, max: 86_400_000, def: 10_000 }),
      };
    }
  }

  const fleet = { workers: 4, workerMemoryMb: 196_608, leaseMs: 50_400_000, prebootedPoolSize: 8 };
  if (v.fleet !== undefined && p.isObject('fleet', v.fleet)) {
    const f = v.fleet;
    p.unknownKeys('fleet', f, ['workers', 'workerMemoryMb', 'leaseMs', 'prebootedPoolSize']);
    fleet.workers = p.number('fleet.workers', f.workers, { int: true, min: 1, max: LIMITS.workers, def: 4 });
    fleet.workerMemoryMb = p.number('fleet.workerMemoryMb', f.workerMemoryMb, { int: true, min: 10_240, max: 4_194_304, def: 196_608 });
    fleet.leaseMs = p.number('fleet.leaseMs', f.leaseMs, { min: 3_600_000, max: 50_400_000, def: 50_400_000 });
    fleet.prebootedPoolSize = p.number('fleet.prebootedPoolSize', f.prebootedPoolSize, { int: true, min: 0, max: LIMITS.prebootedPoolSize, def: 8 });
  }

  const platform = parsePlatform(p, v.platform);
  if (platform.drainBeforeLeaseEndMs > fleet.leaseMs * LIMITS.drainShareOfLease) {
    // Otherwise a replacement worker would start draining at once and add another, forever.
    p.add('platform.drainBeforeLeaseEndMs', `must be at most half of fleet.leaseMs (${fleet.leaseMs * LIMITS.drainShareOfLease}): a worker drains for at most half its lease`);
  }

  const functions: FunctionConfig[] = [];
  const names = new Set<string>();
  p.array('functions', v.functions, undefined, LIMITS.functions, 'functions').forEach((f, i) => {
    const fn = parseFunction(p, join('functions', i), f, account);
    if (!fn) return;
    if (fn.name && names.has(fn.name)) p.add(join(join('functions', i), 'name'), `must be unique (${quote(fn.name)} is used twice)`);
    names.add(fn.name);
    functions.push(fn);
  });
  if (Array.isArray(v.functions) && v.functions.length === 0) p.add('functions', 'must define at least one function');

  const reservable = reservableConcurrency(account);
  let reservedSum = 0, setAside = 0;
  for (const f of functions) {
    reservedSum += f.reservedConcurrency ?? 0;
    setAside += Math.max(f.reservedConcurrency ?? 0, f.provisionedConcurrency); // PC counts against the reservation, or the unreserved pool
  }
  if (reservedSum > reservable) {
    p.add('functions', `reservedConcurrency adds up to ${reservedSum}, but at most ${reservable} may be reserved (${reservableWhy(account)})`);
  } else if (setAside > reservable) {
    p.add('functions', `reserved and provisioned concurrency add up to ${setAside}, but at most ${reservable} may be set aside (${reservableWhy(account)})`);
  }

  const created = new Set(names);
  const rawControl = p.array('controlPlane', v.controlPlane, [], LIMITS.timelineEntries, 'calls');
  for (const c of rawControl) {
    if (c && typeof c === 'object' && (c as Record<string, unknown>).action === 'CreateFunction' && typeof (c as Record<string, unknown>).function === 'string') created.add((c as { function: string }).function);
  }
  const workload: WorkloadEntry[] = [];
  const traceBudget: TraceBudget = { left: LIMITS.traceTimes };
  p.array('workload', v.workload, [], LIMITS.workloadEntries, 'entries').forEach((w, i) => {
    const entry = parseWorkloadEntry(p, join('workload', i), w, created, traceBudget);
    if (entry) workload.push(entry);
  });

  const fnConfigs = new Map(functions.map((f) => [f.name, f]));
  const eventSources = parseEventSources(p, p.array('eventSources', v.eventSources, [], LIMITS.eventSources, 'event sources'), fnConfigs, traceBudget);
  const esm = { functions: fnConfigs, names: new Set(eventSources.map((e) => e.name)) };
  const controlPlane = parseControlPlane(p, rawControl, names, account, esm);
  const faults = parseFaults(p, p.array('faults', v.faults, [], LIMITS.timelineEntries, 'faults'), names);

  if (p.list.length) return { ok: false, problems: p.list };
  return { ok: true, scenario: { seed, durationMs, account, fleet, platform, functions, workload, controlPlane, faults, eventSources } };
}

function parsePlatform(p: Problems, v: unknown): PlatformConfig {
  if (v === undefined) return DEFAULT_PLATFORM;
  if (!p.isObject('platform', v)) return DEFAULT_PLATFORM;
  const d = DEFAULT_PLATFORM;
  p.unknownKeys('platform', v, Object.keys(d));
  const dist = (k: keyof PlatformConfig) => parseDist(p, join('platform', k), v[k], d[k] as Dist);
  return {
    warmOverheadMs: dist('warmOverheadMs'),
    placementMs: dist('placementMs'),
    microvmBootMs: dist('microvmBootMs'),
    microvmCreationsPerSec: p.number('platform.microvmCreationsPerSec', v.microvmCreationsPerSec, { min: 1, max: 100_000, def: d.microvmCreationsPerSec }),
    imageFetchMs: dist('imageFetchMs'),
    extensionInitMs: dist('extensionInitMs'),
    shutdownMs: dist('shutdownMs'),
    initLimitMs: p.number('platform.initLimitMs', v.initLimitMs, { min: 1000, max: 900_000, def: d.initLimitMs }),
    drainBeforeLeaseEndMs: p.number('platform.drainBeforeLeaseEndMs', v.drainBeforeLeaseEndMs, { min: 0, max: 3_600_000, def: d.drainBeforeLeaseEndMs }),
    pollers: p.number('platform.pollers', v.pollers, { int: true, min: 1, max: LIMITS.pollers, def: d.pollers }),
    pollerBatchSize: p.number('platform.pollerBatchSize', v.pollerBatchSize, { int: true, min: 1, max: LIMITS.pollers, def: d.pollerBatchSize }),
    pollerLatencyMs: dist('pollerLatencyMs'),
    duplicateProbability: p.number('platform.duplicateProbability', v.duplicateProbability, { min: 0, max: 1, def: d.duplicateProbability }),
    snapStartRestoreMs: dist('snapStartRestoreMs'),
    snapStartPublishMs: p.number('platform.snapStartPublishMs', v.snapStartPublishMs, { min: 0, max: 900_000, def: d.snapStartPublishMs }),
    createFunctionMs: p.number('platform.createFunctionMs', v.createFunctionMs, { min: 0, max: 3_600_000, def: d.createFunctionMs }),
    updateFunctionMs: p.number('platform.updateFunctionMs', v.updateFunctionMs, { min: 0, max: 3_600_000, def: d.updateFunctionMs }),
    provisionedAllocationDelayMs: p.number('platform.provisionedAllocationDelayMs', v.provisionedAllocationDelayMs, { min: 0, max: 3_600_000, def: d.provisionedAllocationDelayMs }),
    provisionedRecycleMs: p.number('platform.provisionedRecycleMs', v.provisionedRecycleMs, { min: 60_000, max: 50_400_000, def: d.provisionedRecycleMs }),
  };
}
