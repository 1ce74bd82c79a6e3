import type { SimContext } from '../context';
import { pow2 } from '../engine/fmath';
import { LOG } from '../logCodes';
import type { Invocation } from '../model/records';
import { BATCH_EVENT, batchLimit, dropBatch, invokeBatch, newBatch, setBatchState } from './batches';
import { reportsItemFailures } from './config';
import { INVOKE_BACKOFF_MS, SQS_TICK_MS } from './constants';
import { polls } from './mappingMachine';
import { drawArrivals } from './producer';
import { receiveLatency } from './receiveLatency';
import { concurrencyCap, rescale } from './sqsScaling';
import { catchUp, expireFront, readyCount, retentionMs } from './sourceQueue';
import { deleteProcessed, returnToQueue, takeMessages } from './sqsBatches';
import type { Batch, SourceState } from './state';

/**
 * The mapping's pollers for an SQS queue [DOC services-sqs-scaling, with-sqs]: `target`
 * concurrent processes, each long-polling the queue, forming a batch (up to the batch size,
 * the 6 MB payload, or the batching window), invoking the function and deleting what
 * succeeded, then polling again. An idle process waits for the next message (long polling);
 * one event wakes it when that message is sent, so an idle queue costs no events.
 */
export function pumpSqs(ctx: SimContext, src: SourceState): void {
  catchUp(ctx, src);
  if (!polls(src.state)) return;
  const limit = batchLimit(src.cfg);
  let free = Math.min(src.target, concurrencyCap(src)) - (src.receiving + src.gathering + src.invoking + src.backoff);
  const fifo = src.cfg.type === 'sqs-fifo';
  // Messages (FIFO: ready groups) no pending receive will take.
  let unclaimed = fifo ? readyCount(src) - src.receiving : src.pool.size - src.receiving * limit - src.gatherClaim;
  while (free > 0 && unclaimed > 0) {
    startReceive(ctx, src);
    free--;
    unclaimed -= fifo ? 1 : limit;
  }
  // Idle processes long-poll: wake one when the next message is sent (pending receives wake themselves).
  if (free > 0 && src.receiving === 0 && src.gathering === 0 && unclaimed <= 0) {
    const t = nextUsefulArrival(src);
    if (t < Infinity) scheduleWake(ctx, src, t);
  }
}

/** The send time of the next drawn arrival an idle poller could take (FIFO: one whose group is free), or Infinity. */
function nextUsefulArrival(src: SourceState): number {
  const slab = src.slab;
  if (src.cfg.type !== 'sqs-fifo') return src.future.head >= 0 ? slab.sent[src.future.head] : Infinity;
  let n = 0, last = Infinity;
  for (let i = src.future.head; i >= 0; i = slab.next[i]) {
    last = slab.sent[i];
    if (src.partLock[slab.part[i]] === 0 || ++n >= 256) return last; // bounded walk: look again then
  }
  return last;
}

function scheduleWake(ctx: SimContext, src: SourceState, t: number): void {
  if (src.wakeAtMs >= ctx.state.nowMs && src.wakeAtMs <= t) return; // an earlier wake is pending
  src.wakeAtMs = t;
  ctx.schedule(t, { type: 'esm', kind: 'wake', id: src.index, epoch: ++src.wakeEpoch });
}

export function onWake(ctx: SimContext, src: SourceState, epoch: number): void {
  if (epoch !== src.wakeEpoch) return;
  src.wakeAtMs = -1;
  pumpSqs(ctx, src);
}

function startReceive(ctx: SimContext, src: SourceState): void {
  src.receiving++;
  ctx.schedule(ctx.state.nowMs + receiveLatency(ctx, src), { type: 'esm', kind: 'receive', id: src.index, epoch: 0 });
}

/** A receive returns: the messages visible now, up to the batch limit, become a batch. */
export function onReceive(ctx: SimContext, src: SourceState): void {
  src.receiving--;
  if (!polls(src.state)) return pumpSqs(ctx, src);
  const s = ctx.state, cfg = src.cfg, limit = batchLimit(cfg);
  const b = newBatch(ctx, src, -1);
  takeMessages(ctx, src, b, limit);
  const got = b.msgs.size + b.held.size;
  if (got === 0) {
    dropBatch(ctx, src, b);
    return pumpSqs(ctx, src);
  }
  b.visibleAtMs = s.nowMs + cfg.queue!.visibilityTimeoutMs;
  src.vtQueue.push(b.id);
  if (src.vtTimerMs < 0) armVisibility(ctx, src);
  if (cfg.maximumBatchingWindowMs > 0 && got < limit) {
    // Batching window: keep gathering until the batch is full or the window closes [DOC].
    b.deadlineMs = s.nowMs + cfg.maximumBatchingWindowMs;
    setBatchState(src, b, 'gathering');
    src.gatherClaim += limit - got;
    ctx.schedule(Math.min(b.deadlineMs, fillTime(src, limit - got)), { type: 'esm', kind: 'invoke', id: b.id, epoch: b.epoch });
  } else {
    startInvoke(ctx, src, b);
  }
  pumpSqs(ctx, src);
}

/** When the `n`-th drawn arrival from now is sent, or Infinity if not drawn yet (the tick looks again). */
function fillTime(src: SourceState, n: number): number {
  const slab = src.slab;
  let k = 0;
  for (let i = src.future.head; i >= 0; i = slab.next[i]) if (++k >= n) return slab.sent[i];
  return Infinity;
}

function startInvoke(ctx: SimContext, src: SourceState, b: Batch): void {
  if (b.msgs.size === 0) return setBatchState(src, b, 'waiting'); // every message held back: nothing to invoke
  invokeBatch(ctx, src, b);
}

/** A gathering batch's window closes (or it fills), or a throttled batch's backoff ends. */
export function onBatchTimer(ctx: SimContext, src: SourceState, b: Batch, epoch: number): void {
  if (epoch !== b.epoch) return;
  if (b.state === 'gathering') {
    const limit = batchLimit(src.cfg);
    src.gatherClaim -= limit - (b.msgs.size + b.held.size);
    takeMessages(ctx, src, b, limit);
    const still = limit - (b.msgs.size + b.held.size);
    if (still > 0 && ctx.state.nowMs < b.deadlineMs) { // not full yet: wait for more, until the window closes
      src.gatherClaim += still;
      ctx.schedule(Math.min(b.deadlineMs, fillTime(src, still)), { type: 'esm', kind: 'invoke', id: b.id, epoch: ++b.epoch });
      return;
    }
    startInvoke(ctx, src, b);
  } else if (b.state === 'backoff') {
    invokeBatch(ctx, src, b);
  }
  pumpSqs(ctx, src);
}

/**
 * The invocation's outcome [DOC services-sqs-errorhandling]. Success: delete (with partial
 * batch responses, all but the failures). Function error: the messages stay invisible until
 * the visibility timeout and the mapping backs off (not with ReportBatchItemFailures).
 * Throttled or refused: retry with backoff while the visibility timeout lasts.
 */
export function onSqsInvocationDone(ctx: SimContext, src: SourceState, b: Batch, inv: Invocation): void {
  const now = ctx.state.nowMs;
  switch (inv.state) {
    case 'Succeeded': {
      const partial = b.poison > 0;
      if (partial) src.counters.partialFailures++;
      deleteProcessed(ctx, src, b);
      ctx.record(LOG.ESM_BATCH, b.id, partial ? BATCH_EVENT.partial : BATCH_EVENT.succeeded, b.msgs.size);
      if (b.msgs.size + b.held.size === 0) dropBatch(ctx, src, b);
      else setBatchState(src, b, 'waiting');
      break;
    }
    case 'FunctionError':
    case 'TimedOut':
      src.counters.functionErrors++;
      if (!reportsItemFailures(src.cfg)) src.errorsSinceTick++;
      ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.failed, b.msgs.size);
      setBatchState(src, b, 'waiting');
      break;
    default: { // Throttled, ServiceError, Rejected: the function never ran
      src.counters.throttles++;
      src.throttlesSinceTick++;
      ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.throttled, b.msgs.size);
      const wait = Math.min(INVOKE_BACKOFF_MS.max, INVOKE_BACKOFF_MS.first * pow2(b.backoffs++));
      if (now + wait < b.visibleAtMs) {
        setBatchState(src, b, 'backoff');
        ctx.schedule(now + wait, { type: 'esm', kind: 'invoke', id: b.id, epoch: ++b.epoch });
      } else {
        setBatchState(src, b, 'waiting');
      }
    }
  }
  pumpSqs(ctx, src);
}

/** Sets the one visibility timer at the earliest unfinished batch's timeout (finished ones are dropped). */
function armVisibility(ctx: SimContext, src: SourceState): void {
  const batches = ctx.state.eventSources.batches, q = src.vtQueue;
  src.vtTimerMs = -1;
  while (src.vtHead < q.length) {
    const b = batches.get(q[src.vtHead]);
    if (b && b.state !== 'orphaned') {
      src.vtTimerMs = b.visibleAtMs;
      ctx.schedule(b.visibleAtMs, { type: 'esm', kind: 'visibility', id: src.index, epoch: ++src.vtEpoch });
      break;
    }
    src.vtHead++;
  }
  if (src.vtHead > 256 && src.vtHead * 2 > q.length) {
    src.vtQueue = q.slice(src.vtHead);
    src.vtHead = 0;
  }
}

/** The visibility timer fires: every batch whose timeout has ended gives its messages back. */
export function onVisibilityTimer(ctx: SimContext, src: SourceState, epoch: number): void {
  if (epoch !== src.vtEpoch) return;
  const batches = ctx.state.eventSources.batches, now = ctx.state.nowMs;
  for (; src.vtHead < src.vtQueue.length; src.vtHead++) {
    const b = batches.get(src.vtQueue[src.vtHead]);
    if (!b || b.state === 'orphaned') continue;
    if (b.visibleAtMs > now) break;
    onVisibility(ctx, src, b);
  }
  armVisibility(ctx, src);
}

/** The visibility timeout of a batch is over: its messages reappear (or go to the DLQ, or expire). */
function onVisibility(ctx: SimContext, src: SourceState, b: Batch): void {
  if (b.state === 'gathering') src.gatherClaim -= batchLimit(src.cfg) - (b.msgs.size + b.held.size);
  returnToQueue(ctx, src, b);
  ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.returned, 0);
  // Still running (the timeout is shorter than the function's run): its outcome can no longer delete anything.
  if (b.state === 'invoking') setBatchState(src, b, 'orphaned');
  else dropBatch(ctx, src, b);
  pumpSqs(ctx, src);
}

/** Every second: draw the producer's next second, drop expired messages, rescale, poll. */
export function onSqsTick(ctx: SimContext, src: SourceState): void {
  const now = ctx.state.nowMs;
  drawArrivals(ctx, src, now + SQS_TICK_MS);
  catchUp(ctx, src);
  if (src.cfg.type === 'sqs') expireFront(ctx, src, src.pool, retentionMs(src));
  else src.parts.forEach((g, i) => { if (src.partLock[i] === 0) expireFront(ctx, src, g, retentionMs(src)); }); // a group in flight expires when it reappears
  if (polls(src.state)) rescale(ctx, src);
  pumpSqs(ctx, src);
  ctx.schedule(now + SQS_TICK_MS, { type: 'esm', kind: 'tick', id: src.index, epoch: 0 });
}
