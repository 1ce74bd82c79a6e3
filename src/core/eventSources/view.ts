import type { SimState } from '../model/simState';
import { batchesOldestSent } from './batches';
import { isStream, reportsItemFailures } from './config';
import { oldestSentMs, visibleCount } from './sourceQueue';
import { concurrencyCap } from './sqsScaling';

/** One event source as the page draws it: plain data, bounded in size whatever the traffic. */
export interface EventSourceView {
  index: number; name: string; type: string; function: string; state: string;
  received: number; visible: number; inFlight: number; deleted: number; toDlq: number; expired: number; discarded: number;
  oldestAgeMs: number; iteratorAgeMs: number | null;
  /** Batches being invoked, the pollers' target (SQS) and the limit. */
  concurrency: number; target: number; limit: number;
  batchSize: number; maximumBatchingWindowMs: number; reportBatchItemFailures: boolean; maximumConcurrency: number | null;
  visibilityTimeoutMs: number | null; maxReceiveCount: number | null; shards: number; parallelizationFactor: number;
  recursionStopped: number; partialFailures: number; functionErrors: number; throttles: number;
  /** Streams: each lane (shard × ParallelizationFactor), the first 64. */
  lanes: LaneView[];
  /** FIFO: groups with messages, and groups with messages in flight. */
  groups: { active: number; locked: number; total: number } | null;
  /** Batches not finished, the 60 newest. */
  batches: { id: number; state: string; size: number; held: number; lane: number; attempts: number; sinceMs: number }[];
}

export interface LaneView { shard: number; depth: number; busy: boolean; retries: number; oldestAgeMs: number }

export function eventSourceViews(s: SimState): EventSourceView[] {
  const now = s.nowMs;
  return s.eventSources.sources.map((src) => {
    const c = src.counters, cfg = src.cfg, stream = isStream(cfg.type);
    let inFlight = 0;
    const batches: EventSourceView['batches'] = [];
    for (const b of s.eventSources.batches.values()) {
      if (b.source !== src.index) continue;
      inFlight += b.msgs.size + b.held.size;
      batches.push({ id: b.id, state: b.state, size: b.msgs.size, held: b.held.size, lane: b.lane, attempts: b.attempts, sinceMs: b.receivedAtMs });
    }
    const oldest = oldestSentMs(src, batchesOldestSent(s, src), now);
    const ageMs = oldest === Infinity ? 0 : now - oldest;
    const lanes: LaneView[] = [];
    if (stream) {
      const p = cfg.parallelizationFactor;
      for (let l = 0; l < Math.min(64, src.parts.length); l++) {
        const lane = src.parts[l], b = src.partLock[l] ? s.eventSources.batches.get(src.partLock[l]) : undefined;
        const head = Math.min(b ? b.minSentMs : Infinity, lane.head >= 0 ? src.slab.sent[lane.head] : Infinity);
        lanes.push({ shard: Math.floor(l / p), depth: lane.size + (b ? b.msgs.size : 0), busy: b !== undefined, retries: src.laneRetries[l], oldestAgeMs: head === Infinity ? 0 : now - head });
      }
    }
    let groups: EventSourceView['groups'] = null;
    if (cfg.type === 'sqs-fifo') {
      let active = 0, locked = 0;
      src.parts.forEach((g, i) => { if (g.size > 0 || src.partLock[i]) active++; if (src.partLock[i]) locked++; });
      groups = { active, locked, total: src.parts.length };
    }
    return {
      index: src.index, name: cfg.name, type: cfg.type, function: cfg.function, state: src.state,
      received: c.received, visible: visibleCount(src, now), inFlight, deleted: c.deleted, toDlq: c.toDlq, expired: c.expired, discarded: c.discarded,
      oldestAgeMs: ageMs, iteratorAgeMs: stream ? ageMs : null,
      concurrency: src.invoking, target: stream ? src.parts.length : src.target, limit: stream ? src.parts.length : concurrencyCap(src),
      batchSize: cfg.batchSize, maximumBatchingWindowMs: cfg.maximumBatchingWindowMs, reportBatchItemFailures: reportsItemFailures(cfg),
      maximumConcurrency: cfg.scalingConfig?.maximumConcurrency ?? null,
      visibilityTimeoutMs: cfg.queue?.visibilityTimeoutMs ?? null, maxReceiveCount: cfg.queue?.redrivePolicy?.maxReceiveCount ?? null,
      shards: cfg.stream?.shards ?? 0, parallelizationFactor: cfg.parallelizationFactor,
      recursionStopped: c.recursionStopped, partialFailures: c.partialFailures, functionErrors: c.functionErrors, throttles: c.throttles,
      lanes, groups, batches: batches.slice(-60),
    };
  });
}
