import { deepFreeze } from '../engine/plainCopy';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { ThrottleReason } from '../model/records';
import type { CountingState, SimState } from '../model/simState';

/**
 * The Counting service: a region-wide view of concurrency (lambda-facts.md §1.1, §4).
 * - A function with reserved concurrency R may hold at most R units, and nobody else may
 *   use them (floor and ceiling).
 * - Functions without a reservation share the unreserved pool: the account limit minus every
 *   reservation.
 * - Provisioned environments hold their units from allocation until they terminate.
 * - The scaling rate is a per-function token bucket of new environments (1,000 per 10 s),
 *   refilled continuously and capped, so unused capacity is not banked.
 * Its state is `SimState.counting` plus each function's `inUse`, `carried` and bucket.
 */
export function createCounting(): CountingState {
  // Reservations arrive through setReserved as functions are added.
  return { unreservedInUse: 0, accountInUse: 0, unreservedCarried: 0, reservedTotal: 0 };
}

export function unreservedCapacity(s: SimState): number {
  return s.scenario.account.concurrencyLimit - s.counting.reservedTotal;
}

/** Would one more concurrency unit for `fn` break a limit? The AWS reason if so. */
export function checkConcurrency(s: SimState, fn: FunctionRuntime): ThrottleReason | null {
  const reserved = fn.cfg.reservedConcurrency;
  if (reserved !== null) {
    if (fn.inUse >= reserved) return 'ReservedFunctionConcurrentInvocationLimitExceeded';
    // Units other functions still hold from before this reservation (carried) may fill the
    // account: the limit is never exceeded, so the reservation waits until they are released.
    return s.counting.accountInUse >= s.scenario.account.concurrencyLimit ? 'ConcurrentInvocationLimitExceeded' : null;
  }
  return s.counting.unreservedInUse >= unreservedCapacity(s) ? 'ConcurrentInvocationLimitExceeded' : null;
}

export function lease(c: CountingState, fn: FunctionRuntime): void {
  fn.inUse++;
  c.accountInUse++;
  if (fn.cfg.reservedConcurrency === null) c.unreservedInUse++;
}

export function release(c: CountingState, fn: FunctionRuntime): void {
  fn.inUse--;
  c.accountInUse--;
  if (fn.cfg.reservedConcurrency === null) c.unreservedInUse--;
  if (fn.carried > fn.inUse) fn.carried = fn.inUse;
  if (c.unreservedCarried > c.unreservedInUse) c.unreservedCarried = c.unreservedInUse;
}

/** The most units `fn` may hold right now: its reservation, or what it held when that was lowered. */
export function concurrencyCeiling(fn: FunctionRuntime): number {
  return Math.max(fn.cfg.reservedConcurrency ?? Infinity, fn.carried);
}

/**
 * PutFunctionConcurrency / DeleteFunctionConcurrency. Units already held move between the
 * pools; nothing running is stopped (new invokes see the new limit) [INF].
 */
export function setReserved(s: SimState, fn: FunctionRuntime, value: number | null): void {
  const c = s.counting;
  const old = fn.cfg.reservedConcurrency;
  if (old === null) c.unreservedInUse -= fn.inUse;
  else c.reservedTotal -= old;
  fn.cfg = deepFreeze({ ...fn.cfg, reservedConcurrency: value });
  if (value === null) c.unreservedInUse += fn.inUse;
  else c.reservedTotal += value;
  // Running invocations are not stopped by a lower limit [INF]: remember what was granted.
  fn.carried = value !== null && fn.inUse > value ? fn.inUse : 0;
  if (c.unreservedInUse > unreservedCapacity(s)) c.unreservedCarried = c.unreservedInUse;
}

/** Tokens at `nowMs` without touching the bucket: reading must never change a run. */
export function peekTokens(s: SimState, fn: FunctionRuntime, nowMs: number): number {
  const { environments, perMs } = s.scenario.account.scaling;
  return Math.min(environments, fn.bucketTokens + (nowMs - fn.bucketAtMs) * (environments / perMs));
}

/** Takes one new-environment token if there is one (refilling the bucket up to now first). */
export function takeScalingToken(s: SimState, fn: FunctionRuntime, nowMs: number): boolean {
  fn.bucketTokens = peekTokens(s, fn, nowMs);
  fn.bucketAtMs = nowMs;
  if (fn.bucketTokens < 1) return false;
  fn.bucketTokens -= 1;
  return true;
}
