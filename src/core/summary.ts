import { percentiles, type Percentiles } from './metrics/histogram';
import { gaugeMeans } from './metrics/environmentGauge';
import { completedCount } from './metrics/runMetrics';
import { oldestEventAgeMs } from './services/asyncQueue';
import type { Simulation } from './simulation';
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
  };
  utilization: number;
  latencyMs: { all: LatencyStats; cold: LatencyStats; warm: LatencyStats };
  async: {
    accepted: number; succeeded: number; retries: number; deadLettered: number; expired: number; dropped: number;
    duplicates: number; queued: number; onSuccessDelivered: number; oldestAgeMs: number;
  };
  controlPlane: { calls: number; errors: number };
  faults: { injected: number; workersFailed: number };
  clientQueued: number;
  functions: Record<string, { invocations: number; coldStarts: number; throttled: number }>;
  /** Event source mappings, in the scenario's order (then those created by CreateEventSourceMapping). */
  eventSources: EventSourceSummary[];
  workers: { peak: number; added: number; drained: number };
  eventLogRecords: number;
  eventLogSha256: string;
}

export interface LatencyStats { count: number; mean: number; p50: number; p90: number; p99: number; p999: number; max: number }

function asyncStats(sim: Simulation): Summary['async'] {
  const q = sim.state.asyncQueue;
  return { ...q.stats, queued: q.events.size, oldestAgeMs: Math.round(oldestEventAgeMs(sim.state)) };
}

const SCALE = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
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
    },
    utilization: means.total ? round(means.busy / means.total, 6) : 0,
    latencyMs: { all: latency(percentiles(m.latency.all)), cold: latency(percentiles(m.latency.cold)), warm: latency(percentiles(m.latency.warm)) },
    async: { ...asyncStats(sim) },
    functions,
    eventSources: eventSourceSummaries(s),
    workers: { peak: s.peakWorkers, added: s.nextWorkerId - 1, drained: s.workersDrained },
    controlPlane: { calls: s.controlPlaneCalls, errors: s.controlPlaneErrors },
    faults: { injected: s.faults.history.length, workersFailed: s.workersFailed },
    clientQueued: m.clientQueued,
    eventLogRecords: s.log.count,
    eventLogSha256: opts.final ? sim.eventLogSha256() : '',
  };
}
