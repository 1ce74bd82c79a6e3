import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { LOG } from '../logCodes';
import { newInvocation, type Invocation, type ThrottleCause } from '../model/records';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { SimEvent } from '../events';
import { acceptEvent } from './asyncQueue';
import { runWarm, takeIdle, takeProvisioned } from './assignment';
import { coldReason } from './coldReason';
import { accountOf, checkConcurrency, concurrencyLimitOf, lease, takeScalingToken } from './counting';
import { invokeOutage, outageEndMs } from './faultQueries';
import { advanceInvocation, completeInvocation } from './invocations';
import { placeEnvironment } from './placement';
import { resolveQualifier } from './qualifiers';
import { admitRequest, type RateVerdict } from './requestRate';
import { tenantEnvironmentsFull } from './tenants';
import { THROTTLE_REASONS } from './throttleReasons';

/** Largest synchronous request payload: 6 MB; asynchronous: 1 MB (lambda-facts.md §6) [DOC]. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1024 * 1024;

/**
 * Fixed shares of the warm platform overhead per hop [INF]: AWS publishes only bounds
 * (Counting < 1.5 ms, Assignment < 10 ms at p99.9), so one draw is split in proportion.
 */
const HOP_SHARE = { frontend: 0.25, counting: 0.1, assignment: 0.3, toWorker: 0.15, response: 0.2 };

type Request = Extract<SimEvent, { type: 'invoke.request' }>;
const VALID_MODES = new Set(['RequestResponse', 'Event', 'DryRun']);

/**
 * The Frontend Invoke service (lambda-facts.md §1.2–1.3): validates the request, resolves
 * the qualifier, admits it against the request-rate quotas (callers only: pollers are
 * bounded by concurrency), accepts Event requests onto the internal queue (202), and for
 * synchronous requests asks Counting for a concurrency unit, Assignment for an idle
 * environment of this exact version (provisioned ones first; with tenant isolation, of this
 * tenant) or Placement for a new one, then sends the payload straight to the worker.
 * Decisions are taken at the instant the request arrives; the hop latencies are then laid on
 * the request's timeline.
 */
export function handleRequest(ctx: SimContext, req: Request): Invocation | null {
  const s = ctx.state;
  const direct = req.asyncEvent === 0; // from a client, not a poller: pollers use the async data plane
  if (direct && invokeOutage(s.faults) && req.queueDuringOutage) {
    // The client holds the payload and sends it when the service is back (whitepaper).
    s.metrics.clientQueued++;
    ctx.schedule(outageEndMs(s.faults, s.nowMs), { ...req });
    return null;
  }
  const colon = req.functionName.indexOf(':');
  const fn = ctx.functionNamed(colon < 0 ? req.functionName : req.functionName.slice(0, colon));
  const v = fn && fn.state !== 'Deleted' ? resolveQualifier(ctx, fn, colon < 0 ? '$LATEST' : req.functionName.slice(colon + 1)) : undefined;
  const outage = direct && invokeOutage(s.faults);
  const valid = !outage && fn !== undefined && v !== undefined && fn.state === 'Active' && !v.pending && tenantMatches(fn, req.tenant);
  // The request-rate quotas count callers' invocations, sync and async from non-AWS sources [DOC limits].
  const rate = valid && direct && req.mode !== 'DryRun' && VALID_MODES.has(req.mode) ? admitRequest(s, fn!, v!, req.mode === 'Event') : null;
  if (req.mode === 'Event' && direct && valid && !rate && req.payloadBytes <= ASYNC_PAYLOAD_LIMIT_BYTES) {
    // Accepted onto the internal queue with 202. The Event request itself is not an execution
    // attempt (CONTRACTS.md §2): each poller attempt will be.
    const overhead = draw(s.platformSample.warmOverheadMs, s.streams[s.rng.overhead]);
    void overhead; // drawn to keep the overhead stream aligned with a synchronous request's
    acceptEvent(ctx, fn!, req);
    return null;
  }
  const inv = newInvocation(s.nextInvocationId++, s.nowMs, {
    fn: fn ? fn.index : -1, functionName: req.functionName, mode: req.mode, source: req.source,
    attempt: req.attempt, maxAttempts: req.maxAttempts, payloadBytes: req.payloadBytes,
    asyncEvent: req.asyncEvent, duplicate: req.duplicate, queueDuringOutage: req.queueDuringOutage, tenant: req.tenant,
  });
  if (req.durationMs !== undefined) inv.traceDurationMs = req.durationMs;
  if (req.asyncEvent) inv.queuedSinceMs = s.asyncQueue.events.get(req.asyncEvent)?.visibleSinceMs ?? NaN;
  if (req.batch) inv.batch = req.batch;
  s.inflight.set(inv.id, inv);
  ctx.record(LOG.REQUEST_RECEIVED, inv.id, fn ? fn.index : 0xffffffff, req.attempt);

  const overhead = draw(s.platformSample.warmOverheadMs, s.streams[s.rng.overhead]);
  const frontendMs = overhead * HOP_SHARE.frontend;
  inv.responseOverheadMs = overhead * HOP_SHARE.response;
  const at = s.nowMs + frontendMs;

  if (outage) {
    inv.serviceErrorReason = 'ServiceException';
    return respondEarly(ctx, inv, 'SERVICE_ERROR', at);
  }
  if (!VALID_MODES.has(req.mode) || !Number.isInteger(req.payloadBytes) || req.payloadBytes < 0) {
    return reject(ctx, inv, 'InvalidParameterValueException', at); // e.g. an unknown X-Amz-Invocation-Type
  }
  if (!fn || !v) return reject(ctx, inv, 'ResourceNotFoundException', at);
  inv.ver = v.id;
  inv.version = v.qualifier;
  if (fn.state === 'Pending' || v.pending) return reject(ctx, inv, 'ResourceConflictException', at);
  // Tenant isolation: a tenant id is required by such a function and refused by any other [DOC].
  if (!tenantMatches(fn, req.tenant)) return reject(ctx, inv, 'InvalidParameterValueException', at);
  if (req.mode === 'DryRun') return respondEarly(ctx, inv, 'DRY_RUN', at); // 204: nothing runs
  if (rate) return throttleRate(ctx, fn, inv, rate, at);
  if (req.mode === 'Event' && direct) return reject(ctx, inv, 'RequestTooLargeException', at); // over 1 MB
  if (req.payloadBytes > SYNC_PAYLOAD_LIMIT_BYTES) return reject(ctx, inv, 'RequestTooLargeException', at);

  fn.stats.invocations++;
  inv.countedMs = at + overhead * HOP_SHARE.counting;
  inv.assignedMs = inv.countedMs + overhead * HOP_SHARE.assignment;
  const toWorkerMs = overhead * HOP_SHARE.toWorker;

  // Assignment: provisioned concurrency first, its concurrency is allocated already.
  const pc = takeProvisioned(ctx, v);
  if (pc) {
    advanceInvocation(inv, 'COUNTED');
    inv.provisioned = true;
    return runWarm(ctx, v, pc, inv, toWorkerMs);
  }
  const limited = checkConcurrency(s, fn);
  if (limited) return throttle(ctx, fn, inv, limited, concurrencyLimitOf(s, fn), 0, 0);
  advanceInvocation(inv, 'COUNTED');
  const env = takeIdle(ctx, v, inv.tenant);
  if (env !== undefined) {
    lease(s, fn);
    return runWarm(ctx, v, env, inv, toWorkerMs);
  }
  return coldStart(ctx, fn, v, inv);
}

/** No idle environment: a new one, if the scaling bucket (and, with tenants, the environment limit) allows. */
function coldStart(ctx: SimContext, fn: FunctionRuntime, v: VersionRuntime, inv: Invocation): Invocation {
  const s = ctx.state;
  if (inv.tenant !== 0) {
    const full = tenantEnvironmentsFull(s, fn);
    if (full !== null) return throttle(ctx, fn, inv, 'tenant-environments', full, 0, 1);
  }
  if (!takeScalingToken(s, fn, s.nowMs)) {
    const { environments, perMs } = accountOf(s, fn).scaling;
    const waitMs = (1 - fn.bucketTokens) * (perMs / environments);
    return throttle(ctx, fn, inv, 'scaling-rate', environments, perMs, Math.max(1, Math.ceil(waitMs / 1000)));
  }
  lease(s, fn);
  inv.cold = true;
  inv.coldReason = coldReason(s, v, inv.tenant);
  fn.stats.coldStarts++;
  advanceInvocation(inv, 'COLD');
  placeEnvironment(ctx, fn, v, inv, false);
  return inv;
}

function tenantMatches(fn: FunctionRuntime, tenant: number): boolean {
  return (fn.cfg.tenantIsolationMode === 'PER_TENANT') === (tenant !== 0);
}

/** Answers before any environment is involved: 4xx, 204 (DryRun), 429 or 5xx. */
function respondEarly(ctx: SimContext, inv: Invocation, event: 'REJECT' | 'DRY_RUN' | 'THROTTLE' | 'SERVICE_ERROR', atMs: number): Invocation {
  completeInvocation(ctx, inv, event, atMs + inv.responseOverheadMs);
  return inv;
}

function reject(ctx: SimContext, inv: Invocation, reason: NonNullable<Invocation['rejectReason']>, atMs: number): Invocation {
  inv.rejectReason = reason;
  return respondEarly(ctx, inv, 'REJECT', atMs);
}

/** 429 TooManyRequestsException with the AWS reason for `cause` (throttleReasons.ts) and the scenario's numbers. */
function throttle(ctx: SimContext, fn: FunctionRuntime, inv: Invocation, cause: ThrottleCause, limit: number, perMs: number, retryAfterSeconds: number): Invocation {
  const map = THROTTLE_REASONS[cause];
  inv.throttleReason = map.reason;
  inv.throttle = { cause, limit, perMs, retryAfterSeconds: map.retryAfter ? retryAfterSeconds : 0 };
  fn.stats.throttled++;
  return respondEarly(ctx, inv, 'THROTTLE', inv.countedMs);
}

/** A request-rate quota ran out: throttled at the Frontend, before Counting. */
function throttleRate(ctx: SimContext, fn: FunctionRuntime, inv: Invocation, r: RateVerdict, atMs: number): Invocation {
  inv.countedMs = atMs;
  return throttle(ctx, fn, inv, r.cause, r.limit, 0, r.retryAfterSeconds);
}
