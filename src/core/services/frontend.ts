import { LOG } from '../logCodes';
import { Category } from '../metrics/environmentGauge';
import { newInvocation, type Environment, type Invocation } from '../model/records';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { SimEvent } from '../events';
import type { Simulation } from '../simulation';
import { advanceInvocation, completeInvocation } from './invocations';
import { transition } from './environmentLifecycle';
import { startHandler } from './invokePhases';
import { chooseWorker } from './placement';
import { takeMicroVm } from './fleet';
import { coldReason } from './coldReason';
import { resolveQualifier } from './qualifiers';
import { zipDownloadMs } from '../scenario/runtimes';

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
export function handleRequest(sim: Simulation, req: Request): Invocation | null {
  const direct = req.asyncEvent === 0; // from a client, not a poller: pollers use the async data plane
  if (direct && sim.faults.invokeOutage() && req.queueDuringOutage) {
    // The client holds the payload and sends it when the service is back (whitepaper).
    sim.metrics.clientQueued++;
    sim.schedule(sim.faults.outageEndMs(sim.nowMs), { ...req });
    return null;
  }
  const colon = req.functionName.indexOf(':');
  const fn = sim.fnByName.get(colon < 0 ? req.functionName : req.functionName.slice(0, colon));
  const v = fn && fn.state !== 'Deleted' ? resolveQualifier(sim, fn, colon < 0 ? '$LATEST' : req.functionName.slice(colon + 1)) : undefined;
  const outage = direct && sim.faults.invokeOutage();
  if (req.mode === 'Event' && direct && !outage && fn && v && fn.state === 'Active' && !v.pending && req.payloadBytes <= ASYNC_PAYLOAD_LIMIT_BYTES) {
    // Accepted onto the internal queue with 202. The Event request itself is not an execution
    // attempt (CONTRACTS.md §2): each poller attempt will be.
    const overhead = sim.platformSample.warmOverheadMs(sim.rng.overhead);
    void overhead; // drawn to keep the overhead stream aligned with a synchronous request's
    sim.asyncQueue.accept(fn, req);
    return null;
  }
  const inv = newInvocation(sim.nextInvocationId++, sim.nowMs, {
    fn: fn ? fn.index : -1, functionName: req.functionName, mode: req.mode, source: req.source,
    attempt: req.attempt, maxAttempts: req.maxAttempts, payloadBytes: req.payloadBytes,
    asyncEvent: req.asyncEvent, duplicate: req.duplicate, queueDuringOutage: req.queueDuringOutage,
  });
  if (req.asyncEvent) inv.queuedSinceMs = sim.asyncQueue.events.get(req.asyncEvent)?.visibleSinceMs ?? NaN;
  sim.inflight.set(inv.id, inv);
  sim.log.record(sim.nowMs, LOG.REQUEST_RECEIVED, inv.id, fn ? fn.index : 0xffffffff, req.attempt);

  const overhead = sim.platformSample.warmOverheadMs(sim.rng.overhead);
  const frontendMs = overhead * HOP_SHARE.frontend;
  inv.responseOverheadMs = overhead * HOP_SHARE.response;
  const at = sim.nowMs + frontendMs;

  if (outage) {
    inv.serviceErrorReason = 'ServiceException';
    return respondEarly(sim, inv, 'SERVICE_ERROR', at);
  }
  if (!VALID_MODES.has(req.mode) || !Number.isInteger(req.payloadBytes) || req.payloadBytes < 0) {
    return reject(sim, inv, 'InvalidParameterValueException', at); // e.g. an unknown X-Amz-Invocation-Type
  }
  if (!fn || !v) return reject(sim, inv, 'ResourceNotFoundException', at);
  inv.ver = v.id;
  inv.version = v.qualifier;
  if (fn.state === 'Pending' || v.pending) return reject(sim, inv, 'ResourceConflictException', at);
  if (req.mode === 'DryRun') return respondEarly(sim, inv, 'DRY_RUN', at); // 204: nothing runs
  if (req.mode === 'Event' && direct) return reject(sim, inv, 'RequestTooLargeException', at); // over 1 MB
  if (req.payloadBytes > SYNC_PAYLOAD_LIMIT_BYTES) return reject(sim, inv, 'RequestTooLargeException', at);

  fn.stats.invocations++;
  inv.countedMs = at + overhead * HOP_SHARE.counting;
  inv.assignedMs = inv.countedMs + overhead * HOP_SHARE.assignment;
  const toWorkerMs = overhead * HOP_SHARE.toWorker;

  // Provisioned concurrency first: its concurrency is allocated already.
  const pc = v.provisionedIdle.size > 0 ? v.provisionedIdle.take(v.rng.routing) : undefined;
  if (pc) {
    advanceInvocation(sim, inv, 'COUNTED');
    inv.provisioned = true;
    return runWarm(sim, v, pc, inv, toWorkerMs);
  }
  const limited = sim.counting.check(fn);
  if (limited) return throttle(sim, fn, inv, limited);
  advanceInvocation(sim, inv, 'COUNTED');
  const env = v.idle.take(v.rng.routing);
  if (env !== undefined) {
    sim.counting.lease(fn);
    return runWarm(sim, v, env, inv, toWorkerMs);
  }
  // Cold: a new environment, if the function's scaling bucket allows one more.
  if (!sim.counting.takeScalingToken(fn, sim.nowMs)) return throttle(sim, fn, inv, 'FunctionInvocationRateLimitExceeded');
  sim.counting.lease(fn);
  inv.cold = true;
  inv.coldReason = coldReason(v);
  fn.stats.coldStarts++;
  advanceInvocation(sim, inv, 'COLD');
  placeEnvironment(sim, fn, v, inv, false);
  return inv;
}

function runWarm(sim: Simulation, v: VersionRuntime, env: Environment, inv: Invocation, toWorkerMs: number): Invocation {
  inv.env = env.id;
  inv.worker = env.worker;
  env.invocation = inv.id;
  advanceInvocation(sim, inv, 'WARM');
  const wasIdle = env.state === 'Idle';
  transition(sim, env, 'ASSIGN');
  if (wasIdle) startHandler(sim, env, v, inv, inv.assignedMs + toWorkerMs);
  return inv;
}

/** Answers before any environment is involved: 4xx, 204 (DryRun), 429 or 5xx. */
function respondEarly(sim: Simulation, inv: Invocation, event: 'REJECT' | 'DRY_RUN' | 'THROTTLE' | 'SERVICE_ERROR', atMs: number): Invocation {
  completeInvocation(sim, inv, event, atMs + inv.responseOverheadMs);
  return inv;
}

function reject(sim: Simulation, inv: Invocation, reason: NonNullable<Invocation['rejectReason']>, atMs: number): Invocation {
  inv.rejectReason = reason;
  return respondEarly(sim, inv, 'REJECT', atMs);
}

function throttle(sim: Simulation, fn: FunctionRuntime, inv: Invocation, reason: Invocation['throttleReason']): Invocation {
  inv.throttleReason = reason;
  fn.stats.throttled++;
  return respondEarly(sim, inv, 'THROTTLE', inv.countedMs);
}

/**
 * Placement (< 20 ms), a microVM from the worker's pre-booted pool (or a boot when it is
 * empty), then the code: zip downloaded by size, image chunks lazily loaded (~flat) [INF];
 * with SnapStart the snapshot is restored instead of running Init. `inv` is null for a
 * provisioned environment initialized ahead of any request.
 */
export function placeEnvironment(sim: Simulation, fn: FunctionRuntime, v: VersionRuntime, inv: Invocation | null, provisioned: boolean): Environment {
  const worker = chooseWorker(sim, fn, v.cfg.memoryMb);
  const env: Environment = {
    id: sim.nextEnvironmentId++, poolStamp: 0, fn: fn.index, ver: v.id, version: v.qualifier, revision: v.revision, provisioned, snapStart: v.snapStart,
    worker: worker.id, memoryMb: v.cfg.memoryMb, state: 'Provisioning', stateSinceMs: sim.nowMs, epoch: 0, invocation: inv ? inv.id : 0, retiring: false,
    createdAtMs: sim.nowMs, initPlan: null, idleSinceMs: NaN, keepAliveDeadlineMs: NaN, keepAliveTimerAtMs: -1,
    invocationsServed: 0, lastInvocationEndMs: NaN,
  };
  sim.environments.set(env.id, env);
  worker.usedMb += env.memoryMb;
  worker.environments++;
  worker.perFunction.set(fn.index, (worker.perFunction.get(fn.index) ?? 0) + 1);
  v.live++;
  v.placedEver++;
  v.initializing++;
  sim.gauge.move(sim.nowMs, Category.None, Category.Initializing);
  sim.log.record(sim.nowMs, LOG.ENVIRONMENT_STATE, env.id, 0, env.invocation);

  const startMs = inv ? inv.assignedMs : sim.nowMs;
  const placedMs = startMs + sim.platformSample.placementMs(sim.rng.placement);
  const vm = takeMicroVm(sim, worker, placedMs);
  const downloadMs = v.cfg.package.type === 'zip' ? zipDownloadMs(v.cfg.package.sizeMb) : sim.platformSample.imageFetchMs(sim.rng.placement);
  const readyMs = vm.readyMs + downloadMs;
  if (inv) {
    inv.env = env.id;
    inv.worker = worker.id;
    inv.placedMs = placedMs;
    inv.microvmBootStartMs = vm.bootStartMs;
    inv.microvmReadyMs = vm.readyMs;
    inv.codeReadyMs = readyMs;
    inv.restored = v.snapStart;
  }
  env.epoch++;
  sim.schedule(readyMs, { type: 'environment.advance', env: env.id, epoch: env.epoch, signal: 'PROVISIONED' });
  return env;
}
