import type { Summary } from './summary';

/**
 * The counting identities of a summary (CONTRACTS.md §2), empty when they hold:
 * - every invocation ends in exactly one outcome or is in flight:
 *   total = succeeded + functionErrors + timedOut + throttled + dryRun + inFlight + rejected + serviceErrors;
 * - every accepted Event ends in exactly one fate or is still queued:
 *   async.accepted = succeeded + deadLettered + dropped + queued;
 * - throttles by reason add up to the throttles;
 * - every message or record of an event source has exactly one fate or remains:
 *   received = deleted + toDlq + expired + discarded + remaining.
 */
export function summaryIdentityProblems(s: Summary): string[] {
  const problems: string[] = [];
  const i = s.invocations;
  const outcomes = i.succeeded + i.functionErrors + i.timedOut + i.throttled + i.dryRun + i.inFlight + i.rejected + i.serviceErrors;
  if (i.total !== outcomes) {
    problems.push(`invocations.total ${i.total} ≠ ${outcomes} (succeeded ${i.succeeded} + functionErrors ${i.functionErrors} + timedOut ${i.timedOut} + throttled ${i.throttled} + dryRun ${i.dryRun} + inFlight ${i.inFlight} + rejected ${i.rejected} + serviceErrors ${i.serviceErrors})`);
  }
  const a = s.async;
  if (a.accepted !== a.succeeded + a.deadLettered + a.dropped + a.queued) {
    problems.push(`async.accepted ${a.accepted} ≠ succeeded ${a.succeeded} + deadLettered ${a.deadLettered} + dropped ${a.dropped} + queued ${a.queued}`);
  }
  const byReason = Object.values(s.throttleReasons).reduce((x, y) => x + y, 0);
  if (byReason !== i.throttled) problems.push(`throttleReasons add up to ${byReason}, throttled is ${i.throttled}`);
  for (const e of s.eventSources ?? []) {
    const fates = e.deleted + e.toDlq + e.expired + e.discarded + e.remaining;
    if (e.received !== fates) problems.push(`eventSources ${e.name}: received ${e.received} ≠ deleted ${e.deleted} + toDlq ${e.toDlq} + expired ${e.expired} + discarded ${e.discarded} + remaining ${e.remaining}`);
  }
  return problems;
}
