import type { SimContext } from '../context';
import { ASYNC_STATE_CODE, LOG } from '../logCodes';
import type { AsyncEventEvent } from '../machines/asyncEventMachine';
import { asyncEventNext, type AsyncEventFlags } from '../machines/tables';
import type { QueuedEvent } from '../model/simState';
import { deliverFailure } from './asyncDestinations';

/**
 * A queued event's state changes, driven by the table derived from asyncEventMachine.ts:
 * the only place an event changes state. A final state (Succeeded, DeadLettered, Dropped)
 * is counted once and the event leaves the queue.
 */
export function moveEvent(ctx: SimContext, e: QueuedEvent, event: AsyncEventEvent['type'], flags: AsyncEventFlags = {}): void {
  const q = ctx.state.asyncQueue;
  e.state = asyncEventNext(e.state, event, flags) as QueuedEvent['state'];
  logEvent(ctx, e);
  switch (e.state) {
    case 'Succeeded': q.stats.succeeded++; break;
    case 'DeadLettered': q.stats.deadLettered++; deliverFailure(ctx, e); break;
    case 'Dropped': q.stats.dropped++; break;
    default: return;
  }
  q.events.delete(e.id);
  q.finished.push({ id: e.id, state: e.state, atMs: ctx.state.nowMs, acceptedMs: e.acceptedMs, attempts: e.attempts, expired: e.expired, lastInvocation: e.lastInvocation,
    to: e.state !== 'DeadLettered' ? null : ctx.state.functions[e.fn].cfg.async.onFailure === 'dlq' ? 'dlq' : 'destination' });
  if (q.finished.length > 32) q.finished.shift();
}

export function logEvent(ctx: SimContext, e: QueuedEvent): void {
  ctx.record(LOG.ASYNC_EVENT_STATE, e.id, ASYNC_STATE_CODE[e.state], e.lastInvocation);
}

/** Whether the event's function sends failures somewhere (DLQ or on-failure destination). */
export function hasDestination(ctx: SimContext, e: QueuedEvent): boolean {
  return ctx.state.functions[e.fn].cfg.async.onFailure !== 'none';
}

/** Past its maximum age: to the destination, or dropped. */
export function expireEvent(ctx: SimContext, e: QueuedEvent): void {
  e.expired = true;
  ctx.state.asyncQueue.stats.expired++;
  moveEvent(ctx, e, 'EXPIRED', { hasDestination: hasDestination(ctx, e) });
}
