import type { SimState } from '../model/simState';
import { batchesOldestSent } from './batches';
import { isStream } from './config';
import { arrivedPending, oldestSentMs, remaining } from './sourceQueue';
import { concurrencyCap } from './sqsScaling';

/**
 * One mapping in the run summary (CONTRACTS.md §2 `eventSources`, in the scenario's order,
 * then those created by CreateEventSourceMapping). Fates are disjoint:
 * received = deleted + toDlq + expired + discarded + remaining.
 */
export interface EventSourceSummary {
  type: string; function: string;
  received: number; batches: number; invocations: number; deleted: number; retried: number;
  toDlq: number; expired: number; remaining: number; oldestAgeMs: number; peakConcurrency: number;
  name: string; state: string; discarded: number;
  /** Streams: how far the slowest lane's iterator is behind (now − the oldest unprocessed record's arrival); null for SQS. */
  iteratorAgeMs: number | null;
  recursionStopped: number; functionErrors: number; throttles: number; partialFailures: number;
  /** Batches being invoked at the end, and the most the mapping may run (SQS: its cap; streams: shards × ParallelizationFactor). */
  concurrency: number; concurrencyLimit: number;
}

export function eventSourceSummaries(s: SimState): EventSourceSummary[] {
  return s.eventSources.sources.map((src) => {
    const c = src.counters, now = s.nowMs;
    const oldest = oldestSentMs(src, batchesOldestSent(s, src), now);
    const ageMs = oldest === Infinity ? 0 : Math.round(now - oldest);
    const stream = isStream(src.cfg.type);
    return {
      type: src.cfg.type, function: src.cfg.function,
      received: c.received + arrivedPending(src, now).count, batches: c.batches, invocations: c.invocations,
      deleted: c.deleted, retried: c.retried, toDlq: c.toDlq, expired: c.expired, remaining: remaining(src, now),
      oldestAgeMs: ageMs, peakConcurrency: src.peakConcurrency,
      name: src.cfg.name, state: src.state, discarded: c.discarded,
      iteratorAgeMs: stream ? ageMs : null,
      recursionStopped: c.recursionStopped, functionErrors: c.functionErrors, throttles: c.throttles, partialFailures: c.partialFailures,
      concurrency: src.invoking, concurrencyLimit: stream ? src.parts.length : concurrencyCap(src),
    };
  });
}
