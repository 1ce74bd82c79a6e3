import type { Percentiles } from './metrics/histogram';
import type { Simulation } from './simulation';

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
  workers: { peak: number; added: number; drained: number };
  eventLogRecords: number;
  eventLogSha256: string;
}

export interface LatencyStats { count: number; mean: number; p50: number; p90: number; p99: number; p999: number; max: number }

function asyncStats(sim: Simulation): Summary['async'] {
  const q = sim.asyncQueue;
  return { ...q.stats, queued: q.depth, oldestAgeMs: Math.round(q.oldestAgeMs()) };
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function latency(p: Percentiles): LatencyStats {
  return { count: p.count, mean: round(p.mean), p50: round(p.p50), p90: round(p.p90), p99: round(p.p99), p999: round(p.p999), max: round(p.max) };
}

/**
 * Builds the summary at the simulation's current time. `eventLogSha256` finalizes the
 * log's hash, so call `summarize` with `final: true` once, at the end of a run; otherwise the
 * hash field is left empty.
 */
export function summarize(sim: Simulation, opts: { wallMs?: number; final?: boolean } = {}): Summary {
  const m = sim.metrics;
  const inFlight = sim.inflight.size;
  // Every request the Frontend received (ids are sequential), counted apart from the outcomes so
  // that the identity total = Σ outcomes + inFlight (CONTRACTS.md §2) is a check, not a tautology.
  const total = sim.nextInvocationId - 1;
  const means = sim.gauge.means(0, sim.nowMs);
  const functions: Summary['functions'] = {};
  for (const f of sim.functions) functions[f.cfg.name] = { ...f.stats };
  const ran = m.ran;
  return {
    seed: sim.scenario.seed,
    simulatedMs: sim.nowMs,
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
      created: sim.nextEnvironmentId - 1,
      reclaimed: sim.nextEnvironmentId - 1 - sim.environments.size,
      peak: sim.gauge.peak,
      meanTotal: round(means.total), meanBusy: round(means.busy), meanIdle: round(means.idle),
      meanInitializing: round(means.initializing), meanShuttingDown: round(means.shuttingDown),
    },
    utilization: means.total ? round(means.busy / means.total, 6) : 0,
    latencyMs: { all: latency(m.latency.all.percentiles()), cold: latency(m.latency.cold.percentiles()), warm: latency(m.latency.warm.percentiles()) },
    async: { ...asyncStats(sim) },
    functions,
    workers: { peak: sim.peakWorkers, added: sim.nextWorkerId - 1, drained: sim.workersDrained },
    controlPlane: { calls: sim.controlPlaneCalls, errors: sim.controlPlaneErrors },
    faults: { injected: sim.faults.history.length, workersFailed: sim.workersFailed },
    clientQueued: m.clientQueued,
    eventLogRecords: sim.log.count,
    eventLogSha256: opts.final ? sim.log.digestHex() : '',
  };
}
