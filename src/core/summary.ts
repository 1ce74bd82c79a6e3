import { percentiles, type Percentiles } from './metrics/histogram';
import { gaugeMeans } from './metrics/environmentGauge';
import { completedCount } from './metrics/runMetrics';
import { oldestEventAgeMs } from './services/asyncQueue';
import type { Simulation } from './simulation';
import { bill, type CostSummary } from './cost/bill';
import { eventSourceSummaries, type EventSourceSummary } from './eventSources/summary';

/** The run summary: CONTRACTS.md §2, field for field, plus a few additions. */
export interface Summary {
  seed: number;
  simulatedMs: number;
  wallMs: number;
  invocations: {
    total: number; succeeded: number; functionErrors: number; timedOut: number; throttled: number;
    dryRun: number; inFlight: number; rejected: number; serviceErrors: number;
  };
  coldStarts: number;
  coldStartRatio: number;
  throttleRatio: number;
  throttleReasons: Record<string, number>;
  environments: {
    created: number; reclaimed: number; peak: number;
    meanTotal: number; meanBusy: number; meanIdle: number; meanInitializing: number; meanShuttingDown: number;
    /** Initialized with no request waiting, to replace another (proactive Init): before a lease ends or a recycle. */
    proactive: number;
    proactiveForLease: number;
    proactiveForRecycle: number;
    /** On-demand environments that reached their lifetime ("every few hours") and were recycled. */
    recycled: number;
  };
  utilization: number;
  latencyMs: { all: LatencyStats; cold: LatencyStats; warm: LatencyStats };
  async: {
    accepted: number; succeeded: number; retries: number; deadLettered: number; expired: number; dropped: number;
    duplicates: number; queued: number; onSuccessDelivered: number; oldestAgeMs: number;
    /** Of deadLettered: to the dead-letter queue (event body) and to the on-failure destination (invocation record). */
    toDlq: number; toOnFailure: number;
    /** The poller fleet at its largest. */
    peakPollers: number;
    /** The CloudWatch metrics AWS reports for asynchronous invocation [DOC monitoring-metrics]. */
    metrics: { AsyncEventsReceived: number; AsyncEventAge: LatencyStats; AsyncEventsDropped: number };
  };
  controlPlane: { calls: number; errors: number };
  faults: { injected: number; workersFailed: number };
  clientQueued: number;
  functions: Record<string, { invocations: number; coldStarts: number; throttled: number }>;
  /** Event source mappings, in the scenario's order (then those created by CreateEventSourceMapping). */
  eventSources: EventSourceSummary[];
  workers: { peak: number; added: number; drained: number };
  /** What the run costs at AWS's published prices (cost/pricing.ts). */
  cost: CostSummary;
  eventLogRecords: number;
  eventLogSha256: string;
}

export interface LatencyStats { count: number; mean: number; p50: number; p90: number; p99: number; p999: number; max: number }

function asyncStats(sim: Simulation): Summary['async'] {
  const q = sim.state.asyncQueue;
  return {
    ...q.stats, queued: q.events.size, oldestAgeMs: Math.round(oldestEventAgeMs(sim.state)),
    metrics: {
      AsyncEventsReceived: q.stats.accepted,
      AsyncEventAge: latency(percentiles(q.eventAge)),
      // "dropped without successfully executing the function … sent to a DLQ or OnFailure destination before they're dropped" [DOC]
      AsyncEventsDropped: q.stats.deadLettered + q.stats.dropped,
    },
  };
}

const SCALE = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]; // 10^d without ** (engine-independent)
const round = (x: number, d = 3) => Math.round(x * SCALE[d]) / SCALE[d];

function latency(p: Percentiles): LatencyStats {
  return { count: p.count, mean: round(p.mean), p50: round(p.p50), p90: round(p.p90), p99: round(p.p99), p999: round(p.p999), max: round(p.max) };
}

/**
 * Builds the summary at the simulation's current time. `final: true` adds the event log's
 * SHA-256 (with an injected hasher that finalizes it: then call it once, at the end of a run);
 * otherwise the hash field is left empty.
 */
export function summarize(sim: Simulation, opts: { wallMs?: number; final?: boolean } = {}): Summary {
  const s = sim.state;
  const m = s.metrics;
  const inFlight = s.inflight.size;
  // Every request the Frontend received (ids are sequential), counted apart from the outcomes so
  // that the identity total = Σ outcomes + inFlight (CONTRACTS.md §2) is a check, not a tautology.
  const total = s.nextInvocationId - 1;
  const means = gaugeMeans(s.gauge, 0, s.nowMs);
  const functions: Summary['functions'] = {};
  for (const f of s.functions) functions[f.cfg.name] = { ...f.stats };
  const ran = m.ran;
  return {
    seed: s.scenario.seed,
    simulatedMs: s.nowMs,
    wallMs: Math.round(opts.wallMs ?? 0),
    invocations: {
      total, succeeded: m.succeeded, functionErrors: m.functionErrors, timedOut: m.timedOut, throttled: m.throttled,
      dryRun: m.dryRun, inFlight, rejected: m.rejected, serviceErrors: m.serviceErrors,
    },
    coldStarts: m.coldStarts,
    coldStartRatio: ran ? round(m.coldStarts / ran, 6) : 0,
    throttleRatio: total ? round(m.throttled / total, 6) : 0,
    throttleReasons: { ...m.throttleReasons },
    environments: {
      created: s.nextEnvironmentId - 1,
      reclaimed: s.nextEnvironmentId - 1 - s.environments.size,
      peak: s.gauge.peak,
      meanTotal: round(means.total), meanBusy: round(means.busy), meanIdle: round(means.idle),
      meanInitializing: round(means.initializing), meanShuttingDown: round(means.shuttingDown),
      proactive: m.proactive, proactiveForLease: m.proactiveForLease, proactiveForRecycle: m.proactiveForRecycle, recycled: m.recycled,
    },
    utilization: means.total ? round(means.busy / means.total, 6) : 0,
    latencyMs: { all: latency(percentiles(m.latency.all)), cold: latency(percentiles(m.latency.cold)), warm: latency(percentiles(m.latency.warm)) },
    async: { ...asyncStats(sim) },
    functions,
    eventSources: eventSourceSummaries(s),
    workers: { peak: s.peakWorkers, added: s.nextWorkerId - 1, drained: s.workersDrained },
    cost: roundCost(bill(s)),
    controlPlane: { calls: s.controlPlaneCalls, errors: s.controlPlaneErrors },
    faults: { injected: s.faults.history.length, workersFailed: s.workersFailed },
    clientQueued: m.clientQueued,
    eventLogRecords: s.log.count,
    eventLogSha256: opts.final ? sim.eventLogSha256() : '',
  };
}

/** Dollars to 1/1,000,000 of a cent, GB-seconds to 1/1,000: stable digits for golden runs. */
function roundCost(c: CostSummary): CostSummary {
  const usd = (x: number) => round(x, 8);
  const byFunction: CostSummary['byFunction'] = {};
  for (const [k, f] of Object.entries(c.byFunction)) {
    byFunction[k] = {
      ...f, usd: usd(f.usd), invokeGbSeconds: round(f.invokeGbSeconds), initGbSeconds: round(f.initGbSeconds), provisionedGbSeconds: round(f.provisionedGbSeconds),
      provisionedInvokeGbSeconds: round(f.provisionedInvokeGbSeconds), snapStartCacheGbSeconds: round(f.snapStartCacheGbSeconds), snapStartRestoredGb: round(f.snapStartRestoredGb),
      lines: Object.fromEntries(Object.entries(f.lines).map(([l, v]) => [l, usd(v)])) as typeof f.lines,
    };
  }
  const byAccount = Object.fromEntries(Object.entries(c.byAccount).map(([k, a]) => [k, { usd: usd(a.usd) }]));
  return {
    ...c, usd: usd(c.usd), invokeGbSeconds: round(c.invokeGbSeconds), initGbSeconds: round(c.initGbSeconds),
    provisionedGbSeconds: round(c.provisionedGbSeconds), freeTierUsd: usd(c.freeTierUsd), byFunction, byAccount,
  };
}
