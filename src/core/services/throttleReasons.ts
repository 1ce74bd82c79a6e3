import type { ThrottleCause, ThrottleReason } from '../model/records';

/**
 * Which AWS `Reason` a 429 TooManyRequestsException carries for each cause, and where the
 * mapping comes from. AWS publishes the six reasons (botocore's enum) and the quotas, but not
 * which quota yields which reason: a mapping not documented is marked [INF] here and in "why
 * throttled?". `retryAfter`: whether the answer carries `retryAfterSeconds` — AWS documents
 * the field, not when it is set; we send it for rate quotas, whose refill time is known [INF].
 */
export const THROTTLE_REASONS: Record<ThrottleCause, { reason: ThrottleReason; source: string; retryAfter: boolean }> = {
  'account-concurrency': { reason: 'ConcurrentInvocationLimitExceeded', source: '[INF] named for the account concurrency quota', retryAfter: false },
  'reserved-concurrency': { reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', source: '[INF] named for reserved concurrency', retryAfter: false },
  'scaling-rate': { reason: 'FunctionInvocationRateLimitExceeded', source: '[INF] AWS documents a 429 beyond the scaling rate, not its reason', retryAfter: true },
  'function-request-rate': { reason: 'FunctionInvocationRateLimitExceeded', source: '[INF] named for the per-function request rate (10 × concurrency)', retryAfter: true },
  'reserved-request-rate': { reason: 'ReservedFunctionInvocationRateLimitExceeded', source: '[INF] named for the request rate of a function with reserved concurrency', retryAfter: true },
  'account-request-rate': { reason: 'CallerRateLimitExceeded', source: '[OBS] reported by callers that exceed the Region\'s invocation rate (lithops issues); mapping [INF]', retryAfter: true },
  'provisioned-request-rate': { reason: 'FunctionInvocationRateLimitExceeded', source: '[INF] the version/alias quota of 10 × provisioned concurrency', retryAfter: true },
  'tenant-environments': { reason: 'FunctionInvocationRateLimitExceeded', source: '[DOC] "Rate exceeded" past 2,500 tenant environments per 1,000 concurrency; reason [INF]', retryAfter: true },
};

/** The control-plane 429: too many SnapStart snapshot creations at once (PublishVersion) [INF: the limit is unpublished]. */
export const SNAPSHOT_CREATE_REASON: ThrottleReason = 'ConcurrentSnapshotCreateLimitExceeded';
