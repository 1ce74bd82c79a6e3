import { deepFreeze } from '../engine/plainCopy';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { ThrottleCause } from '../model/records';
import type { CountingState, SimState } from '../model/simState';
import type { AccountConfig } from '../scenario/types';

/**
 * The Counting service: a region-wide view of concurrency (lambda-facts.md §1.1, §4), per
 * account — every account has its own quota, reservations and scaling, whatever workers its
 * environments share.
 * - A function with reserved concurrency R may hold at most R units, and nobody else may
 *   use them (floor and ceiling).
 * - Functions without a reservation share their account's unreserved pool: the account limit
 *   minus every reservation in it.
 * - Provisioned environments hold their units from allocation until they terminate.
 * - The scaling rate is a per-function token bucket of new environments (1,000 per 10 s),
 *   refilled continuously and capped, so unused capacity is not banked.
 * Its state is `SimState.counting` (+ `moreCounting`) plus each function's `inUse`, `carried` and bucket.
 */
export function createCounting(): CountingState {
  // Reservations arrive through setReserved as functions are added.
  return { unreservedInUse: 0, accountInUse: 0, unreservedCarried: 0, reservedTotal: 0 };
}

/** Account `a`'s Counting state. */
export function countingOf(s: SimState, a: number): CountingState {
  return a === 0 ? s.counting : s.moreCounting[a - 1];
}

export function accountOf(s: SimState, fn: FunctionRuntime): AccountConfig {
  return s.scenario.accounts[fn.account];
}

export function unreservedCapacity(s: SimState, a = 0): number {
  return s.scenario.accounts[a].concurrencyLimit - countingOf(s, a).reservedTotal;
}

/** Would one more concurrency unit for `fn` break a limit? What ran out, if so. */
export function checkConcurrency(s: SimState, fn: FunctionRuntime): ThrottleCause | null {
  const reserved = fn.cfg.reservedConcurrency;
  const c = countingOf(s, fn.account);
  const limit = s.scenario.accounts[fn.account].concurrencyLimit;
  if (reserved !== null) {
    if (fn.inUse >= reserved) return 'reserved-concurrency';
    // Units other functions still hold from before this reservation (carried) may fill the
    // account: the limit is never exceeded, so the reservation waits until they are released.
    return c.accountInUse >= limit ? 'account-concurrency' : null;
  }
  // The account total bounds too: units carried over a lowered reservation still count in it.
  if (c.accountInUse >= limit) return 'account-concurrency';
  return c.unreservedInUse >= unreservedCapacity(s, fn.account) ? 'account-concurrency' : null;
}

/** The most concurrency `fn` could ever hold: its reservation, or its account's unreserved pool. */
export function concurrencyLimitOf(s: SimState, fn: FunctionRuntime): number {
  return fn.cfg.reservedConcurrency ?? unreservedCapacity(s, fn.account);
}

export function lease(s: SimState, fn: FunctionRuntime): void {
  const c = countingOf(s, fn.account);
  fn.inUse++;
  c.accountInUse++;
  if (fn.cfg.reservedConcurrency === null) c.unreservedInUse++;
}

export function release(s: SimState, fn: FunctionRuntime): void {
  const c = countingOf(s, fn.account);
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
  const c = countingOf(s, fn.account);
  const old = fn.cfg.reservedConcurrency;
  if (old === null) c.unreservedInUse -= fn.inUse;
  else c.reservedTotal -= old;
  fn.cfg = deepFreeze({ ...fn.cfg, reservedConcurrency: value });
  if (value === null) c.unreservedInUse += fn.inUse;
  else c.reservedTotal += value;
  // Running invocations are not stopped by a lower limit [INF]: remember what was granted.
  fn.carried = value !== null && fn.inUse > value ? fn.inUse : 0;
  if (c.unreservedInUse > unreservedCapacity(s, fn.account)) c.unreservedCarried = c.unreservedInUse;
}

/** Tokens at `nowMs` without touching the bucket: reading must never change a run. */
export function peekTokens(s: SimState, fn: FunctionRuntime, nowMs: number): number {
  const { environments, perMs } = accountOf(s, fn).scaling;
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
