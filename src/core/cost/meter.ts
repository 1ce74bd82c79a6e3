import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import { PRICING, gbSeconds, snapStartCharged } from './pricing';

/**
 * What a function has used, metered as it happens (plain data in FunctionRuntime): requests,
 * GB-seconds of Invoke and of Init on demand, duration on provisioned environments, SnapStart
 * restores, and the dollars they cost at the time (the version's architecture). Provisioned
 * concurrency allocated and SnapStart's cache accrue over time on each version (`billing`)
 * and are priced when the bill is read (bill.ts), so reading never changes the run.
 */
export interface CostMeter {
  requests: number;
  invokeGbSeconds: number;
  initGbSeconds: number;
  provisionedInvokeGbSeconds: number;
  restoreGbSeconds: number;
  restoredGb: number;
  /** GB-seconds of on-demand duration (Invoke, Init, Restore), per architecture: what a free tier is taken from. */
  onDemandGbSecondsX86: number;
  onDemandGbSecondsArm: number;
  /** Dollars of the above, at the time (free tier not applied). */
  usd: number;
}

export function createMeter(): CostMeter {
  return {
    requests: 0, invokeGbSeconds: 0, initGbSeconds: 0, provisionedInvokeGbSeconds: 0, restoreGbSeconds: 0, restoredGb: 0,
    onDemandGbSecondsX86: 0, onDemandGbSecondsArm: 0, usd: 0,
  };
}

function addDuration(m: CostMeter, v: VersionRuntime, gbs: number, provisioned: boolean): void {
  const arch = v.cfg.architecture;
  const rate = provisioned ? PRICING.provisionedDurationPerGbSecond[arch] : PRICING.durationPerGbSecond[arch];
  m.usd += gbs * rate;
  if (provisioned) return;
  if (arch === 'arm64') m.onDemandGbSecondsArm += gbs;
  else m.onDemandGbSecondsX86 += gbs;
}

/** One request that ran, with its Invoke phase of `ms` (the timeout bounds it; Init retried inside it included). */
export function meterInvoke(fn: FunctionRuntime, v: VersionRuntime, ms: number, memoryMb: number, provisioned: boolean): void {
  const m = fn.cost;
  m.requests++;
  m.usd += PRICING.perRequest;
  const gbs = gbSeconds(ms, memoryMb);
  if (provisioned) m.provisionedInvokeGbSeconds += gbs;
  else m.invokeGbSeconds += gbs;
  addDuration(m, v, gbs, provisioned);
}

/**
 * An Init phase of `ms`: billed like Invoke for every configuration since 1 Aug 2025 [DOC AWS
 * Compute Blog]; on provisioned environments at their duration rate ("re-runs your
 * initialization code" [DOC pricing]) [INF].
 */
export function meterInit(fn: FunctionRuntime, v: VersionRuntime, ms: number, memoryMb: number, provisioned: boolean): void {
  const gbs = gbSeconds(ms, memoryMb);
  fn.cost.initGbSeconds += gbs;
  addDuration(fn.cost, v, gbs, provisioned);
}

/** A SnapStart Restore of `ms`: billed restore duration, plus the restore charge per GB for Python and .NET [DOC pricing]. */
export function meterRestore(fn: FunctionRuntime, v: VersionRuntime, ms: number, memoryMb: number): void {
  if (!snapStartCharged(v.cfg.runtime)) return;
  const gbs = gbSeconds(ms, memoryMb);
  fn.cost.restoreGbSeconds += gbs;
  fn.cost.restoredGb += memoryMb / 1024;
  fn.cost.usd += (memoryMb / 1024) * PRICING.snapStartRestorePerGb;
  addDuration(fn.cost, v, gbs, false);
}

/** Provisioned concurrency on `v` changes to `n` environments now: close the billed period, open the next. */
export function meterProvisionedChange(v: VersionRuntime, n: number, nowMs: number): void {
  const b = v.billing;
  if (b.pcMb > 0) b.pcGbSeconds += provisionedPeriodGbSeconds(b.pcMb, nowMs - b.pcSinceMs);
  b.pcMb = n * v.cfg.memoryMb;
  b.pcSinceMs = nowMs;
}

/** GB-seconds of one enabled period of provisioned concurrency, rounded up to 5 minutes [DOC pricing]. */
export function provisionedPeriodGbSeconds(mb: number, ms: number): number {
  const rounded = Math.ceil(ms / PRICING.provisionedRoundingMs) * PRICING.provisionedRoundingMs;
  return (rounded / 1000) * (mb / 1024);
}

/** SnapStart's snapshot cache starts accruing when a charged version's snapshot is ready. */
export function meterSnapshotCached(v: VersionRuntime, nowMs: number): void {
  if (snapStartCharged(v.cfg.runtime) && Number.isNaN(v.billing.cacheSinceMs)) v.billing.cacheSinceMs = nowMs;
}

/** The version is gone (its function deleted): its cache stops accruing, at least 3 hours billed. */
export function meterSnapshotDeleted(v: VersionRuntime, nowMs: number): void {
  const b = v.billing;
  if (Number.isNaN(b.cacheSinceMs)) return;
  b.cacheGbSeconds += cacheGbSeconds(v.cfg.memoryMb, nowMs - b.cacheSinceMs);
  b.cacheSinceMs = NaN;
}

export function cacheGbSeconds(memoryMb: number, ms: number): number {
  return (Math.max(PRICING.snapStartCacheMinimumMs, ms) / 1000) * (memoryMb / 1024);
}
