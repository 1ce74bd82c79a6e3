import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import { isStream } from './config';
import { popFront, push, releaseOne, type List } from './slab';
import type { SourceState } from './state';

/**
 * The queue or stream itself: messages arriving from the producer, and every message's final
 * fate counted exactly once (`finish`). FIFO groups and stream lanes are ordered partitions:
 * each message gets the next sequence number of its partition on arrival, and must finish in
 * that order — a violation is counted, and the invariants report it.
 */
export type Fate = 'deleted' | 'toDlq' | 'expired' | 'discarded';

/** Moves every drawn arrival that has now been sent into the queue (standard), its group (FIFO) or its lane (streams). */
export function catchUp(ctx: SimContext, src: SourceState): void {
  const now = ctx.state.nowMs, slab = src.slab, f = src.future;
  const fifo = src.cfg.type === 'sqs-fifo', standard = src.cfg.type === 'sqs';
  while (f.head >= 0 && slab.sent[f.head] <= now) {
    const i = popFront(slab, f);
    src.counters.received++;
    if (standard) {
      push(slab, src.pool, i);
      continue;
    }
    const p = slab.part[i];
    slab.seq[i] = ++src.partSeq[p];
    push(slab, src.parts[p], i);
    if (fifo) markReady(src, p);
  }
}

/** FIFO: a group with visible messages and nothing in flight can be received from. */
export function markReady(src: SourceState, g: number): void {
  if (src.partLock[g] !== 0 || src.inReady[g] || src.parts[g].size === 0) return;
  src.inReady[g] = 1;
  src.ready.push(g);
}

export function readyCount(src: SourceState): number {
  return src.ready.length - src.readyHead;
}

/** The next FIFO group to receive from, or −1. */
export function takeReady(src: SourceState): number {
  while (src.readyHead < src.ready.length) {
    const g = src.ready[src.readyHead++];
    src.inReady[g] = 0;
    if (src.readyHead > 1024 && src.readyHead * 2 > src.ready.length) {
      src.ready = src.ready.slice(src.readyHead);
      src.readyHead = 0;
    }
    if (src.partLock[g] === 0 && src.parts[g].size > 0) return g;
  }
  return -1;
}

/** A message's final fate: counted once, the order of its partition checked, its entry freed. */
export function finish(src: SourceState, i: number, fate: Fate): void {
  src.counters[fate]++;
  if (src.cfg.type !== 'sqs') {
    const p = src.slab.part[i];
    if (src.slab.seq[i] !== src.partDone[p] + 1) src.orderViolations++;
    src.partDone[p] = src.slab.seq[i];
  }
  releaseOne(src.slab, i);
}

/** Finishes every message of a list with the same fate. */
export function finishAll(src: SourceState, l: List, fate: Fate): void {
  for (let i = popFront(src.slab, l); i >= 0; i = popFront(src.slab, l)) finish(src, i, fate);
}

/** Removes messages older than `maxAgeMs` from the front of an age-ordered list. */
export function expireFront(ctx: SimContext, src: SourceState, l: List, maxAgeMs: number): number {
  const now = ctx.state.nowMs, slab = src.slab;
  let n = 0;
  while (l.head >= 0 && now - slab.sent[l.head] >= maxAgeMs) {
    finish(src, popFront(slab, l), 'expired');
    n++;
  }
  if (n) ctx.record(LOG.ESM_EXPIRED, src.index, n, 0);
  return n;
}

/** How long the queue keeps a message, or the stream a record. */
export function retentionMs(src: SourceState): number {
  return isStream(src.cfg.type) ? src.cfg.stream!.retentionPeriodMs : src.cfg.queue!.messageRetentionPeriodMs;
}

// ——— Reading (pure: never changes the run) ———

/** Drawn arrivals already sent but not yet moved into the queue: their count and the oldest's time. */
export function arrivedPending(src: SourceState, nowMs: number): { count: number; oldestMs: number } {
  const slab = src.slab;
  let count = 0;
  for (let i = src.future.head; i >= 0 && slab.sent[i] <= nowMs; i = slab.next[i]) count++;
  return { count, oldestMs: count ? slab.sent[src.future.head] : Infinity };
}

/** Messages or records that arrived and are not finished (visible, in flight, or waiting). */
export function remaining(src: SourceState, nowMs: number): number {
  return src.slab.used - src.future.size + arrivedPending(src, nowMs).count;
}

/** Messages visible to a receive now: not in a batch (SQS ApproximateNumberOfMessagesVisible). */
export function visibleCount(src: SourceState, nowMs: number): number {
  let n = src.pool.size + arrivedPending(src, nowMs).count;
  for (const l of src.parts) n += l.size; // a FIFO group's messages behind one in flight count as visible, as SQS counts them
  return n;
}

/** Send time of the oldest unfinished message or record (Infinity when none), batches included. */
export function oldestSentMs(src: SourceState, batchesOldest: number, nowMs: number): number {
  const slab = src.slab;
  let t = Math.min(batchesOldest, arrivedPending(src, nowMs).oldestMs);
  if (src.pool.head >= 0) t = Math.min(t, slab.sent[src.pool.head]);
  for (const l of src.parts) if (l.head >= 0 && slab.sent[l.head] < t) t = slab.sent[l.head];
  return t;
}
