import type { SimState } from '../model/simState';
import { batchesOldestSent } from './batches';
import { isStream } from './config';
import { oldestSentMs, visibleCount } from './sourceQueue';
import { concurrencyCap } from './sqsScaling';

/**
 * The event source mappings' numbers for one time-series point at boundary `atMs` (≥ the
 * clock; the state is constant until the next event): messages waiting in the queues, the
 * oldest queued message's age (SQS ApproximateAgeOfOldestMessage), the streams' iterator age
 * (the oldest unprocessed record's age: Lambda's IteratorAge metric), batches being invoked
 * and the mappings' concurrency limits. Summed over mappings; ages are the largest. Null
 * without mappings, so a run without them carries nothing extra. Cost: one pass over the
 * batches in flight per mapping.
 */
export interface EventSourceSample { esDepth: number; esOldestAgeMs: number; esIteratorAgeMs: number; esConcurrency: number; esLimit: number }

export function eventSourceSample(s: SimState, atMs: number): EventSourceSample | null {
  const sources = s.eventSources.sources;
  if (sources.length === 0) return null;
  const out: EventSourceSample = { esDepth: 0, esOldestAgeMs: 0, esIteratorAgeMs: 0, esConcurrency: 0, esLimit: 0 };
  for (const src of sources) {
    const stream = isStream(src.cfg.type);
    out.esDepth += visibleCount(src, atMs);
    const oldest = oldestSentMs(src, batchesOldestSent(s, src), atMs);
    const ageMs = oldest === Infinity ? 0 : atMs - oldest;
    if (stream) out.esIteratorAgeMs = Math.max(out.esIteratorAgeMs, ageMs);
    else out.esOldestAgeMs = Math.max(out.esOldestAgeMs, ageMs);
    out.esConcurrency += src.invoking;
    out.esLimit += stream ? src.parts.length : concurrencyCap(src);
  }
  return out;
}
