import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { LOG } from '../logCodes';
import { newInvocation, type Invocation } from '../model/records';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { SimEvent } from '../events';
import { acceptEvent } from './asyncQueue';
import { runWarm, takeIdle, takeProvisioned } from './assignment';
import { coldReason } from './coldReason';
import { checkConcurrency, lease, takeScalingToken } from './counting';
import { invokeOutage, outageEndMs } from './faultQueries';
import { advanceInvocation, completeInvocation } from './invocations';
import { placeEnvironment } from './placement';
import { resolveQualifier } from './qualifiers';

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
 * the qualifier, accepts Event requests onto the internal queue (202), and for synchronous
 * requests asks Counting for a concurrency unit, Assignment for an idle environment of this
 * exact version (provisioned ones first) or Placement for a new one, then sends the payload
 * straight to the worker. Decisions are taken at the instant the request arrives; the hop
 * latencies are then laid on the request's timeline.
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
  if (req.mode === 'Event' && direct && !outage && fn && v && fn.state === 'Active' && !v.pending && req.payloadBytes <= ASYNC_PAYLOAD_LIMIT_BYTES) {
    // Accepted onto the internal queue with 202. The Event request itself is not an execution
    // attempt (CONTRACTS.md §2): each poller attempt will be.
    const overhead = draw(s.platformSample.warmOverheadMs, s.streams[s.rng.overhead]);
    void overhead; // drawn to keep the overhead stream aligned with a synchronous request's
    acceptEvent(ctx, fn, req);
    return null;
  }
  const inv = newInvocation(s.nextInvocationId++, s.nowMs, {
    fn: fn ? fn.index : -1, functionName: req.functionName, mode: req.mode, source: req.source,
    attempt: req.attempt, maxAttempts: req.maxAttempts, payloadBytes: req.payloadBytes,
    asyncEvent: req.asyncEvent, duplicate: req.duplicate, queueDuringOutage: req.queueDuringOutage,
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
  if (req.mode === 'DryRun') return respondEarly(ctx, inv, 'DRY_RUN', at); // 204: nothing runs
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
  if (limited) return throttle(ctx, fn, inv, limited);
  advanceInvocation(inv, 'COUNTED');
  const env = takeIdle(ctx, v);
  if (env !== undefined) {
    lease(s.counting, fn);
    return runWarm(ctx, v, env, inv, toWorkerMs);
  }
  // Cold: a new environment, if the function's scaling bucket allows one more.
  if (!takeScalingToken(s, fn, s.nowMs)) return throttle(ctx, fn, inv, 'FunctionInvocationRateLimitExceeded');
  lease(s.counting, fn);
  inv.cold = true;
  inv.coldReason = coldReason(v);
  fn.stats.coldStarts++;
  advanceInvocation(inv, 'COLD');
  placeEnvironment(ctx, fn, v, inv, false);
  return inv;
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

function throttle(ctx: SimContext, fn: FunctionRuntime, inv: Invocation, reason: Invocation['throttleReason']): Invocation {
  inv.throttleReason = reason;
  fn.stats.throttled++;
  return respondEarly(ctx, inv, 'THROTTLE', inv.countedMs);
}
