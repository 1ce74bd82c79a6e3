import { INV_STATE_CODE, LOG } from '../logCodes';
import type { InvocationEvent } from '../machines/invocationMachine';
import type { Invocation } from '../model/records';
import type { Simulation } from '../simulation';

/** HTTP status of each final outcome (lambda-facts.md §6). */
const STATUS: Partial<Record<Invocation['state'], number>> = {
  Succeeded: 200, FunctionError: 200, TimedOut: 200, DryRunSucceeded: 204, Throttled: 429, ServiceError: 500,
};

/** Moves an invocation through its machine (see invocationMachine.ts). */
export function advanceInvocation(sim: Simulation, inv: Invocation, event: InvocationEvent['type']): void {
  inv.state = sim.invNext(inv.state, event, inv) as Invocation['state'];
}

/**
 * Ends an invocation in exactly one final state: response timestamp, status code, counters,
 * latency, and — for 429 and 5xx — a client retry if the caller's SDK still has attempts left
 * (exponential backoff with full jitter: U(0,1) × min(2^attempt s, 20 s), as the AWS SDKs'
 * standard retry mode describes).
 */
export function completeInvocation(sim: Simulation, inv: Invocation, event: InvocationEvent['type'], respondedMs: number): void {
  advanceInvocation(sim, inv, event);
  inv.respondedMs = respondedMs;
  inv.statusCode = inv.rejectReason ? rejectStatus(inv) : STATUS[inv.state] ?? 500;
  sim.inflight.delete(inv.id);
  sim.metrics.recordOutcome(inv);
  sim.log.record(sim.nowMs, LOG.INVOCATION_OUTCOME, inv.id, INV_STATE_CODE[inv.state], inv.env);
  sim.remember(inv);
  if (inv.asyncEvent) {
    sim.asyncQueue.onAttemptDone(inv);
    return; // the queue, not the client, decides what happens next
  }
  const retryable = inv.state === 'Throttled' || inv.state === 'ServiceError';
  if (retryable && inv.attempt < inv.maxAttempts) {
    const backoffMs = sim.rng.client.next() * Math.min(20_000, 1000 * 2 ** inv.attempt);
    sim.schedule(respondedMs + backoffMs, {
      type: 'invoke.request', functionName: inv.functionName, mode: inv.mode, payloadBytes: inv.payloadBytes,
      source: inv.source, attempt: inv.attempt + 1, maxAttempts: inv.maxAttempts, queueDuringOutage: inv.queueDuringOutage,
      asyncEvent: 0, duplicate: false,
    });
  }
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
