import type { FunctionRuntime } from '../model/functionRuntime';
import type { ThrottleReason } from '../model/records';
import type { Scenario } from '../scenario/types';

/**
 * The Counting service: a region-wide view of concurrency (lambda-facts.md §1.1, §4).
 * - A function with reserved concurrency R may hold at most R units, and nobody else may
 *   use them (floor and ceiling).
 * - Functions without a reservation share the unreserved pool: the account limit minus every
 *   reservation.
 * - Provisioned environments hold their units from allocation until they terminate.
 * - The scaling rate is a per-function token bucket of new environments (1,000 per 10 s),
 *   refilled continuously and capped, so unused capacity is not banked.
 */
export class CountingService {
  unreservedInUse = 0;
  accountInUse = 0;
  /**
   * Units granted before the unreserved pool shrank (a function dropped its reservation while
   * busy): they may exceed the new capacity until released; no new unit is granted meanwhile.
   */
  unreservedCarried = 0;
  private reservedTotal: number;
  private readonly concurrencyLimit: number;
  private readonly bucketCapacity: number;
  private readonly refillPerMs: number;

  constructor(scenario: Scenario) {
    this.reservedTotal = 0; // reservations arrive through setReserved as functions are added
    this.concurrencyLimit = scenario.account.concurrencyLimit;
    this.bucketCapacity = scenario.account.scaling.environments;
    this.refillPerMs = scenario.account.scaling.environments / scenario.account.scaling.perMs;
  }

  get unreservedCapacity(): number {
    return this.concurrencyLimit - this.reservedTotal;
  }

  /** Would one more concurrency unit for `fn` break a limit? The AWS reason if so. */
  check(fn: FunctionRuntime): ThrottleReason | null {
    const reserved = fn.cfg.reservedConcurrency;
    if (reserved !== null) return fn.inUse >= reserved ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : null;
    return this.unreservedInUse >= this.unreservedCapacity ? 'ConcurrentInvocationLimitExceeded' : null;
  }

  lease(fn: FunctionRuntime): void {
    fn.inUse++;
    this.accountInUse++;
    if (fn.cfg.reservedConcurrency === null) this.unreservedInUse++;
  }

  release(fn: FunctionRuntime): void {
    fn.inUse--;
    this.accountInUse--;
    if (fn.cfg.reservedConcurrency === null) this.unreservedInUse--;
    if (fn.carried > fn.inUse) fn.carried = fn.inUse;
    if (this.unreservedCarried > this.unreservedInUse) this.unreservedCarried = this.unreservedInUse;
  }

  /** The most units `fn` may hold right now: its reservation, or what it held when that was lowered. */
  ceiling(fn: FunctionRuntime): number {
    return Math.max(fn.cfg.reservedConcurrency ?? Infinity, fn.carried);
  }

  /**
   * PutFunctionConcurrency / DeleteFunctionConcurrency. Units already held move between the
   * pools; nothing running is stopped (new invokes see the new limit) [INF].
   */
  setReserved(fn: FunctionRuntime, value: number | null): void {
    const old = fn.cfg.reservedConcurrency;
    if (old === null) this.unreservedInUse -= fn.inUse;
    else this.reservedTotal -= old;
    fn.cfg = { ...fn.cfg, reservedConcurrency: value };
    if (value === null) this.unreservedInUse += fn.inUse;
    else this.reservedTotal += value;
    // Running invocations are not stopped by a lower limit [INF]: remember what was granted.
    fn.carried = value !== null && fn.inUse > value ? fn.inUse : 0;
    if (this.unreservedInUse > this.unreservedCapacity) this.unreservedCarried = this.unreservedInUse;
  }

  /** Tokens in `fn`'s scaling bucket at `nowMs` (refilled continuously up to capacity). */
  tokens(fn: FunctionRuntime, nowMs: number): number {
    const t = Math.min(this.bucketCapacity, fn.bucketTokens + (nowMs - fn.bucketAtMs) * this.refillPerMs);
    fn.bucketTokens = t;
    fn.bucketAtMs = nowMs;
    return t;
  }

  /** Tokens at `nowMs` without touching the bucket: reading must never change a run. */
  peekTokens(fn: FunctionRuntime, nowMs: number): number {
    return Math.min(this.bucketCapacity, fn.bucketTokens + (nowMs - fn.bucketAtMs) * this.refillPerMs);
  }

  /** Takes one new-environment token if there is one. */
  takeScalingToken(fn: FunctionRuntime, nowMs: number): boolean {
    if (this.tokens(fn, nowMs) < 1) return false;
    fn.bucketTokens -= 1;
    return true;
  }

  get capacity(): number {
    return this.bucketCapacity;
  }
}
