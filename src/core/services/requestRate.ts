import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { ThrottleCause } from '../model/records';
import type { RateBucketState, SimState } from '../model/simState';
import { concurrencyLimitOf } from './counting';

/**
 * The request-rate quotas of the Invoke API [DOC limits, "Lambda quotas"]:
 * - per Region (an account): 10 × the concurrency quota requests per second, for synchronous
 *   calls and for asynchronous calls from non-AWS sources (our clients and the page);
 * - per function: each execution environment serves up to 10 requests per second, so 10 ×
 *   the function's concurrency limit (its reservation, or the account's unreserved pool);
 * - per version or alias with provisioned concurrency: 10 × the allocated provisioned concurrency.
 * Pollers of the internal queue are not callers: their attempts are bounded by concurrency only.
 * Each quota is a token bucket holding one second's worth [INF: AWS counts "per second" and
 * does not say how], refilled continuously.
 */
export const REQUESTS_PER_SECOND_PER_CONCURRENCY = 10;

export function createRateBucket(perSec: number, atMs: number): RateBucketState {
  return { tokens: perSec, atMs };
}

/** Tokens a bucket of `perSec` holds at `nowMs` (read only). */
export function peekRate(b: RateBucketState, perSec: number, nowMs: number): number {
  return Math.min(perSec, b.tokens + ((nowMs - b.atMs) * perSec) / 1000);
}

function available(b: RateBucketState, perSec: number, nowMs: number): boolean {
  b.tokens = peekRate(b, perSec, nowMs);
  b.atMs = nowMs;
  return b.tokens >= 1;
}

/** Seconds until a bucket of `perSec` has a whole token again: Retry-After, at least 1 [INF]. */
function retryAfter(b: RateBucketState, perSec: number): number {
  return Math.max(1, Math.ceil((1 - b.tokens) / perSec));
}

export interface RateVerdict { cause: ThrottleCause; limit: number; retryAfterSeconds: number }

/** The rate limits the account, the function and (with PC) the version have per second. */
export function rateLimits(s: SimState, fn: FunctionRuntime, v: VersionRuntime): { account: number; fn: number; version: number } {
  return {
    account: REQUESTS_PER_SECOND_PER_CONCURRENCY * s.scenario.accounts[fn.account].concurrencyLimit,
    fn: REQUESTS_PER_SECOND_PER_CONCURRENCY * Math.max(0, concurrencyLimitOf(s, fn)),
    version: v.provisioned.requested > 0 ? REQUESTS_PER_SECOND_PER_CONCURRENCY * v.provisioned.requested : Infinity,
  };
}

/**
 * Admits one request against every quota that applies, or says which ran out. A request is
 * counted only when all admit it (a throttled request uses no quota) [INF]. Asynchronous
 * requests count only against the Region's quota: per function, async invocation is bounded
 * by concurrency alone [DOC limits]. Reserved concurrency 0 throttles by concurrency, not rate.
 */
export function admitRequest(s: SimState, fn: FunctionRuntime, v: VersionRuntime, async: boolean): RateVerdict | null {
  const now = s.nowMs;
  const lim = rateLimits(s, fn, v);
  const acct = s.accountRate[fn.account];
  if (async || fn.cfg.reservedConcurrency === 0) {
    if (!available(acct, lim.account, now)) return { cause: 'account-request-rate', limit: lim.account, retryAfterSeconds: retryAfter(acct, lim.account) };
    acct.tokens -= 1;
    return null;
  }
  if (v.provisioned.requested > 0 && !available(v.rate, lim.version, now)) {
    return { cause: 'provisioned-request-rate', limit: lim.version, retryAfterSeconds: retryAfter(v.rate, lim.version) };
  }
  if (!available(fn.rate, lim.fn, now)) {
    const reserved = fn.cfg.reservedConcurrency !== null;
    return { cause: reserved ? 'reserved-request-rate' : 'function-request-rate', limit: lim.fn, retryAfterSeconds: retryAfter(fn.rate, lim.fn) };
  }
  if (!available(acct, lim.account, now)) {
    return { cause: 'account-request-rate', limit: lim.account, retryAfterSeconds: retryAfter(acct, lim.account) };
  }
  if (v.provisioned.requested > 0) v.rate.tokens -= 1;
  fn.rate.tokens -= 1;
  acct.tokens -= 1;
  return null;
}
