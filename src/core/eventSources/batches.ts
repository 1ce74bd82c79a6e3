import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import type { Invocation } from '../model/records';
import type { SimState } from '../model/simState';
import { BATCH_PAYLOAD_LIMIT_BYTES } from './constants';
import { reportsItemFailures, type EventSourceConfig } from './config';
import { POISON, emptyList, push } from './slab';
import type { Batch, BatchState, SourceState } from './state';

/**
 * Batches: the unit a mapping reads and the function receives. A poller invokes the function
 * synchronously (RequestResponse) through the Frontend, like any caller — it counts against
 * the function's concurrency and can be throttled [DOC invocation-eventsourcemapping]. The
 * request carries the batch id; the outcome comes back through `completion.ts`.
 */
export function newBatch(ctx: SimContext, src: SourceState, lane: number): Batch {
  const es = ctx.state.eventSources;
  const b: Batch = {
    id: es.nextBatchId++, source: src.index, state: 'pending', msgs: emptyList(), held: emptyList(),
    receivedAtMs: ctx.state.nowMs, visibleAtMs: Infinity, deadlineMs: Infinity, attempts: 0, backoffs: 0, poison: 0,
    invocation: 0, lane, epoch: 0, minSentMs: Infinity,
  };
  es.batches.set(b.id, b);
  return b;
}

/** Moves a batch to a state, keeping the source's counts of busy pollers right. */
export function setBatchState(src: SourceState, b: Batch, to: BatchState): void {
  adjust(src, b.state, -1);
  b.state = to;
  adjust(src, to, 1);
}

function adjust(src: SourceState, st: BatchState, d: number): void {
  if (st === 'gathering') src.gathering += d;
  else if (st === 'invoking' || st === 'orphaned') src.invoking += d;
  else if (st === 'backoff') src.backoff += d;
}

/** Forgets a finished batch. */
export function dropBatch(ctx: SimContext, src: SourceState, b: Batch): void {
  adjust(src, b.state, -1);
  ctx.state.eventSources.batches.delete(b.id);
}

/** Most messages one invocation may carry: the batch size, and the 6 MB synchronous payload. */
export function batchLimit(cfg: EventSourceConfig): number {
  return Math.max(1, Math.min(cfg.batchSize, Math.floor(BATCH_PAYLOAD_LIMIT_BYTES / cfg.producer.messageBytes)));
}

/** Invokes the function with the batch's messages, now. */
export function invokeBatch(ctx: SimContext, src: SourceState, b: Batch): void {
  const slab = src.slab;
  let poison = 0;
  for (let i = b.msgs.head; i >= 0; i = slab.next[i]) poison += slab.info[i] & POISON;
  b.poison = poison;
  b.attempts++;
  src.counters.invocations++;
  if (b.attempts === 1) src.counters.batches++;
  setBatchState(src, b, 'invoking');
  if (src.invoking > src.peakConcurrency) src.peakConcurrency = src.invoking;
  ctx.record(LOG.ESM_BATCH, b.id, BATCH_EVENT.invoked, b.msgs.size);
  ctx.schedule(ctx.state.nowMs, {
    type: 'invoke.request', functionName: src.cfg.function, mode: 'RequestResponse', payloadBytes: b.msgs.size * src.cfg.producer.messageBytes,
    source: -1, attempt: 1, maxAttempts: 1, queueDuringOutage: false, asyncEvent: 0, duplicate: false, tenant: 0, batch: b.id,
  });
}

/**
 * Whether the handler throws on this batch: it holds a poison message and the function does
 * not report batch item failures (with ReportBatchItemFailures it returns them instead).
 */
export function batchHandlerFails(s: SimState, inv: Invocation): boolean {
  const b = s.eventSources.batches.get(inv.batch);
  return b !== undefined && b.poison > 0 && !reportsItemFailures(s.eventSources.sources[b.source].cfg);
}

/** Puts a received message into the batch (or among its held-back ones). */
export function addToBatch(src: SourceState, b: Batch, i: number, held = false): void {
  push(src.slab, held ? b.held : b.msgs, i);
  if (src.slab.sent[i] < b.minSentMs) b.minSentMs = src.slab.sent[i];
}

/** After some messages left the batch: the oldest of those still in it. */
export function recomputeOldest(src: SourceState, b: Batch): void {
  let t = Infinity;
  const slab = src.slab;
  for (const l of [b.msgs, b.held]) for (let i = l.head; i >= 0; i = slab.next[i]) if (slab.sent[i] < t) t = slab.sent[i];
  b.minSentMs = t;
}

/** Send time of the oldest message held in any batch of the source (Infinity when none). */
export function batchesOldestSent(s: SimState, src: SourceState): number {
  let t = Infinity;
  for (const b of s.eventSources.batches.values()) if (b.source === src.index && b.minSentMs < t) t = b.minSentMs;
  return t;
}

/** Event-log codes of a batch's life (LOG.ESM_BATCH's b field). */
export const BATCH_EVENT = { invoked: 0, succeeded: 1, failed: 2, throttled: 3, returned: 4, partial: 5, discarded: 6, bisected: 7 } as const;
export const BATCH_EVENT_NAMES = ['invoked', 'succeeded', 'failed', 'throttled', 'returned to the queue', 'partially failed', 'discarded', 'bisected'];
