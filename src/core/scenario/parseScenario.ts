import type { Dist } from '../engine/distributions';
import { Problems, join, quote } from './check';
import { LIMITS } from './limits';
import { parseDist } from './parseDist';
import { parseFunction } from './parseFunction';
import { parseWorkloadEntry, type TraceBudget } from './parseWorkload';
import { parseControlPlane, parseFaults } from './parseTimeline';
import { checkReservations, checkTenantWorkload, defaultBootDist, defaultVmmOverheadMb, parseAccounts, parseCost } from './parseScale';
import { parseEventSources } from './parseEventSource';
import type { FunctionConfig, PlatformConfig, Scenario, WorkloadEntry } from './types';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

const TOP_KEYS = ['seed', 'durationMs', 'account', 'accounts', 'fleet', 'platform', 'functions', 'workload', 'controlPlane', 'faults', 'eventSources', 'cost', 'name', 'description'];

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
  environmentRecycleMs: { dist: 'uniform', min: 2 * 3_600_000, max: 6 * 3_600_000 },
  proactiveReplacement: true,
  vmm: 'firecracker',
  vmmOverheadMb: defaultVmmOverheadMb('firecracker'),
  placementPerWorkerLimit: 16,
  placementMinLeaseLeftMs: 3_600_000,
  maxPollers: null,
  asyncBacklogThreshold: 10_000,
  concurrentSnapshotCreations: 10,
};

/** Workers in the default cell [INF: AWS does not publish a cell's size]. */
export const DEFAULT_CELL_WORKERS = 200;

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

  const accounts = parseAccounts(p, v.account, v.accounts);
  const account = accounts[0];
  const cost = parseCost(p, v.cost);

  // A cell of many workers: large enough that a burst Counting admits (1,000 new
  // environments) starts from pre-booted microVMs instead of waiting for boots.
  const fleet = { workers: DEFAULT_CELL_WORKERS, workerMemoryMb: 196_608, leaseMs: 50_400_000, prebootedPoolSize: 8 };
  if (v.fleet !== undefined && p.isObject('fleet', v.fleet)) {
    const f = v.fleet;
    p.unknownKeys('fleet', f, ['workers', 'workerMemoryMb', 'leaseMs', 'prebootedPoolSize']);
    fleet.workers = p.number('fleet.workers', f.workers, { int: true, min: 1, max: LIMITS.workers, def: DEFAULT_CELL_WORKERS });
    fleet.workerMemoryMb = p.number('fleet.workerMemoryMb', f.workerMemoryMb, { int: true, min: 10_240, max: 4_194_304, def: 196_608 });
    fleet.leaseMs = p.number('fleet.leaseMs', f.leaseMs, { min: 3_600_000, max: 50_400_000, def: 50_400_000 });
    fleet.prebootedPoolSize = p.number('fleet.prebootedPoolSize', f.prebootedPoolSize, { int: true, min: 0, max: LIMITS.prebootedPoolSize, def: 8 });
  }

  const platform = parsePlatform(p, v.platform);
  if (platform.drainBeforeLeaseEndMs > fleet.leaseMs * LIMITS.drainShareOfLease) {
    // Otherwise a replacement worker would start draining at once and add another, forever.
    p.add('platform.drainBeforeLeaseEndMs', `must be at most half of fleet.leaseMs (${fleet.leaseMs * LIMITS.drainShareOfLease}): a worker drains for at most half its lease`);
  }

  if (fleet.workerMemoryMb < 10_240 + platform.vmmOverheadMb) {
    // A worker must hold the largest function (10,240 MB) plus its VMM's per-microVM overhead.
    p.add('fleet.workerMemoryMb', `must be at least ${10_240 + platform.vmmOverheadMb} MB: the largest function (10240 MB) plus platform.vmmOverheadMb (${platform.vmmOverheadMb} MB for ${platform.vmm})`);
  }

  const functions: FunctionConfig[] = [];
  const names = new Set<string>();
  p.array('functions', v.functions, undefined, LIMITS.functions, 'functions').forEach((f, i) => {
    const fn = parseFunction(p, join('functions', i), f, accounts);
    if (!fn) return;
    if (fn.name && names.has(fn.name)) p.add(join(join('functions', i), 'name'), `must be unique (${quote(fn.name)} is used twice)`);
    names.add(fn.name);
    functions.push(fn);
  });
  if (Array.isArray(v.functions) && v.functions.length === 0) p.add('functions', 'must define at least one function');

  checkReservations(p, accounts, functions);

  const created = new Set(names);
  const rawControl = p.array('controlPlane', v.controlPlane, [], LIMITS.timelineEntries, 'calls');
  for (const c of rawControl) {
    if (c && typeof c === 'object' && (c as Record<string, unknown>).action === 'CreateFunction' && typeof (c as Record<string, unknown>).function === 'string') created.add((c as { function: string }).function);
  }
  const workload: WorkloadEntry[] = [];
  const traceBudget: TraceBudget = { left: LIMITS.traceTimes };
  const byName = new Map(functions.map((f) => [f.name, f]));
  p.array('workload', v.workload, [], LIMITS.workloadEntries, 'entries').forEach((w, i) => {
    const entry = parseWorkloadEntry(p, join('workload', i), w, created, traceBudget);
    if (!entry) return;
    workload.push(entry);
    const colon = entry.function.indexOf(':');
    checkTenantWorkload(p, join('workload', i), entry.tenants ?? null, byName.get(colon < 0 ? entry.function : entry.function.slice(0, colon)));
  });

  const fnConfigs = new Map(functions.map((f) => [f.name, f]));
  const eventSources = parseEventSources(p, p.array('eventSources', v.eventSources, [], LIMITS.eventSources, 'event sources'), fnConfigs, traceBudget);
  const esm = { functions: fnConfigs, names: new Set(eventSources.map((e) => e.name)) };
  const controlPlane = parseControlPlane(p, rawControl, names, accounts, esm);
  const faults = parseFaults(p, p.array('faults', v.faults, [], LIMITS.timelineEntries, 'faults'), names);

  if (p.list.length) return { ok: false, problems: p.list };
  return { ok: true, scenario: { seed, durationMs, account, accounts, cost, fleet, platform, functions, workload, controlPlane, faults, eventSources } };
}

function parsePlatform(p: Problems, v: unknown): PlatformConfig {
  if (v === undefined) return DEFAULT_PLATFORM;
  if (!p.isObject('platform', v)) return DEFAULT_PLATFORM;
  const d = DEFAULT_PLATFORM;
  p.unknownKeys('platform', v, Object.keys(d));
  const dist = (k: keyof PlatformConfig) => parseDist(p, join('platform', k), v[k], d[k] as Dist);
  const vmm = p.oneOf('platform.vmm', v.vmm, ['firecracker', 'qemu'] as const, 'firecracker');
  const maxPollers = v.maxPollers === undefined || v.maxPollers === null ? null : p.number('platform.maxPollers', v.maxPollers, { int: true, min: 1, max: LIMITS.pollers });
  return {
    warmOverheadMs: dist('warmOverheadMs'),
    placementMs: dist('placementMs'),
    microvmBootMs: parseDist(p, 'platform.microvmBootMs', v.microvmBootMs, defaultBootDist(vmm)),
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
    environmentRecycleMs: dist('environmentRecycleMs'),
    proactiveReplacement: v.proactiveReplacement === undefined ? true : v.proactiveReplacement === true ? true : v.proactiveReplacement === false ? false : (p.add('platform.proactiveReplacement', 'must be true or false'), true),
    vmm,
    vmmOverheadMb: p.number('platform.vmmOverheadMb', v.vmmOverheadMb, { min: 0, max: 4096, def: defaultVmmOverheadMb(vmm) }),
    placementPerWorkerLimit: p.number('platform.placementPerWorkerLimit', v.placementPerWorkerLimit, { int: true, min: 1, max: 100_000, def: d.placementPerWorkerLimit }),
    placementMinLeaseLeftMs: p.number('platform.placementMinLeaseLeftMs', v.placementMinLeaseLeftMs, { min: 0, max: 50_400_000, def: d.placementMinLeaseLeftMs }),
    maxPollers,
    asyncBacklogThreshold: p.number('platform.asyncBacklogThreshold', v.asyncBacklogThreshold, { int: true, min: 1, max: 100_000_000, def: d.asyncBacklogThreshold }),
    concurrentSnapshotCreations: p.number('platform.concurrentSnapshotCreations', v.concurrentSnapshotCreations, { int: true, min: 1, max: 10_000, def: d.concurrentSnapshotCreations }),
  };
}
