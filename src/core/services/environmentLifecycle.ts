import { CATEGORY_OF, Category } from '../metrics/environmentGauge';
import type { EnvironmentEvent, EnvironmentState } from '../machines/environmentMachine';
import { ENV_STATE_CODE, LOG } from '../logCodes';
import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation, ReclaimCause, Worker } from '../model/records';
import type { EnvironmentSignal } from '../events';
import type { Simulation } from '../simulation';
import { completeInvocation, advanceInvocation } from './invocations';
import { terminateIfEmpty } from './fleet';
import { planInit, planRestore, startHandler, startInitInInvoke } from './invokePhases';
import { onProvisionedEnvironmentGone, onProvisionedEnvironmentReady } from './provisionedConcurrency';

/**
 * The execution environment's lifecycle, driven by the table derived from
 * environmentMachine.ts. `transition` is the only place an environment changes state; the
 * work each state implies (timers, pools, memory) happens in `onEnter`.
 */
export function transition(sim: Simulation, env: Environment, event: EnvironmentEvent['type']): void {
  const from = env.state;
  const to = sim.envNext(from, event, env) as EnvironmentState;
  env.state = to;
  env.stateSinceMs = sim.nowMs;
  const v = sim.versions[env.ver];
  const cFrom = CATEGORY_OF[from], cTo = CATEGORY_OF[to];
  if (cFrom !== cTo) {
    sim.gauge.move(sim.nowMs, cFrom, cTo);
    if (cFrom === Category.Initializing) v.initializing--;
    else if (cFrom === Category.Busy) v.busy--;
    if (cTo === Category.Initializing) v.initializing++;
    else if (cTo === Category.Busy) v.busy++;
  }
  sim.log.record(sim.nowMs, LOG.ENVIRONMENT_STATE, env.id, ENV_STATE_CODE[to], env.invocation);
  onEnter(sim, env, v, from);
}

function onEnter(sim: Simulation, env: Environment, v: VersionRuntime, from: EnvironmentState): void {
  switch (env.state) {
    case 'Restoring':
      advanceLater(sim, env, planRestore(sim, env), 'PHASE_DONE');
      return;
    case 'Initializing.ExtensionInit':
      planInit(sim, env, v);
      scheduleInitStep(sim, env);
      return;
    case 'Initializing.RuntimeInit':
    case 'Initializing.FunctionInit':
      scheduleInitStep(sim, env);
      return;
    case 'InitRetry':
      startInitInInvoke(sim, env, v, from);
      return;
    case 'Invoking':
      if (from !== 'Idle') startHandler(sim, env, v, sim.inflight.get(env.invocation)!, sim.nowMs);
      return;
    case 'Idle':
    case 'Reset':
      env.idleSinceMs = sim.nowMs;
      if (env.provisioned) {
        // Provisioned environments are not reclaimed for idleness, but recycled every few hours.
        env.keepAliveDeadlineMs = env.createdAtMs + sim.scenario.platform.provisionedRecycleMs;
        v.provisionedIdle.add(env);
        if (from !== 'Invoking' && from !== 'InitRetry') onProvisionedEnvironmentReady(sim, v);
      } else {
        env.keepAliveDeadlineMs = sim.nowMs + v.sample.keepAliveMs(v.rng.keepAlive);
        v.idle.add(env);
      }
      if (env.keepAliveTimerAtMs < 0 || env.keepAliveDeadlineMs < env.keepAliveTimerAtMs) {
        // A provisioned environment's recycle time may have passed while it was busy: check now, never in the past.
        env.keepAliveTimerAtMs = Math.max(sim.nowMs, env.keepAliveDeadlineMs);
        sim.schedule(env.keepAliveTimerAtMs, { type: 'environment.keepalive', env: env.id });
      }
      return;
    case 'ShuttingDown': {
      (env.provisioned ? v.provisionedIdle : v.idle).remove(env);
      const shutdownMs = v.cfg.extensions > 0
        ? 100 + sim.rng.shutdown.next() * 1900 // external extensions: up to the 2 s Shutdown limit [DOC]
        : sim.platformSample.shutdownMs(sim.rng.shutdown);
      advanceLater(sim, env, sim.nowMs + shutdownMs, 'SHUTDOWN_DONE');
      return;
    }
    case 'Terminated':
      release(sim, env, v);
      return;
    case 'Provisioning':
      return;
  }
}

/** Schedules the next Init sub-phase boundary, or the Init timeout/failure if it comes first. */
function scheduleInitStep(sim: Simulation, env: Environment): void {
  const plan = env.initPlan!;
  const end = env.state === 'Initializing.ExtensionInit' ? plan.extensionEndMs
    : env.state === 'Initializing.RuntimeInit' ? plan.runtimeEndMs : plan.functionEndMs;
  if (end > plan.limitMs) advanceLater(sim, env, plan.limitMs, 'INIT_TIMEOUT');
  else if (plan.failsAtMs <= end) advanceLater(sim, env, plan.failsAtMs, 'INIT_FAILED');
  else advanceLater(sim, env, end, 'PHASE_DONE');
}

/** Schedules a lifecycle step; any step scheduled earlier for this environment becomes stale. */
export function advanceLater(sim: Simulation, env: Environment, atMs: number, signal: EnvironmentSignal): void {
  env.epoch++;
  sim.schedule(atMs, { type: 'environment.advance', env: env.id, epoch: env.epoch, signal });
}

export function onAdvance(sim: Simulation, envId: number, epoch: number, signal: EnvironmentSignal): void {
  const env = sim.environments.get(envId);
  if (!env || env.epoch !== epoch) return; // superseded (e.g. the worker was lost)
  const inv = env.invocation ? sim.inflight.get(env.invocation) : undefined;
  switch (signal) {
    case 'PROVISIONED':
      transition(sim, env, signal);
      return;
    case 'SHUTDOWN_DONE':
    case 'INIT_TIMEOUT':
    case 'INIT_FAILED':
      transition(sim, env, signal);
      return;
    case 'PHASE_DONE':
      if (inv) stampPhase(env, inv, sim.nowMs);
      if (inv && inv.state === 'WaitingForInit' && (env.state === 'Initializing.FunctionInit' || env.state === 'InitRetry' || env.state === 'Restoring')) {
        advanceInvocation(sim, inv, 'INIT_DONE');
      }
      transition(sim, env, 'PHASE_DONE');
      return;
    case 'INVOKE_END':
      endInvoke(sim, env, inv!);
      return;
  }
}

function stampPhase(env: Environment, inv: Invocation, atMs: number): void {
  if (env.state === 'Initializing.ExtensionInit') inv.extensionInitEndMs = atMs;
  else if (env.state === 'Initializing.RuntimeInit') inv.runtimeInitEndMs = atMs;
  else if (env.state === 'Initializing.FunctionInit') inv.functionInitEndMs = atMs;
  else if (env.state === 'Restoring') inv.restoreEndMs = atMs;
}

/** The handler returned, failed or timed out: respond, release concurrency, freeze or reset. */
function endInvoke(sim: Simulation, env: Environment, inv: Invocation): void {
  const outcome = inv.pendingOutcome!;
  inv.invokeEndMs = sim.nowMs;
  if (!env.provisioned) sim.counting.release(sim.functions[env.fn]);
  env.invocation = 0;
  env.invocationsServed++;
  env.lastInvocationEndMs = sim.nowMs;
  completeInvocation(sim, inv, outcome, sim.nowMs + inv.responseOverheadMs);
  const reset = outcome === 'TIMED_OUT' || (outcome === 'FUNCTION_ERROR' && env.state === 'InitRetry');
  transition(sim, env, reset ? 'INVOKE_FAILED' : 'INVOKE_DONE');
}

export function onKeepAlive(sim: Simulation, envId: number): void {
  const env = sim.environments.get(envId);
  if (!env || env.keepAliveTimerAtMs !== sim.nowMs) return; // superseded by an earlier check
  env.keepAliveTimerAtMs = -1;
  if (env.state !== 'Idle' && env.state !== 'Reset') return; // the next idle period schedules again
  if (sim.nowMs >= env.keepAliveDeadlineMs) {
    if (env.provisioned) {
      reclaim(sim, env, 'RETIRE', 'provisioned-recycle');
    } else {
      reclaim(sim, env, 'KEEPALIVE_EXPIRED', 'keep-alive');
    }
  } else {
    env.keepAliveTimerAtMs = env.keepAliveDeadlineMs;
    sim.schedule(env.keepAliveDeadlineMs, { type: 'environment.keepalive', env: env.id });
  }
}

function reclaim(sim: Simulation, env: Environment, event: 'KEEPALIVE_EXPIRED' | 'RETIRE', cause: ReclaimCause): void {
  const v = sim.versions[env.ver];
  if (!env.provisioned) v.lastReclaim = { env: env.id, atMs: sim.nowMs, idleSinceMs: env.idleSinceMs, cause };
  env.retiring = true;
  transition(sim, env, event);
}

/** The environment must not be reused: shut it down now if idle, else after its request. */
export function retireEnvironment(sim: Simulation, env: Environment, cause: ReclaimCause): void {
  if (env.state === 'Idle' || env.state === 'Reset') reclaim(sim, env, 'RETIRE', cause);
  else if (env.state !== 'ShuttingDown' && env.state !== 'Terminated') env.retiring = true;
}

/** The environment vanished with its worker: its request, if any, gets a service error. */
export function loseEnvironment(sim: Simulation, env: Environment, cause: ReclaimCause): void {
  const v = sim.versions[env.ver];
  const inv = env.invocation ? sim.inflight.get(env.invocation) : undefined;
  if ((env.state === 'Idle' || env.state === 'Reset') && !env.provisioned) {
    v.lastReclaim = { env: env.id, atMs: sim.nowMs, idleSinceMs: env.idleSinceMs, cause };
  }
  (env.provisioned ? v.provisionedIdle : v.idle).remove(env);
  env.epoch++; // every pending lifecycle step is now stale
  if (inv) {
    if (!env.provisioned) sim.counting.release(sim.functions[env.fn]);
    env.invocation = 0;
    inv.serviceErrorReason = 'WorkerLost';
    completeInvocation(sim, inv, 'SERVICE_ERROR', sim.nowMs + inv.responseOverheadMs);
  }
  transition(sim, env, 'WORKER_LOST');
}

function release(sim: Simulation, env: Environment, v: VersionRuntime): void {
  const w: Worker | undefined = sim.workers.get(env.worker);
  sim.environments.delete(env.id);
  v.live--;
  if (env.provisioned) onProvisionedEnvironmentGone(sim, v, env);
  if (!w) return;
  w.usedMb -= env.memoryMb;
  w.environments--;
  const n = (w.perFunction.get(env.fn) ?? 1) - 1;
  if (n === 0) w.perFunction.delete(env.fn);
  else w.perFunction.set(env.fn, n);
  terminateIfEmpty(sim, w);
}
