import type { Invocation } from '../model/records';
import { LatencyHistogram, bucketOf } from './histogram';

/**
 * Streaming counters and latency histograms of a run: constant memory however long it is.
 * Every invocation is counted in exactly one outcome, when it completes.
 */
export class RunMetrics {
  succeeded = 0;
  functionErrors = 0;
  timedOut = 0;
  throttled = 0;
  dryRun = 0;
  rejected = 0;
  serviceErrors = 0;
  coldStarts = 0;
  reinits = 0;
  /** Requests a client held during an invoke-service outage and sent afterwards. */
  clientQueued = 0;
  /** Requests that reached a handler (cold or warm): the denominator of the cold-start ratio. */
  ran = 0;
  readonly latency = { all: new LatencyHistogram(), cold: new LatencyHistogram(), warm: new LatencyHistogram() };
  readonly throttleReasons: Record<string, number> = {};

  get completed(): number {
    return this.succeeded + this.functionErrors + this.timedOut + this.throttled + this.dryRun + this.rejected + this.serviceErrors;
  }

  recordOutcome(inv: Invocation): void {
    switch (inv.state) {
      case 'Succeeded': this.succeeded++; break;
      case 'FunctionError': this.functionErrors++; break;
      case 'TimedOut': this.timedOut++; break;
      case 'Throttled':
        this.throttled++;
        this.throttleReasons[inv.throttleReason!] = (this.throttleReasons[inv.throttleReason!] ?? 0) + 1;
        return;
      case 'DryRunSucceeded': this.dryRun++; return;
      case 'Rejected': this.rejected++; return;
      case 'ServiceError': this.serviceErrors++; if (Number.isNaN(inv.invokeStartMs)) return; break;
      default: throw new Error(`invocation ${inv.id} completed in non-final state ${inv.state}`);
    }
    // It ran (or started to): counts toward the cold-start ratio and the latency split.
    this.ran++;
    const latencyMs = inv.respondedMs - inv.receivedMs;
    const b = bucketOf(latencyMs);
    this.latency.all.addToBucket(b, latencyMs);
    if (inv.cold) {
      this.coldStarts++;
      this.latency.cold.addToBucket(b, latencyMs);
    } else {
      if (inv.reinit) this.reinits++;
      this.latency.warm.addToBucket(b, latencyMs);
    }
  }
}
