import { LOG } from '../logCodes';
import { Category } from '../metrics/environmentGauge';
import { newInvocation, type Environment, type Invocation } from '../model/records';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { SimEvent } from '../events';
import type { Simulation } from '../simulation';
import { advanceInvocation, completeInvocation } from './invocations';
import { transition } from './environmentLifecycle';
import { startHandler } from './invokePhases';
import { chooseWorker } from './placement';
import { takeMicroVm } from './fleet';
import { coldReason } from './coldReason';
import { zipDownloadMs } from '../scenario/runtimes';

/** Largest synchronous request payload: 6 MB (lambda-facts.md §6) [DOC]. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

/**
 * Fixed shares of the warm platform overhead per hop [INF]: AWS publishes only bounds
 * (Counting < 1.5 ms, Assignment < 10 ms at p99.9), so one draw is split in proportion.
 */
const HOP_SHARE = { frontend: 0.25, counting: 0.1, assignment: 0.3, toWorker: 0.15, response: 0.2 };

/**
 * The Frontend Invoke service (lambda-facts.md §1.2): validates the request, asks the
 * Counting service for a concurrency unit, asks the Assignment service for an idle
 * environment of this exact version (or Placement for a new one), then sends the payload
 * straight to the worker. Decisions are taken at the instant the request arrives; the hop
 * latencies are then laid on the request's timeline.
 */
export function handleRequest(sim: Simulation, req: Extract<SimEvent, { type: 'invoke.request' }>): Invocation {
  const fn = sim.fnByName.get(req.functionName);
  const inv = newInvocation(sim.nextInvocationId++, sim.nowMs, {
    fn: fn ? fn.index : -1, functionName: req.functionName, mode: req.mode, source: req.source,
    attempt: req.attempt, maxAttempts: req.maxAttempts, payloadBytes: req.payloadBytes,
  });
  sim.inflight.set(inv.id, inv);
  sim.log.record(sim.nowMs, LOG.REQUEST_RECEIVED, inv.id, fn ? fn.index : 0xffffffff, req.attempt);

  const overhead = sim.platformSample.warmOverheadMs(sim.rng.overhead);
  const frontendMs = overhead * HOP_SHARE.frontend;
  inv.responseOverheadMs = overhead * HOP_SHARE.response;
  if (!fn) {
    inv.rejectReason = 'ResourceNotFoundException';
    return respondEarly(sim, inv, 'REJECT', sim.nowMs + frontendMs);
  }
  if (req.mode === 'DryRun') {
    return respondEarly(sim, inv, 'DRY_RUN', sim.nowMs + frontendMs); // parameters and permissions only: 204, nothing runs
  }
  if (req.payloadBytes > SYNC_PAYLOAD_LIMIT_BYTES) {
    inv.rejectReason = 'RequestTooLargeException';
    return respondEarly(sim, inv, 'REJECT', sim.nowMs + frontendMs);
  }

  fn.stats.invocations++;
  inv.countedMs = sim.nowMs + frontendMs + overhead * HOP_SHARE.counting;
  const limited = sim.counting.check(fn);
  if (limited) return throttle(sim, fn, inv, limited);
  advanceInvocation(sim, inv, 'COUNTED');
  inv.assignedMs = inv.countedMs + overhead * HOP_SHARE.assignment;

  const env = fn.idle.take(fn.rng.routing);
  if (env !== undefined) {
    sim.counting.lease(fn);
    inv.env = env.id;
    inv.worker = env.worker;
    env.invocation = inv.id;
    advanceInvocation(sim, inv, 'WARM');
    const wasIdle = env.state === 'Idle';
    transition(sim, env, 'ASSIGN');
    if (wasIdle) startHandler(sim, env, fn, inv, inv.assignedMs + overhead * HOP_SHARE.toWorker);
    return inv;
  }

  // Cold: a new environment, if the function's scaling bucket allows one more.
  if (!sim.counting.takeScalingToken(fn, sim.nowMs)) return throttle(sim, fn, inv, 'FunctionInvocationRateLimitExceeded');
  sim.counting.lease(fn);
  inv.cold = true;
  inv.coldReason = coldReason(sim, fn);
  fn.stats.coldStarts++;
  advanceInvocation(sim, inv, 'COLD');
  placeEnvironment(sim, fn, inv);
  return inv;
}

/** Answers before any environment is involved: 4xx, 204 (DryRun) or 429. */
function respondEarly(sim: Simulation, inv: Invocation, event: 'REJECT' | 'DRY_RUN' | 'THROTTLE', atMs: number): Invocation {
  completeInvocation(sim, inv, event, atMs + inv.responseOverheadMs);
  return inv;
}

function throttle(sim: Simulation, fn: FunctionRuntime, inv: Invocation, reason: Invocation['throttleReason']): Invocation {
  inv.throttleReason = reason;
  fn.stats.throttled++;
  return respondEarly(sim, inv, 'THROTTLE', inv.countedMs);
}

/**
 * Placement (< 20 ms), a microVM from the worker's pre-booted pool (or a boot when it is
 * empty), then the code: zip downloaded by size, image chunks lazily loaded (~flat) [INF].
 */
function placeEnvironment(sim: Simulation, fn: FunctionRuntime, inv: Invocation): Environment {
  const worker = chooseWorker(sim, fn);
  const env: Environment = {
    id: sim.nextEnvironmentId++, poolStamp: 0, fn: fn.index, version: fn.version, worker: worker.id, memoryMb: fn.cfg.memoryMb,
    state: 'Provisioning', epoch: 0, invocation: inv.id, retiring: false, createdAtMs: sim.nowMs, initPlan: null,
    idleSinceMs: NaN, keepAliveDeadlineMs: NaN, keepAliveTimerAtMs: -1, invocationsServed: 0, lastInvocationEndMs: NaN,
  };
  sim.environments.set(env.id, env);
  worker.usedMb += env.memoryMb;
  worker.environments++;
  worker.perFunction.set(fn.index, (worker.perFunction.get(fn.index) ?? 0) + 1);
  fn.live++;
  fn.placedEver++;
  fn.initializing++;
  sim.gauge.move(sim.nowMs, Category.None, Category.Initializing);
  sim.log.record(sim.nowMs, LOG.ENVIRONMENT_STATE, env.id, 0, inv.id);

  inv.env = env.id;
  inv.worker = worker.id;
  inv.placedMs = inv.assignedMs + sim.platformSample.placementMs(sim.rng.placement);
  const vm = takeMicroVm(sim, worker, inv.placedMs);
  inv.microvmReadyMs = vm.readyMs;
  const downloadMs = fn.cfg.package.type === 'zip'
    ? zipDownloadMs(fn.cfg.package.sizeMb)
    : sim.platformSample.imageFetchMs(sim.rng.placement);
  inv.codeReadyMs = vm.readyMs + downloadMs;
  env.epoch++;
  sim.schedule(inv.codeReadyMs, { type: 'environment.advance', env: env.id, epoch: env.epoch, signal: 'PROVISIONED' });
  return env;
}
