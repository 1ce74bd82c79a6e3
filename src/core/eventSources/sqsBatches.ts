import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import { addToBatch, recomputeOldest } from './batches';
import { MAX_LINEAGE, RECURSION_LIMIT } from './constants';
import { POISON, alloc, depthOf, emptyList, mergeSorted, popFront, prepend, push, withDepth, type List } from './slab';
import { catchUp, finish, markReady, retentionMs, takeReady } from './sourceQueue';
import type { Batch, SourceState } from './state';

/**
 * What happens to SQS messages in a batch [DOC with-sqs, services-sqs-errorhandling]:
 * a receive makes them invisible and counts the receive; after success Lambda deletes them;
 * after a failure they stay invisible until the visibility timeout, then reappear — or move
 * to the queue's DLQ once received maxReceiveCount times (the redrive policy) [DOC
 * sqs-dead-letter-queues; moved when they would reappear: INF]; messages older than the
 * retention period are deleted by SQS. FIFO: a batch takes whole runs from the oldest ready
 * groups, and a group with messages in flight is not received from [DOC services-sqs-scaling].
 */

/** Receives up to `limit` messages into the batch. */
export function takeMessages(ctx: SimContext, src: SourceState, b: Batch, limit: number): void {
  catchUp(ctx, src);
  if (src.cfg.type === 'sqs-fifo') return takeFifo(ctx, src, b, limit);
  const slab = src.slab, now = ctx.state.nowMs, keep = retentionMs(src);
  const terminate = stopsLoops(ctx, src);
  let stopped = 0;
  while (b.msgs.size + b.held.size < limit && src.pool.size > 0) {
    const i = popFront(slab, src.pool);
    if (now - slab.sent[i] >= keep) { finish(src, i, 'expired'); continue; }
    receive(src, i);
    const hold = terminate && depthOf(slab.info[i]) >= RECURSION_LIMIT;
    if (hold) stopped++;
    addToBatch(src, b, i, hold);
  }
  if (stopped) {
    src.counters.recursionStopped += stopped;
    ctx.record(LOG.ESM_RECURSION, src.index, stopped, RECURSION_LIMIT);
  }
}

function takeFifo(ctx: SimContext, src: SourceState, b: Batch, limit: number): void {
  const slab = src.slab, now = ctx.state.nowMs, keep = retentionMs(src);
  while (b.msgs.size < limit) {
    const g = takeReady(src);
    if (g < 0) return;
    const group = src.parts[g];
    while (group.head >= 0 && now - slab.sent[group.head] >= keep) finish(src, popFront(slab, group), 'expired');
    if (group.size === 0) continue;
    src.partLock[g] = b.id; // nothing more from this group until these are deleted or visible again
    while (b.msgs.size < limit && group.size > 0) {
      const i = popFront(slab, group);
      receive(src, i);
      addToBatch(src, b, i);
    }
  }
}

function receive(src: SourceState, i: number): void {
  if (++src.slab.rx[i] > 1) src.counters.retried++;
}

/** Recursive loop detection stops chains unless the function's RecursiveLoop is Allow (default Terminate) [DOC]. */
function stopsLoops(ctx: SimContext, src: SourceState): boolean {
  const name = src.cfg.function, colon = name.indexOf(':');
  const fn = ctx.functionNamed(colon < 0 ? name : name.slice(0, colon));
  return !fn || fn.cfg.recursiveLoop !== 'Allow';
}

/**
 * The invocation succeeded: delete its messages. With ReportBatchItemFailures the poison ones
 * were reported as failures and stay invisible (standard: only those; FIFO: the first failure
 * and everything after it, as the function must return them [DOC services-sqs-errorhandling]).
 * Returns how many were deleted. The function's own SendMessage calls to this queue (the
 * recursive-loop trap) add one message per `sendsToSource` for each processed message.
 */
export function deleteProcessed(ctx: SimContext, src: SourceState, b: Batch): number {
  const slab = src.slab, fifo = src.cfg.type === 'sqs-fifo', l = b.msgs;
  const groups = fifo ? groupsOf(src, l) : null;
  let sends: number[] | null = null;
  let deleted = 0, prev = -1;
  for (let i = l.head; i >= 0;) {
    const next = slab.next[i];
    if ((slab.info[i] & POISON) !== 0) {
      if (fifo) break; // FIFO: the first failure and everything after it stay
      prev = i; // reported as a batch item failure: stays invisible
      i = next;
      continue;
    }
    if (prev < 0) l.head = next; else slab.next[prev] = next;
    if (l.tail === i) l.tail = prev;
    l.size--;
    if (src.cfg.sendsToSource > 0) (sends ??= []).push(depthOf(slab.info[i]));
    finish(src, i, 'deleted');
    deleted++;
    i = next;
  }
  if (groups) { // groups wholly deleted are free again; one with messages kept stays locked until they reappear
    const kept = groupsOf(src, l);
    for (const g of groups) if (!kept.has(g)) { src.partLock[g] = 0; markReady(src, g); }
  }
  if (l.size > 0) recomputeOldest(src, b);
  else b.minSentMs = Infinity;
  if (sends) sendToSelf(ctx, src, sends);
  return deleted;
}

function groupsOf(src: SourceState, l: List): Set<number> {
  const out = new Set<number>();
  for (let i = l.head; i >= 0; i = src.slab.next[i]) out.add(src.slab.part[i]);
  return out;
}

function sendToSelf(ctx: SimContext, src: SourceState, parentDepths: number[]): void {
  catchUp(ctx, src); // arrivals already sent go first: the queue stays in age order
  const now = ctx.state.nowMs;
  for (const d of parentDepths) {
    for (let k = 0; k < src.cfg.sendsToSource; k++) {
      push(src.slab, src.pool, alloc(src.slab, now, 0, withDepth(0, Math.min(MAX_LINEAGE, d + 1))));
      src.counters.received++;
    }
  }
}

/**
 * The visibility timeout is over: the batch's messages reappear, except those received
 * maxReceiveCount times (to the DLQ) and those past the retention period (deleted by SQS).
 */
export function returnToQueue(ctx: SimContext, src: SourceState, b: Batch): void {
  const before = src.counters.toDlq;
  if (src.cfg.type === 'sqs-fifo') returnFifo(ctx, src, b.msgs, b.id);
  else {
    mergeSorted(src.slab, src.pool, survivors(ctx, src, b.msgs));
    mergeSorted(src.slab, src.pool, survivors(ctx, src, b.held));
  }
  b.minSentMs = Infinity;
  const dlq = src.counters.toDlq - before;
  if (dlq) ctx.record(LOG.ESM_DLQ, src.index, dlq, 0);
}

/** The messages of `l` that go back to the queue, in order; the others are finished. */
function survivors(ctx: SimContext, src: SourceState, l: List): List {
  const out = emptyList(), slab = src.slab, now = ctx.state.nowMs, keep = retentionMs(src);
  const max = src.cfg.queue!.redrivePolicy?.maxReceiveCount ?? Infinity;
  for (let i = popFront(slab, l); i >= 0; i = popFront(slab, l)) {
    if (slab.rx[i] >= max) finish(src, i, 'toDlq');
    else if (now - slab.sent[i] >= keep) finish(src, i, 'expired');
    else push(slab, out, i);
  }
  return out;
}

/** FIFO: each group's run goes back to the front of its group, in order; the group is free again. */
function returnFifo(ctx: SimContext, src: SourceState, l: List, batch: number): void {
  const slab = src.slab, now = ctx.state.nowMs, keep = retentionMs(src);
  const max = src.cfg.queue!.redrivePolicy?.maxReceiveCount ?? Infinity;
  while (l.size > 0) {
    const g = slab.part[l.head];
    const run = emptyList();
    while (l.head >= 0 && slab.part[l.head] === g) push(slab, run, popFront(slab, l));
    // Earlier messages of a group are older and were received at least as often: the ones leaving form a prefix.
    while (run.head >= 0 && (slab.rx[run.head] >= max || now - slab.sent[run.head] >= keep)) {
      const i = popFront(slab, run);
      finish(src, i, slab.rx[i] >= max ? 'toDlq' : 'expired');
    }
    prepend(slab, src.parts[g], run);
    if (src.partLock[g] === batch) src.partLock[g] = 0;
    markReady(src, g);
  }
}
