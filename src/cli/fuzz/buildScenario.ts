import { FUNCTION_NAMES, functionJson, scenarioShapeArb, type ScenarioShape } from './generateScenario';
import { eventSourceCallJson, eventSourceJson } from '../../core/eventSources/generate';

const ACTIONS = ['UpdateFunctionCode', 'UpdateFunctionConfiguration', 'PublishVersion', 'CreateAlias', 'UpdateAlias', 'PutFunctionConcurrency',
  'DeleteFunctionConcurrency', 'PutProvisionedConcurrencyConfig', 'DeleteProvisionedConcurrencyConfig', 'PutFunctionEventInvokeConfig', 'DeleteFunction', 'CreateFunction'] as const;

/**
 * A control-plane call with parameters derived from two numbers (so it shrinks with them).
 * Calls that the model will refuse at run time (no such version, an update in progress) are
 * welcome: refusals must be the same on every path.
 */
export function controlCall(names: string[], k: number, p: number, reservable: number): Record<string, unknown> {
  const action = ACTIONS[k % ACTIONS.length];
  const fn = action === 'CreateFunction' ? `late${p % 2}` : names[p % names.length];
  const version = String(1 + (p % 2));
  switch (action) {
    case 'UpdateFunctionConfiguration':
      return { action, function: fn, config: p % 2 ? { memoryMb: 128 + (p % 4) * 512, timeoutMs: 1000 * (1 + (p % 5)) } : { keepAliveMs: { dist: 'constant', value: p % 3 } } };
    case 'CreateAlias':
    case 'UpdateAlias':
      return { action, function: fn, name: 'live', functionVersion: p % 3 === 0 ? '$LATEST' : '1', additionalVersionWeights: p % 3 === 2 ? { '2': 0.5 } : {} };
    case 'PutFunctionConcurrency':
      return { action, function: fn, reservedConcurrency: Math.min(reservable, p % 4) };
    case 'PutProvisionedConcurrencyConfig':
      return { action, function: fn, qualifier: p % 2 ? 'live' : version, provisionedConcurrentExecutions: Math.max(1, Math.min(reservable, 1 + (p % 4))) };
    case 'DeleteProvisionedConcurrencyConfig':
      return { action, function: fn, qualifier: p % 2 ? 'live' : version };
    case 'PutFunctionEventInvokeConfig':
      return { action, function: fn, maximumRetryAttempts: p % 3, maximumEventAgeMs: 60_000 * (1 + (p % 3)), onFailure: p % 2 ? 'dlq' : 'none' };
    case 'CreateFunction':
      return { action, function: fn, config: { runtime: p % 2 ? 'java21' : 'nodejs20.x', durationMs: { dist: 'constant', value: p % 50 }, ...(p % 3 === 0 ? { reservedConcurrency: Math.min(reservable, 1) } : {}) } };
    default:
      return { action, function: fn };
  }
}

/** A fault starting at `atMs` (lasting `lenMs`), with parameters from `x` in [0, 1]. */
export function faultJson(type: string, atMs: number, lenMs: number, x: number, names: string[]): Record<string, unknown> {
  switch (type) {
    case 'worker-failure': return { type, atMs, worker: x < 0.5 ? 'any' : 1 + Math.floor(x * 8) };
    case 'invoke-outage': return { type, fromMs: atMs, toMs: atMs + lenMs + 1 };
    case 'slow-pollers': return { type, fromMs: atMs, toMs: atMs + lenMs + 1, factor: 1 + Math.floor(x * 100) };
    default: return { type: 'init-failure', fromMs: atMs, toMs: atMs + lenMs + 1, rate: x, ...(x < 0.5 ? { function: names[Math.floor(x * 10) % names.length] } : {}) };
  }
}

/** The scenario JSON for a generated shape. */
export function buildScenario(s: ScenarioShape): Record<string, unknown> {
  const limit = s.account.concurrencyLimit;
  const unreservedMinimum = Math.floor(limit * s.account.unreservedShare);
  const reservable = limit - unreservedMinimum;
  const names = FUNCTION_NAMES.slice(0, s.functions.length);
  // Two customers with the same limits share the fleet: odd functions belong to the second.
  const left = [{ n: reservable }, { n: reservable }];
  const accountOf = (i: number) => (s.twoAccounts ? i % 2 : 0);
  const functions = s.functions.map((f, i) => ({ ...functionJson(names[i], f, reservable, left[accountOf(i)]), ...(s.twoAccounts ? { account: accountOf(i) ? 'b' : 'a' } : {}) }));
  const isolated = new Set(functions.filter((f) => 'tenancyConfig' in f).map((f) => (f as Record<string, unknown>).name as string));
  const d = s.durationMs;
  const lease = s.fleet.leaseMs;
  const zero = { dist: 'constant', value: 0 };
  const p = s.platform;
  const platform = {
    drainBeforeLeaseEndMs: Math.min(3_600_000, Math.floor(lease * p.drainShare)), pollers: p.pollers, pollerBatchSize: p.pollerBatchSize,
    duplicateProbability: p.duplicateProbability, initLimitMs: p.initLimitMs, provisionedAllocationDelayMs: p.provisionedAllocationDelayMs,
    provisionedRecycleMs: p.provisionedRecycleMs, createFunctionMs: p.createFunctionMs, updateFunctionMs: p.updateFunctionMs,
    snapStartPublishMs: p.snapStartPublishMs, microvmCreationsPerSec: p.microvmCreationsPerSec,
    vmm: p.vmm, proactiveReplacement: p.proactiveReplacement, placementPerWorkerLimit: p.placementPerWorkerLimit,
    environmentRecycleMs: { dist: 'constant', value: p.recycleMs }, asyncBacklogThreshold: p.asyncBacklogThreshold,
    ...(p.maxPollers === undefined ? {} : { maxPollers: p.maxPollers }),
    ...(p.zeroLatency ? { warmOverheadMs: zero, placementMs: zero, microvmBootMs: zero, shutdownMs: zero, pollerLatencyMs: zero, imageFetchMs: zero, extensionInitMs: zero } : {}),
  };
  const workload = s.workload.map((w) => {
    const fn = names[w.fn % names.length] + w.qualifier;
    const kinds = ['poisson', 'constant', 'burst', 'ramp', 'diurnal', 'trace'] as const;
    const kind = kinds[w.arrival % kinds.length];
    const arrival =
      kind === 'poisson' || kind === 'constant' ? { process: kind, ratePerSec: w.r }
      : kind === 'burst' ? { process: kind, count: w.n, atMs: Math.floor(w.a * d) }
      : kind === 'ramp' ? { process: kind, fromPerSec: w.r * w.a, toPerSec: w.r, overMs: 1 + Math.floor(w.a * d) }
      : kind === 'diurnal' ? { process: kind, meanPerSec: w.r, amplitude: w.a, periodMs: 1000 + Math.floor(w.a * d) }
      : { process: kind, timesMs: Array.from({ length: w.n % 50 }, (_, i) => Math.floor((i * d) / 50)) };
    const window = w.window ? { startMs: w.window[0] % d, endMs: (w.window[0] % d) + (w.window[1] % d) } : {};
    const tenants = isolated.has(names[w.fn % names.length]) ? { tenants: { count: 1 + (w.n % 5), zipf: w.a } } : {};
    return { function: fn, mode: w.mode, arrival, ...window, client: { maxAttempts: w.attempts, queueDuringOutage: w.queue }, ...(w.payload === undefined ? {} : { payloadBytes: w.payload }), ...tenants };
  });
  const controlPlane: Record<string, unknown>[] = s.controlPlane.map(([t, k, q]) => ({ atMs: t % d, ...controlCall(names, k, q, reservable) }));
  // Event sources feed a function of the scenario; their calls name them, so they come with them.
  const timeoutOf = (name: string) => ((functions as Record<string, unknown>[]).find((f) => f.name === name)?.timeoutMs as number | undefined) ?? 3000;
  // A mapping cannot invoke a function with tenant isolation (it sends no tenant id): map only the others.
  const mappable = names.filter((n) => !isolated.has(n));
  const eventSources = mappable.length ? s.eventSources.map(([f, v], i) => eventSourceJson(`q${i}`, mappable[f % mappable.length], timeoutOf(mappable[f % mappable.length]), v)) : [];
  if (eventSources.length) {
    const fn = eventSources[0].function as string, sourceNames = eventSources.map((e) => e.name as string);
    for (const [t, k, q, v] of s.eventSourceCalls) controlPlane.push({ atMs: t % d, ...eventSourceCallJson(fn, sourceNames, timeoutOf(fn), k, q, v) });
  }
  const faults = s.faults.map(([type, t, len, x]) => faultJson(type, t % d, len % d, x, names));
  return {
    seed: s.seed, durationMs: d,
    ...(s.twoAccounts
      ? { accounts: [{ id: 'a', concurrencyLimit: limit, unreservedMinimum, scaling: s.account.scaling }, { id: 'b', concurrencyLimit: limit, unreservedMinimum, scaling: s.account.scaling }] }
      : { account: { concurrencyLimit: limit, unreservedMinimum, scaling: s.account.scaling } }),
    cost: { freeTier: s.freeTier },
    // The smallest worker that holds the largest function plus its VMM's overhead (the validator's rule).
    fleet: { ...s.fleet, workerMemoryMb: Math.max(s.fleet.workerMemoryMb, 10_240 + (p.vmm === 'qemu' ? 140 : 3)) }, platform, functions, workload, controlPlane, faults,
    ...(eventSources.length ? { eventSources } : {}),
  };
}

export const scenarioArb = scenarioShapeArb.map(buildScenario);
