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
import { abandonReplacement, replaceEnvironment, takeOver } from './replacement';
import { idlePoolOf } from './tenants';
import { meterInit, meterInvoke, meterRestore } from '../cost/meter';

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
      env.initStartMs = s.nowMs;
      advanceLater(ctx, env, planRestore(ctx, env), 'PHASE_DONE');
      return;
    case 'Initializing.ExtensionInit':
      env.initStartMs = s.nowMs;
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
      if (from !== 'Idle' && from !== 'InitRetry') endInit(ctx, env, v);
      if (from !== 'Idle') startHandler(ctx, env, v, s.inflight.get(env.invocation)!, s.nowMs);
      return;
    case 'InitRetry':
      if (from !== 'Reset') endInit(ctx, env, v); // the abandoned Init is billed up to its end
      startInitInInvoke(ctx, env, v, from);
      return;
    case 'Idle':
    case 'Reset': {
      const firstIdle = from !== 'Invoking' && from !== 'InitRetry' && from !== 'Idle' && from !== 'Reset';
      if (firstIdle) endInit(ctx, env, v);
      env.idleSinceMs = s.nowMs;
      if (env.provisioned) {
        // Provisioned environments are not reclaimed for idleness, but recycled every few hours.
        env.keepAliveDeadlineMs = env.recycleAtMs;
        poolAdd(s, v.provisionedIdle, env);
        if (firstIdle) onProvisionedEnvironmentReady(ctx, v);
      } else {
        env.keepAliveDeadlineMs = s.nowMs + draw(v.sample.keepAliveMs, s.streams[v.rng.keepAlive]);
        poolAdd(s, idlePoolOf(v, env), env);
      }
      // A proactive replacement is ready: it takes the old one's idle clock, and the old one retires.
      const old = env.replaces !== 0 ? takeOver(ctx, env) : undefined;
      if (old) retireEnvironment(ctx, old, 'replaced');
      scheduleIdleTimer(ctx, env);
      return;
    }
    case 'ShuttingDown': {
      if (from !== 'Idle' && from !== 'Reset' && Number.isFinite(env.initStartMs)) endInit(ctx, env, v); // an Init cut short
      poolRemove(s, idlePoolOf(v, env), env);
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
  const fn = s.functions[env.fn];
  meterInvoke(fn, s.versions[env.ver], inv.invokeEndMs - inv.invokeStartMs, env.memoryMb, env.provisioned);
  if (!env.provisioned) release(s, fn);
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
  if (!env.provisioned && s.nowMs >= env.keepAliveDeadlineMs) {
    reclaim(ctx, env, 'KEEPALIVE_EXPIRED', 'keep-alive');
    return;
  }
  if (s.nowMs >= env.recycleAtMs && env.replacedBy === 0) {
    // Recycled after its lifetime ("every few hours" [DOC]): make before break when possible.
    if (!env.provisioned) s.metrics.recycled++;
    if (!replaceEnvironment(ctx, env, 'recycle')) {
      reclaim(ctx, env, 'RETIRE', env.provisioned ? 'provisioned-recycle' : 'recycled');
      return;
    }
  }
  scheduleIdleTimer(ctx, env);
}

/**
 * One keep-alive check per idle environment, at its next due moment: the keep-alive deadline
 * (on demand) or its recycle time, whichever comes first — the recycle is not due again while
 * a replacement initializes.
 */
function scheduleIdleTimer(ctx: SimContext, env: Environment): void {
  const now = ctx.state.nowMs;
  const recycle = env.replacedBy === 0 ? env.recycleAtMs : Infinity;
  const due = Math.max(now, env.provisioned ? recycle : Math.min(env.keepAliveDeadlineMs, recycle));
  if (due === Infinity) return;
  if (env.keepAliveTimerAtMs < 0 || due < env.keepAliveTimerAtMs) {
    env.keepAliveTimerAtMs = due;
    ctx.schedule(due, { type: 'environment.keepalive', env: env.id });
  }
}

function reclaim(ctx: SimContext, env: Environment, event: 'KEEPALIVE_EXPIRED' | 'RETIRE', cause: ReclaimCause): void {
  const v = ctx.state.versions[env.ver];
  // A replaced environment hid nothing from requests: it is not a reason for a later cold start.
  if (!env.provisioned && cause !== 'replaced') v.lastReclaim = { env: env.id, atMs: ctx.state.nowMs, idleSinceMs: env.idleSinceMs, cause };
  if (cause === 'keep-alive') abandonReplacement(ctx, env, false);
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
  if ((env.state === 'Idle' || env.state === 'Reset') && !env.provisioned && env.replacedBy === 0) {
    v.lastReclaim = { env: env.id, atMs: s.nowMs, idleSinceMs: env.idleSinceMs, cause };
  }
  abandonReplacement(ctx, env, true);
  poolRemove(s, idlePoolOf(v, env), env);
  env.epoch++; // every pending lifecycle step is now stale
  if (inv) {
    if (!env.provisioned) release(s, s.functions[env.fn]);
    env.invocation = 0;
    inv.serviceErrorReason = 'WorkerLost';
    completeInvocation(ctx, inv, 'SERVICE_ERROR', s.nowMs + inv.responseOverheadMs);
  }
  transition(ctx, env, 'WORKER_LOST');
}

/** The Init (or Restore) phase ended, finished or not: bill it (since 1 Aug 2025 on demand too [DOC]). */
function endInit(ctx: SimContext, env: Environment, v: VersionRuntime): void {
  if (!Number.isFinite(env.initStartMs)) return;
  const s = ctx.state;
  const ms = s.nowMs - env.initStartMs;
  env.initStartMs = NaN;
  const fn = s.functions[env.fn];
  if (env.snapStart) meterRestore(fn, v, ms, env.memoryMb);
  else meterInit(fn, v, ms, env.memoryMb, env.provisioned);
}

/** Terminated: the environment's memory and place on its worker are given back. */
function releaseEnvironment(ctx: SimContext, env: Environment, v: VersionRuntime): void {
  const s = ctx.state;
  const w: Worker | undefined = s.workers.get(env.worker);
  s.environments.delete(env.id);
  v.live--;
  const fn = s.functions[env.fn];
  const placed = (fn.placedOn.get(env.worker) ?? 1) - 1;
  if (placed === 0) fn.placedOn.delete(env.worker);
  else fn.placedOn.set(env.worker, placed);
  if (env.tenant !== 0) fn.tenantEnvs--;
  if (env.replaces !== 0) { // a replacement that never took over
    const old = s.environments.get(env.replaces);
    if (old && old.replacedBy === env.id) old.replacedBy = 0;
  }
  if (env.provisioned) onProvisionedEnvironmentGone(ctx, v);
  if (!w) return;
  w.usedMb -= env.hostMb;
  w.environments--;
  const n = (w.perFunction.get(env.fn) ?? 1) - 1;
  if (n === 0) w.perFunction.delete(env.fn);
  else w.perFunction.set(env.fn, n);
  terminateIfEmpty(ctx, w);
}
