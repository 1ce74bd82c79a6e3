import type { SimContext } from './context';
import { compileDist } from './engine/distributions';
import { createLog, type LogHashing } from './engine/eventLog';
import { createQueue } from './engine/eventQueue';
import { copyPlain, deepFreeze } from './engine/plainCopy';
import { createStream, type StreamState } from './engine/random';
import { createGauge } from './metrics/environmentGauge';
import { createMetrics } from './metrics/runMetrics';
import { STATE_VERSION, type PlatformDist, type SimState } from './model/simState';
import type { Scenario } from './scenario/types';
import { createAsyncQueue } from './services/asyncQueue';
import { callControlPlane } from './services/controlPlane';
import { createCounting } from './services/counting';
import { addFault } from './services/faults';
import { createFaults } from './services/faultQueries';
import { createInitialFleet } from './services/fleet';
import { addFunction } from './services/functions';
import { createLiveLoad } from './workload/liveLoad';
import { meterProvisionedChange } from './cost/meter';
import { REQUESTS_PER_SECOND_PER_CONCURRENCY, createRateBucket } from './services/requestRate';
import { createEventSources } from './eventSources/state';
import { addSource } from './eventSources/sources';
import { createBatchMeans } from './analytic/batchMeans';
import { createTraceSource } from './traces/source';
import { initialBatchMs } from './analytic/runCounters';

const PLATFORM_DISTS: readonly PlatformDist[] = [
  'warmOverheadMs', 'placementMs', 'microvmBootMs', 'imageFetchMs', 'extensionInitMs', 'shutdownMs', 'pollerLatencyMs', 'snapStartRestoreMs',
  'environmentRecycleMs',
];

/** The state of a new run at t = 0, before anything is scheduled. The scenario is copied and frozen. */
export function createState(scenario: Scenario, opts: { hashing: LogHashing; logRingSize: number; recentInvocations: number }): SimState {
  const frozen = deepFreeze(copyPlain(scenario, 'scenario'), 'scenario');
  const streams: StreamState[] = [];
  const stream = (name: string) => streams.push(createStream(frozen.seed, `platform:${name}`)) - 1;
  const p = frozen.platform;
  return {
    version: STATE_VERSION,
    scenario: frozen,
    nowMs: 0,
    eventsProcessed: 0,
    queue: createQueue(),
    streams,
    rng: {
      overhead: stream('overhead'), placement: stream('placement'), microvm: stream('microvm'), shutdown: stream('shutdown'),
      client: stream('client-retry'), pollers: stream('pollers'), faults: stream('faults'), recycle: stream('recycle'), tenants: stream('tenants'),
    },
    platformSample: deepFreeze(Object.fromEntries(PLATFORM_DISTS.map((k) => [k, compileDist(p[k])])) as SimState['platformSample']),
    log: createLog(opts.hashing, opts.logRingSize),
    functions: [],
    versions: [],
    environments: new Map(),
    workers: new Map(),
    inflight: new Map(),
    recent: { items: [], next: 0, cap: opts.recentInvocations },
    counting: createCounting(),
    moreCounting: frozen.accounts.slice(1).map(() => createCounting()),
    accountRate: frozen.accounts.map((a) => createRateBucket(REQUESTS_PER_SECOND_PER_CONCURRENCY * a.concurrencyLimit, 0)),
    tenants: { names: [''], index: new Map() },
    nextMicrovmId: 1,
    snapshotCreations: frozen.accounts.map(() => 0),
    asyncQueue: createAsyncQueue(p.pollers),
    eventSources: createEventSources(),
    faults: createFaults(),
    controlPlaneResults: [],
    controlPlaneCalls: 0,
    controlPlaneErrors: 0,
    pendingConfig: new Map(),
    gauge: createGauge(0),
    metrics: createMetrics(),
    workload: [],
    live: createLiveLoad(),
    nextEnvironmentId: 1,
    nextWorkerId: 1,
    nextInvocationId: 1,
    nextPoolStamp: 1,
    peakWorkers: 0,
    workersDrained: 0,
    workersFailed: 0,
    trace: frozen.trace ? createTraceSource(frozen.trace) : null,
    batches: createBatchMeans(initialBatchMs(frozen)),
  };
}

/**
 * The scenario's world at t = 0: the initial fleet, the functions (with the provisioned
 * concurrency shorthand), and the timeline of control-plane calls and faults. Workload
 * arrivals are the Simulation's (it keeps their request templates).
 */
export function populate(ctx: SimContext): void {
  const s = ctx.state;
  createInitialFleet(ctx);
  for (const f of s.scenario.functions) {
    const fn = addFunction(ctx, f, 'Active');
    if (f.provisionedConcurrency > 0) {
      // Shorthand: version 1 with alias "live" and provisioned concurrency on it, ready at start.
      callControlPlane(ctx, { atMs: 0, action: 'PublishVersion', function: fn.name });
      callControlPlane(ctx, { atMs: 0, action: 'CreateAlias', function: fn.name, name: 'live', functionVersion: '1', additionalVersionWeights: {} });
      const v = s.versions[fn.versions.get('1')!];
      v.provisioned.requested = f.provisionedConcurrency;
      meterProvisionedChange(v, f.provisionedConcurrency, 0);
      ctx.schedule(0, { type: 'control.complete', fn: fn.index, ver: v.id, operation: 'provision', token: 0 });
    }
  }
  for (const e of s.scenario.eventSources) addSource(ctx, e, false);
  s.scenario.controlPlane.forEach((c, index) => ctx.schedule(c.atMs, { type: 'control.call', index }));
  for (const f of s.scenario.faults) addFault(ctx, f);
}
