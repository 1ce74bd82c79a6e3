import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import type { QueuedEvent } from '../model/simState';

/**
 * Where a failed event goes (lambda-facts.md §1.3, §4.5) [DOC invocation-async]: a dead-letter
 * queue (SQS or SNS) receives the event body only; an on-failure destination receives an
 * invocation record — the request, the condition (retries exhausted, or the event too old),
 * the attempts made and the last response. Two separate counters, two separate records.
 */
const KEEP = 50;

export function deliverFailure(ctx: SimContext, e: QueuedEvent): void {
  const s = ctx.state, q = s.asyncQueue;
  const fn = s.functions[e.fn];
  if (fn.cfg.async.onFailure === 'dlq') {
    q.stats.toDlq++;
    q.dlq.push({ event: e.id, function: e.functionName, payloadBytes: e.payloadBytes, atMs: s.nowMs });
    if (q.dlq.length > KEEP) q.dlq.shift();
    ctx.record(LOG.ASYNC_DELIVERED, e.id, 1, e.lastInvocation);
  } else {
    q.stats.toOnFailure++;
    q.destination.push({
      version: '1.0', timestampMs: s.nowMs,
      requestContext: { requestId: e.lastInvocation, functionName: e.functionName, condition: e.expired ? 'EventAgeExceeded' : 'RetriesExhausted', approximateInvokeCount: e.attempts },
      requestPayloadBytes: e.payloadBytes,
      responseContext: { statusCode: e.lastStatusCode, executedVersion: e.lastVersion, functionError: e.lastFunctionError ? 'Unhandled' : null },
    });
    if (q.destination.length > KEEP) q.destination.shift();
    ctx.record(LOG.ASYNC_DELIVERED, e.id, 2, e.lastInvocation);
  }
}
