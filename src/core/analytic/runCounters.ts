import { meanOf } from '../engine/distributions';
import type { Scenario } from '../scenario/types';
import type { SimState } from '../model/simState';
import { gaugeMeans } from '../metrics/environmentGauge';
import { closeBatches } from './batchMeans';

/**
 * The simulation's side of the batch-means estimates: what is counted at a boundary, and
 * the first batch's length — at least 10 s and at least the first function's mean
 * keep-alive, so that a batch spans the time one environment's fate depends on.
 */
export function initialBatchMs(s: Scenario): number {
  const f = s.functions[0];
  return Math.max(10_000, f ? meanOf(f.keepAliveMs) : 0);
}

/** Closes the batch boundaries before the event at `nextEventMs`: nothing changes between the last event and it. */
export function closeBatchesBefore(s: SimState, nextEventMs: number): void {
  closeBatches(s.batches, nextEventMs, (b) => {
    let requests = 0, coldStarts = 0;
    for (const f of s.functions) { requests += f.stats.invocations; coldStarts += f.stats.coldStarts; }
    return { requests, coldStarts, area: gaugeMeans(s.gauge, 0, b).total * b };
  });
}
