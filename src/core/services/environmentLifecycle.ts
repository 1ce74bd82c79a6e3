import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { uniform } from '../engine/random';
import { CATEGORY_OF, Category, gaugeMove } from '../metrics/environmentGauge';
import type { EnvironmentEvent, EnvironmentState } from '../machines/environmentMachine';
import { environmentNext } from '../machines/tables';
import { ENV_STATE_CODE, LOG } from '../logCodes';
import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation, ReclaimCause, Worker } from '../model/records';
import type { EnvironmentSignal } from '../events';
import { release } from './counting';
import { advanceLater } from './environmentTimers';
import { completeInvocation, advanceInvocation } from './invocations';
import { terminateIfEmpty } from './fleet';
import { poolAdd, poolRemove } from './idlePool';
import { planInit, planRestore, startHandler, startInitInInvoke } from './invokePhases';
import { onProvisionedEnvironmentGone, onProvisionedEnvironmentReady } from './provisionedConcurrency';

/**
 * The execution environment's lifecycle, driven by the table derived from
 * environmentMachine.ts. `transition` is the only place an environment changes state; the
 * work each state implies (timers, pools, memory) happens in `onEnter`.
 */
export function transition(ctx: SimContext, env: Environment, event: EnvironmentEvent['type']): void {
  const s = ctx.state;
  const from = env.state;
  const to = environmentNext(from, event, env) as EnvironmentState;
  env.state = to;
  env.stateSinceMs = s.nowMs;
  const v = s.versions[env.ver];
  const cFrom = CATEGORY_OF[from], cTo = CATEGORY_OF[to];
  if (cFrom !== cTo) {
    gaugeMove(s.gauge, s.nowMs, cFrom, cTo);
    if (cFrom === Category.Initializing) v.initializing--;
    else if (cFrom === Category.Busy) v.busy--;
    if (cTo === Category.Initializing) v.initializing++;
    else if (cTo === Category.Busy) v.busy++;
  }
  ctx.record(LOG.ENVIRONMENT_STATE, env.id, ENV_STATE_CODE[to], env.invocation);
  onEnter(ctx, env, v, from);
}

function onEnter(ctx: SimContext, env: Environment, v: VersionRuntime, from: EnvironmentState): void {
  const s = ctx.state;
  switch (env.state) {
    case 'Restoring':
      advanceLater(ctx, env, planRestore(ctx, env), 'PHASE_DONE');
      return;
    case 'Initializing.ExtensionInit':
      planInit(ctx, env, v);
      scheduleInitStep(ctx, env);
      return;
    case 'Initializing.RuntimeInit':
    case 'Initializing.FunctionInit':
      scheduleInitStep(ctx, env);
      return;
    case 'InitRetry':
      startInitInInvoke(ctx, env, v, from);
      return;
    case 'Invoking':
      if (from !== 'Idle') startHandler(ctx, env, v, s.inflight.get(env.invocation)!, s.nowMs);
      return;
    case 'Idle':
    case 'Reset':
      env.idleSinceMs = s.nowMs;
      if (env.provisioned) {
        // Provisioned environments are not reclaimed for idleness, but recycled every few hours.
        env.keepAliveDeadlineMs = env.createdAtMs + s.scenario.platform.provisionedRecycleMs;
        poolAdd(s, v.provisionedIdle, env);
        if (from !== 'Invoking' && from !== 'InitRetry') onProvisionedEnvironmentReady(ctx, v);
      } else {
        env.keepAliveDeadlineMs = s.nowMs + draw(v.sample.keepAliveMs, s.streams[v.rng.keepAlive]);
        poolAdd(s, v.idle, env);
      }
      if (env.keepAliveTimerAtMs < 0 || env.keepAliveDeadlineMs < env.keepAliveTimerAtMs) {
        // A provisioned environment's recycle time may have passed while it was busy: check now, never in the past.
        env.keepAliveTimerAtMs = Math.max(s.nowMs, env.keepAliveDeadlineMs);
        ctx.schedule(env.keepAliveTimerAtMs, { type: 'environment.keepalive', env: env.id });
      }
      return;
    case 'ShuttingDown': {
      poolRemove(s, env.provisioned ? v.provisionedIdle : v.idle, env);
      const rng = s.streams[s.rng.shutdown];
      const shutdownMs = v.cfg.extensions > 0
        ? 100 + uniform(rng) * 1900 // external extensions: up to the 2 s Shutdown limit [DOC]
        : draw(s.platformSample.shutdownMs, rng);
      advanceLater(ctx, env, s.nowMs + shutdownMs, 'SHUTDOWN_DONE');
      return;
    }
    case 'Terminated':
      releaseEnvironment(ctx, env, v);
      return;
    case 'Provisioning':
      return;
  }
}

/** Schedules the next Init sub-phase boundary, or the Init timeout/failure if it comes first. */
function scheduleInitStep(ctx: SimContext, env: Environment): void {
  const plan = env.initPlan!;
  const end = env.state === 'Initializing.ExtensionInit' ? plan.extensionEndMs
    : env.state === 'Initializing.RuntimeInit' ? plan.runtimeEndMs : plan.functionEndMs;
  if (end > plan.limitMs) advanceLater(ctx, env, plan.limitMs, 'INIT_TIMEOUT');
  else if (plan.failsAtMs <= end) advanceLater(ctx, env, plan.failsAtMs, 'INIT_FAILED');
  else advanceLater(ctx, env, end, 'PHASE_DONE');
}

export function onAdvance(ctx: SimContext, envId: number, epoch: number, signal: EnvironmentSignal): void {
  const s = ctx.state;
  const env = s.environments.get(envId);
  if (!env || env.epoch !== epoch) return; // superseded (e.g. the worker was lost)
  const inv = env.invocation ? s.inflight.get(env.invocation) : undefined;
  switch (signal) {
    case 'PROVISIONED':
      transition(ctx, env, signal);
      return;
    case 'SHUTDOWN_DONE':
    case 'INIT_TIMEOUT':
    case 'INIT_FAILED':
      transition(ctx, env, signal);
      return;
    case 'PHASE_DONE':
      if (inv) stampPhase(env, inv, s.nowMs);
      if (inv && inv.state === 'WaitingForInit' && (env.state === 'Initializing.FunctionInit' || env.state === 'InitRetry' || env.state === 'Restoring')) {
        advanceInvocation(inv, 'INIT_DONE');
      }
      transition(ctx, env, 'PHASE_DONE');
      return;
    case 'INVOKE_END':
      endInvoke(ctx, env, inv!);
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
function endInvoke(ctx: SimContext, env: Environment, inv: Invocation): void {
  const s = ctx.state;
  const outcome = inv.pendingOutcome!;
  inv.invokeEndMs = s.nowMs;
  if (!env.provisioned) release(s.counting, s.functions[env.fn]);
  env.invocation = 0;
  env.invocationsServed++;
  env.lastInvocationEndMs = s.nowMs;
  completeInvocation(ctx, inv, outcome, s.nowMs + inv.responseOverheadMs);
  const reset = outcome === 'TIMED_OUT' || (outcome === 'FUNCTION_ERROR' && env.state === 'InitRetry');
  transition(ctx, env, reset ? 'INVOKE_FAILED' : 'INVOKE_DONE');
}

export function onKeepAlive(ctx: SimContext, envId: number): void {
  const s = ctx.state;
  const env = s.environments.get(envId);
  if (!env || env.keepAliveTimerAtMs !== s.nowMs) return; // superseded by an earlier check
  env.keepAliveTimerAtMs = -1;
  if (env.state !== 'Idle' && env.state !== 'Reset') return; // the next idle period schedules again
  if (s.nowMs >= env.keepAliveDeadlineMs) {
    if (env.provisioned) {
      reclaim(ctx, env, 'RETIRE', 'provisioned-recycle');
    } else {
      reclaim(ctx, env, 'KEEPALIVE_EXPIRED', 'keep-alive');
    }
  } else {
    env.keepAliveTimerAtMs = env.keepAliveDeadlineMs;
    ctx.schedule(env.keepAliveDeadlineMs, { type: 'environment.keepalive', env: env.id });
  }
}

function reclaim(ctx: SimContext, env: Environment, event: 'KEEPALIVE_EXPIRED' | 'RETIRE', cause: ReclaimCause): void {
  const v = ctx.state.versions[env.ver];
  if (!env.provisioned) v.lastReclaim = { env: env.id, atMs: ctx.state.nowMs, idleSinceMs: env.idleSinceMs, cause };
  env.retiring = true;
  transition(ctx, env, event);
}

/** The environment must not be reused: shut it down now if idle, else after its request. */
export function retireEnvironment(ctx: SimContext, env: Environment, cause: ReclaimCause): void {
  if (env.state === 'Idle' || env.state === 'Reset') reclaim(ctx, env, 'RETIRE', cause);
  else if (env.state !== 'ShuttingDown' && env.state !== 'Terminated') env.retiring = true;
}

/** The environment vanished with its worker: its request, if any, gets a service error. */
export function loseEnvironment(ctx: SimContext, env: Environment, cause: ReclaimCause): void {
  const s = ctx.state;
  const v = s.versions[env.ver];
  const inv = env.invocation ? s.inflight.get(env.invocation) : undefined;
  if ((env.state === 'Idle' || env.state === 'Reset') && !env.provisioned) {
    v.lastReclaim = { env: env.id, atMs: s.nowMs, idleSinceMs: env.idleSinceMs, cause };
  }
  poolRemove(s, env.provisioned ? v.provisionedIdle : v.idle, env);
  env.epoch++; // every pending lifecycle step is now stale
  if (inv) {
    if (!env.provisioned) release(s.counting, s.functions[env.fn]);
    env.invocation = 0;
    inv.serviceErrorReason = 'WorkerLost';
    completeInvocation(ctx, inv, 'SERVICE_ERROR', s.nowMs + inv.responseOverheadMs);
  }
  transition(ctx, env, 'WORKER_LOST');
}

/** Terminated: the environment's memory and place on its worker are given back. */
function releaseEnvironment(ctx: SimContext, env: Environment, v: VersionRuntime): void {
  const w: Worker | undefined = ctx.state.workers.get(env.worker);
  ctx.state.environments.delete(env.id);
  v.live--;
  if (env.provisioned) onProvisionedEnvironmentGone(ctx, v);
  if (!w) return;
  w.usedMb -= env.memoryMb;
  w.environments--;
  const n = (w.perFunction.get(env.fn) ?? 1) - 1;
  if (n === 0) w.perFunction.delete(env.fn);
  else w.perFunction.set(env.fn, n);
  terminateIfEmpty(ctx, w);
}
