import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import type { Invocation } from '../model/records';
import { BATCH_EVENT, addToBatch, batchLimit, dropBatch, invokeBatch, newBatch, recomputeOldest } from './batches';
import { STREAM_POLL_INTERVAL_MS } from './constants';
import { polls } from './mappingMachine';
import { drawArrivals } from './producer';
import { receiveLatency } from './receiveLatency';
import { POISON, popFront, prepend } from './slab';
import { catchUp, expireFront, finish, finishAll, type Fate } from './sourceQueue';
import type { Batch, SourceState } from './state';

/**
 * Kinesis and DynamoDB Streams [DOC with-kinesis, with-ddb, kinesis-on-failure-destination]:
 * one iterator per shard, ParallelizationFactor batches per shard at once — a lane each, by
 * partition key, so a key's records stay in order. Lambda polls each shard at a base rate
 * (Kinesis once a second, DynamoDB Streams four times) and reads on at once while records
 * remain. A failed batch is retried — the whole batch, so its lane waits — until it succeeds,
 * its records expire or pass MaximumRecordAgeInSeconds, or MaximumRetryAttempts is used up;
 * BisectBatchOnFunctionError splits a failing batch in two without using a retry. Discarded
 * records go to the on-failure destination if there is one.
 */
export function onStreamTick(ctx: SimContext, src: SourceState): void {
  const now = ctx.state.nowMs, period = STREAM_POLL_INTERVAL_MS[src.cfg.type as 'kinesis' | 'dynamodb'];
  drawArrivals(ctx, src, now + period);
  catchUp(ctx, src);
  for (let l = 0; l < src.parts.length; l++) {
    if (src.partLock[l] !== 0) continue;
    trimLane(ctx, src, l);
    if (polls(src.state)) serviceLane(ctx, src, l);
  }
  ctx.schedule(now + period, { type: 'esm', kind: 'tick', id: src.index, epoch: 0 });
}

/** Records past the retention are gone from the shard; those past the maximum record age are skipped. */
function trimLane(ctx: SimContext, src: SourceState, l: number): void {
  const lane = src.parts[l], slab = src.slab, now = ctx.state.nowMs;
  expireFront(ctx, src, lane, src.cfg.stream!.retentionPeriodMs);
  const maxAge = src.cfg.maximumRecordAgeMs;
  if (maxAge < 0) return;
  let n = 0;
  while (lane.head >= 0 && now - slab.sent[lane.head] >= maxAge) { finish(src, popFront(slab, lane), ageFate(src)); n++; }
  if (n) ctx.record(LOG.ESM_DLQ, src.index, n, 1);
}

const ageFate = (src: SourceState): Fate => (src.cfg.destinationConfig ? 'toDlq' : 'expired');

/** Reads the lane's next batch if it is free and has records (and the batching window allows). */
function serviceLane(ctx: SimContext, src: SourceState, l: number): void {
  const lane = src.parts[l], now = ctx.state.nowMs, cfg = src.cfg;
  if (src.partLock[l] !== 0) return;
  if (lane.size === 0) { src.laneSince[l] = -1; return; }
  const limit = batchLimit(cfg);
  const size = Math.min(limit, src.laneNextSize[l] || limit);
  if (cfg.maximumBatchingWindowMs > 0 && lane.size < size) {
    if (src.laneSince[l] < 0) src.laneSince[l] = now;
    if (now - src.laneSince[l] < cfg.maximumBatchingWindowMs) return; // gather until full or the window closes
  }
  src.laneSince[l] = -1;
  const b = newBatch(ctx, src, l);
  src.partLock[l] = b.id;
  while (b.msgs.size < size && lane.size > 0) {
    const i = popFront(src.slab, lane);
    if (++src.slab.rx[i] > 1) src.counters.retried++;
    addToBatch(src, b, i);
  }
  ctx.schedule(now + receiveLatency(ctx, src), { type: 'esm', kind: 'invoke', id: b.id, epoch: b.epoch });
}

/** The records are read: invoke. */
export function onStreamBatchTimer(ctx: SimContext, src: SourceState, b: Batch, epoch: number): void {
  if (epoch === b.epoch && b.state === 'pending') invokeBatch(ctx, src, b);
}

export function onStreamInvocationDone(ctx: SimContext, src: SourceState, b: Batch, inv: Invocation): void {
  switch (inv.state) {
    case 'Succeeded':
      if (b.poison === 0) return succeed(ctx, src, b);
      // ReportBatchItemFailures: Lambda checkpoints before the first failed record and retries from it [DOC services-kinesis-batchfailurereporting].
      src.counters.partialFailures++;
      checkpointBeforePoison(src, b);
      ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.partial, b.msgs.size);
      return fail(ctx, src, b, true);
    case 'FunctionError':
    case 'TimedOut':
      src.counters.functionErrors++;
      ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.failed, b.msgs.size);
      return fail(ctx, src, b, true);
    default: // throttled or refused before the handler ran: retried until the records expire [DOC kinesis-on-failure-destination]
      src.counters.throttles++;
      ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.throttled, b.msgs.size);
      return fail(ctx, src, b, false);
  }
}

function succeed(ctx: SimContext, src: SourceState, b: Batch): void {
  const l = b.lane;
  ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.succeeded, b.msgs.size);
  finishAll(src, b.msgs, 'deleted');
  src.laneRetries[l] = 0;
  nextSegment(src, l);
  release(ctx, src, b);
  if (polls(src.state)) serviceLane(ctx, src, l); // more records waiting: read on at once
}

function checkpointBeforePoison(src: SourceState, b: Batch): void {
  const slab = src.slab;
  while (b.msgs.head >= 0 && (slab.info[b.msgs.head] & POISON) === 0) finish(src, popFront(slab, b.msgs), 'deleted');
  recomputeOldest(src, b);
}

/** A failed attempt: discard, bisect or retry the batch; the lane waits until the next poll. */
function fail(ctx: SimContext, src: SourceState, b: Batch, functionError: boolean): void {
  const cfg = src.cfg, l = b.lane, now = ctx.state.nowMs, size = b.msgs.size;
  if (size === 0) { // everything before the failure was checkpointed and nothing is left
    src.laneRetries[l] = 0;
    nextSegment(src, l);
    return release(ctx, src, b);
  }
  const age = now - b.minSentMs;
  const tooOld = age >= cfg.stream!.retentionPeriodMs || (cfg.maximumRecordAgeMs >= 0 && age >= cfg.maximumRecordAgeMs);
  if (tooOld) return discard(ctx, src, b, ageFate(src));
  if (functionError && cfg.bisectBatchOnFunctionError && size > 1) {
    const half = Math.ceil(size / 2);
    const segs = src.laneSegments.get(l) ?? [];
    segs.push(size - half);
    src.laneSegments.set(l, segs);
    src.laneNextSize[l] = half;
    ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.bisected, half);
  } else if (functionError) {
    if (cfg.maximumRetryAttempts >= 0 && src.laneRetries[l] >= cfg.maximumRetryAttempts) {
      return discard(ctx, src, b, cfg.destinationConfig ? 'toDlq' : 'discarded');
    }
    src.laneRetries[l]++;
    src.laneNextSize[l] = size;
  }
  prepend(src.slab, src.parts[l], b.msgs); // back in front of the lane: it blocks what follows
  release(ctx, src, b);
}

function discard(ctx: SimContext, src: SourceState, b: Batch, fate: Fate): void {
  const n = b.msgs.size;
  finishAll(src, b.msgs, fate);
  ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.discarded, n);
  if (fate === 'toDlq') ctx.record(LOG.ESM_DLQ, src.index, n, 1);
  src.laneRetries[b.lane] = 0;
  nextSegment(src, b.lane);
  release(ctx, src, b);
}

/** After a bisected half is done, the other half is next. */
function nextSegment(src: SourceState, l: number): void {
  const segs = src.laneSegments.get(l);
  src.laneNextSize[l] = segs?.pop() ?? 0;
  if (segs && segs.length === 0) src.laneSegments.delete(l);
}

function release(ctx: SimContext, src: SourceState, b: Batch): void {
  if (src.partLock[b.lane] === b.id) src.partLock[b.lane] = 0;
  dropBatch(ctx, src, b);
}
