import type { Simulation } from '../core/simulation';
import type { SeriesPoint } from '../protocol/messages';

/**
 * Reads one series point from the simulation at boundary `b` (≥ the clock: the state is
 * constant from the last event until the next, so reading it now is reading it at b).
 * Time-dependent values (the oldest event's age, the refilling scaling bucket) are taken at b.
 * Reads counters directly: a point costs ~1 µs, so sampling never slows the run.
 */
export function samplePoint(sim: Simulation, b: number): SeriesPoint {
  let coldStarts = 0, invocations = 0;
  for (const f of sim.functions) { coldStarts += f.stats.coldStarts; invocations += f.stats.invocations; }
  const fn0 = sim.functions[0];
  let provisioned = 0, provisionedReady = 0;
  if (fn0) {
    for (const id of fn0.versions.values()) {
      const v = sim.versions[id];
      provisioned += v.provisioned.requested;
      provisionedReady += v.provisioned.live;
    }
  }
  const depth = sim.asyncQueue.depth;
  return {
    t: b,
    concurrency: sim.counting.accountInUse,
    environments: sim.environments.size,
    busy: sim.gauge.now[1], idle: sim.gauge.now[2], initializing: sim.gauge.now[0],
    throttled: sim.metrics.throttled,
    coldStarts,
    invocations,
    queueDepth: depth,
    oldestAgeMs: depth > 0 ? sim.asyncQueue.oldestAgeMs() + (b - sim.nowMs) : 0,
    bucketTokens: fn0 ? sim.counting.peekTokens(fn0, b) : 0,
    accountLimit: sim.scenario.account.concurrencyLimit,
    scalingCapacity: sim.counting.capacity,
    reserved: fn0 ? fn0.cfg.reservedConcurrency : null,
    provisioned,
    provisionedReady,
  };
}
