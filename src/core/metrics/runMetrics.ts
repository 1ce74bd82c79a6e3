import type { Invocation } from '../model/records';
import type { MetricsState } from '../model/simState';
import { bucketOf, createHistogram, histogramAddToBucket } from './histogram';

/**
 * Streaming counters and latency histograms of a run: constant memory however long it is.
 * Every invocation is counted in exactly one outcome, when it completes.
 */
export function createMetrics(): MetricsState {
  return {
    succeeded: 0, functionErrors: 0, timedOut: 0, throttled: 0, dryRun: 0, rejected: 0, serviceErrors: 0,
    coldStarts: 0, reinits: 0, clientQueued: 0, ran: 0,
    latency: { all: createHistogram(), cold: createHistogram(), warm: createHistogram() },
    throttleReasons: {},
    proactive: 0, proactiveForLease: 0, proactiveForRecycle: 0, recycled: 0,
  };
}

/** Invocations that reached a final state, whatever it was. */
export function completedCount(m: MetricsState): number {
  return m.succeeded + m.functionErrors + m.timedOut + m.throttled + m.dryRun + m.rejected + m.serviceErrors;
}

export function recordOutcome(m: MetricsState, inv: Invocation): void {
  switch (inv.state) {
    case 'Succeeded': m.succeeded++; break;
    case 'FunctionError': m.functionErrors++; break;
    case 'TimedOut': m.timedOut++; break;
    case 'Throttled':
      m.throttled++;
      m.throttleReasons[inv.throttleReason!] = (m.throttleReasons[inv.throttleReason!] ?? 0) + 1;
      return;
    case 'DryRunSucceeded': m.dryRun++; return;
    case 'Rejected': m.rejected++; return;
    case 'ServiceError': m.serviceErrors++; if (Number.isNaN(inv.invokeStartMs)) return; break;
    default: throw new Error(`invocation ${inv.id} completed in non-final state ${inv.state}`);
  }
  // It ran (or started to): counts toward the cold-start ratio and the latency split.
  m.ran++;
  const latencyMs = inv.respondedMs - inv.receivedMs;
  const b = bucketOf(latencyMs);
  histogramAddToBucket(m.latency.all, b, latencyMs);
  if (inv.cold) {
    m.coldStarts++;
    histogramAddToBucket(m.latency.cold, b, latencyMs);
  } else {
    if (inv.reinit) m.reinits++;
    histogramAddToBucket(m.latency.warm, b, latencyMs);
  }
}
