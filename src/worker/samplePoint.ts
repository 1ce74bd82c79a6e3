import { eventSourceSample, oldestEventAgeMs, peekTokens, type Simulation } from '../core/index';
import type { SeriesPoint } from '../protocol/messages';

/**
 * Reads one series point from the simulation at boundary `b` (≥ the clock: the state is
 * constant from the last event until the next, so reading it now is reading it at b).
 * Time-dependent values (the oldest event's age, the refilling scaling bucket) are taken at b.
 * Reads counters directly: a point costs ~1 µs, so sampling never slows the run.
 */
export function samplePoint(sim: Simulation, b: number): SeriesPoint {
  const s = sim.state;
  let coldStarts = 0, invocations = 0;
  for (const f of s.functions) { coldStarts += f.stats.coldStarts; invocations += f.stats.invocations; }
  const fn0 = s.functions[0];
  let provisioned = 0, provisionedReady = 0;
  if (fn0) {
    for (const id of fn0.versions.values()) {
      const v = s.versions[id];
      provisioned += v.provisioned.requested;
      provisionedReady += v.provisioned.live;
    }
  }
  const depth = s.asyncQueue.events.size;
  return {
    t: b,
    concurrency: s.counting.accountInUse,
    environments: s.environments.size,
    busy: s.gauge.now[1], idle: s.gauge.now[2], initializing: s.gauge.now[0],
    throttled: s.metrics.throttled,
    coldStarts,
    invocations,
    queueDepth: depth,
    oldestAgeMs: depth > 0 ? oldestEventAgeMs(s) + (b - s.nowMs) : 0,
    bucketTokens: fn0 ? peekTokens(s, fn0, b) : 0,
    accountLimit: s.scenario.account.concurrencyLimit,
    scalingCapacity: s.scenario.account.scaling.environments,
    reserved: fn0 ? fn0.cfg.reservedConcurrency : null,
    provisioned,
    provisionedReady,
    ...eventSourceSample(s, b), // nothing without event source mappings
  };
}
