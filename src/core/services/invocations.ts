import type { SimContext } from '../context';
import { uniform } from '../engine/random';
import { INV_STATE_CODE, LOG } from '../logCodes';
import type { InvocationEvent } from '../machines/invocationMachine';
import { invocationNext } from '../machines/tables';
import { recordOutcome } from '../metrics/runMetrics';
import type { Invocation } from '../model/records';
import type { SimState } from '../model/simState';
import { onAttemptDone } from './asyncQueue';
import { onBatchInvocationDone } from '../eventSources/completion';
import { pow2 } from '../engine/fmath';

/** HTTP status of each final outcome (lambda-facts.md §6). */
const STATUS: Partial<Record<Invocation['state'], number>> = {
  Succeeded: 200, FunctionError: 200, TimedOut: 200, DryRunSucceeded: 204, Throttled: 429, ServiceError: 500,
};

/** Moves an invocation through its machine (see invocationMachine.ts). */
export function advanceInvocation(inv: Invocation, event: InvocationEvent['type']): void {
  inv.state = invocationNext(inv.state, event, inv) as Invocation['state'];
}

/**
 * Ends an invocation in exactly one final state: response timestamp, status code, counters,
 * latency, and — for 429 and 5xx — a client retry if the caller's SDK still has attempts left
 * (exponential backoff with full jitter: U(0,1) × min(2^attempt s, 20 s), as the AWS SDKs'
 * standard retry mode describes). A poller's attempt reports to the async queue instead.
 */
export function completeInvocation(ctx: SimContext, inv: Invocation, event: InvocationEvent['type'], respondedMs: number): void {
  const s = ctx.state;
  advanceInvocation(inv, event);
  inv.respondedMs = respondedMs;
  inv.statusCode = inv.rejectReason ? rejectStatus(inv) : STATUS[inv.state] ?? 500;
  s.inflight.delete(inv.id);
  recordOutcome(s.metrics, inv);
  ctx.record(LOG.INVOCATION_OUTCOME, inv.id, INV_STATE_CODE[inv.state], inv.env);
  remember(s, inv);
  ctx.invocationDone?.(inv);
  if (inv.asyncEvent) {
    onAttemptDone(ctx, inv);
    return; // the queue, not the client, decides what happens next
  }
  if (inv.batch) return onBatchInvocationDone(ctx, inv); // the event source mapping decides
  const retryable = inv.state === 'Throttled' || inv.state === 'ServiceError';
  if (retryable && inv.attempt < inv.maxAttempts) {
    const backoffMs = uniform(s.streams[s.rng.client]) * Math.min(20_000, 1000 * pow2(inv.attempt));
    ctx.schedule(respondedMs + backoffMs, {
      type: 'invoke.request', functionName: inv.functionName, mode: inv.mode, payloadBytes: inv.payloadBytes,
      source: inv.source, attempt: inv.attempt + 1, maxAttempts: inv.maxAttempts, queueDuringOutage: inv.queueDuringOutage,
      asyncEvent: 0, duplicate: false, tenant: inv.tenant,
    });
  }
}

/** Keeps a completed invocation in the bounded ring of recent ones. */
function remember(s: SimState, inv: Invocation): void {
  const r = s.recent;
  if (r.cap === 0) return;
  r.items[r.next] = inv;
  r.next = (r.next + 1) % r.cap;
}

/** Recently completed invocations, oldest first. */
export function recentInvocations(s: SimState): Invocation[] {
  const { items, next } = s.recent;
  return [...items.slice(next), ...items.slice(0, next)];
}

function rejectStatus(inv: Invocation): number {
  switch (inv.rejectReason) {
    case 'ResourceNotFoundException': return 404;
    case 'RequestTooLargeException': return 413;
    case 'InvalidParameterValueException': return 400;
    case 'ResourceConflictException': return 409;
    default: return 400;
  }
}
