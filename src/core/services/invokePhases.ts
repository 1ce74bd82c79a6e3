import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation } from '../model/records';
import type { EnvironmentState } from '../machines/environmentMachine';
import type { Simulation } from '../simulation';
import { advanceLater } from './environmentLifecycle';

/**
 * Timing of the Init, Restore and Invoke phases (lambda-facts.md §2.2–2.3, §2.9, §3.3).
 *
 * Init = extension init (each external extension registers) → runtime init (the runtime
 * bootstraps) → function init (static code outside the handler). Its total is the runtime
 * preset, or the function's `initMs`; the runtime's own bootstrap is the first part of it.
 */
function sampleInit(sim: Simulation, v: VersionRuntime): { extensionMs: number; runtimeMs: number; functionMs: number } {
  let extensionMs = 0;
  for (let i = 0; i < v.cfg.extensions; i++) extensionMs += sim.platformSample.extensionInitMs(v.rng.init);
  const total = v.sample.initMs(v.rng.init);
  const runtimeMs = Math.min(total, v.runtimeBootstrapMs);
  return { extensionMs, runtimeMs, functionMs: total - runtimeMs };
}

/** When an Init starting at `startMs` throws, or Infinity; the init-failure fault decides. */
function initFailureAt(sim: Simulation, v: VersionRuntime, startMs: number, endMs: number): number {
  const rate = sim.faults.initFailureRate(v.fn);
  if (rate <= 0) return Infinity;
  const rng = sim.rng.faults;
  const fails = rng.chance(rate);
  const at = startMs + (endMs - startMs) * rng.next();
  return fails ? at : Infinity;
}

/**
 * Plans the sub-phase boundaries of an Init starting now. The limit is 10 s on demand; for
 * provisioned concurrency it is 130 s or the function timeout, whichever is higher [DOC].
 */
export function planInit(sim: Simulation, env: Environment, v: VersionRuntime): void {
  const t = sim.nowMs;
  const { extensionMs, runtimeMs, functionMs } = sampleInit(sim, v);
  const functionEndMs = t + extensionMs + runtimeMs + functionMs;
  const limit = env.provisioned ? Math.max(130_000, v.cfg.timeoutMs) : sim.scenario.platform.initLimitMs;
  env.initPlan = {
    extensionEndMs: t + extensionMs,
    runtimeEndMs: t + extensionMs + runtimeMs,
    functionEndMs,
    limitMs: t + limit,
    failsAtMs: initFailureAt(sim, v, t + extensionMs + runtimeMs, functionEndMs),
  };
}

/** SnapStart: the Restore phase replaces Init. Returns when it ends. */
export function planRestore(sim: Simulation, env: Environment): number {
  const end = sim.nowMs + sim.platformSample.snapStartRestoreMs(sim.versions[env.ver].rng.init);
  env.initPlan = { extensionEndMs: sim.nowMs, runtimeEndMs: sim.nowMs, functionEndMs: end, limitMs: Infinity, failsAtMs: Infinity };
  return end;
}

/**
 * Init inside the Invoke phase: after an Init timeout or failure Lambda retries Init at the
 * first invoke; after a reset (timeout, crash) the runtime re-initializes with the next
 * invoke. Both are bounded by the function timeout, which starts now.
 */
export function startInitInInvoke(sim: Simulation, env: Environment, v: VersionRuntime, from: EnvironmentState): void {
  const inv = sim.inflight.get(env.invocation)!;
  if (from === 'Reset') inv.reinit = true;
  inv.invokeStartMs = sim.nowMs;
  const { extensionMs, runtimeMs, functionMs } = sampleInit(sim, v);
  const doneMs = sim.nowMs + extensionMs + runtimeMs + functionMs;
  const deadlineMs = sim.nowMs + v.cfg.timeoutMs;
  const failsAtMs = initFailureAt(sim, v, sim.nowMs + extensionMs + runtimeMs, doneMs);
  if (failsAtMs <= Math.min(doneMs, deadlineMs)) {
    inv.pendingOutcome = 'FUNCTION_ERROR'; // Runtime.InitError, reported as a function error
    advanceLater(sim, env, failsAtMs, 'INVOKE_END');
  } else if (doneMs <= deadlineMs) {
    advanceLater(sim, env, doneMs, 'PHASE_DONE');
  } else {
    inv.pendingOutcome = 'TIMED_OUT';
    advanceLater(sim, env, deadlineMs, 'INVOKE_END');
  }
}

/**
 * Runs the handler from `startMs`: the duration comes from the version's distribution; the
 * function timeout bounds the whole Invoke phase (including any Init retried inside it).
 * The outcome is decided now and applied when the INVOKE_END step fires.
 */
export function startHandler(sim: Simulation, env: Environment, v: VersionRuntime, inv: Invocation, startMs: number): void {
  if (Number.isNaN(inv.invokeStartMs)) inv.invokeStartMs = startMs;
  // An update may have lowered the timeout while Init ran inside this Invoke: then it is already up.
  const deadlineMs = Math.max(startMs, inv.invokeStartMs + v.cfg.timeoutMs);
  const endMs = startMs + v.sample.durationMs(v.rng.duration);
  const failed = v.rng.error.chance(v.cfg.errorRate);
  if (endMs > deadlineMs) {
    inv.pendingOutcome = 'TIMED_OUT';
    advanceLater(sim, env, deadlineMs, 'INVOKE_END');
  } else {
    inv.pendingOutcome = failed ? 'FUNCTION_ERROR' : 'SUCCEEDED';
    advanceLater(sim, env, endMs, 'INVOKE_END');
  }
}
