import type { FunctionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation } from '../model/records';
import type { EnvironmentState } from '../machines/environmentMachine';
import type { Simulation } from '../simulation';
import { advanceLater } from './environmentLifecycle';

/**
 * Timing of the Init and Invoke phases (lambda-facts.md §2.2–2.3, §3.3).
 *
 * Init = extension init (each external extension registers) → runtime init (the runtime
 * bootstraps) → function init (static code outside the handler). Its total is the runtime
 * preset, or the function's `initMs`; the runtime's own bootstrap is the first part of it.
 */
function sampleInit(sim: Simulation, fn: FunctionRuntime): { extensionMs: number; runtimeMs: number; functionMs: number } {
  let extensionMs = 0;
  for (let i = 0; i < fn.cfg.extensions; i++) extensionMs += sim.platformSample.extensionInitMs(fn.rng.init);
  const total = fn.sample.initMs(fn.rng.init);
  const runtimeMs = Math.min(total, fn.runtimeBootstrapMs);
  return { extensionMs, runtimeMs, functionMs: total - runtimeMs };
}

/** Plans the sub-phase boundaries of an on-demand Init starting now, capped at 10 s. */
export function planInit(sim: Simulation, env: Environment, fn: FunctionRuntime): void {
  const t = sim.nowMs;
  const { extensionMs, runtimeMs, functionMs } = sampleInit(sim, fn);
  env.initPlan = {
    extensionEndMs: t + extensionMs,
    runtimeEndMs: t + extensionMs + runtimeMs,
    functionEndMs: t + extensionMs + runtimeMs + functionMs,
    limitMs: t + sim.scenario.platform.initLimitMs,
  };
}

/**
 * Init inside the Invoke phase: after an Init timeout Lambda retries Init at the first invoke;
 * after a reset (timeout, crash) the runtime re-initializes with the next invoke. Both are
 * bounded by the function timeout, which starts now.
 */
export function startInitInInvoke(sim: Simulation, env: Environment, fn: FunctionRuntime, from: EnvironmentState): void {
  const inv = sim.inflight.get(env.invocation)!;
  if (from === 'Reset') inv.reinit = true;
  inv.invokeStartMs = sim.nowMs;
  const { extensionMs, runtimeMs, functionMs } = sampleInit(sim, fn);
  const doneMs = sim.nowMs + extensionMs + runtimeMs + functionMs;
  const deadlineMs = sim.nowMs + fn.cfg.timeoutMs;
  if (doneMs <= deadlineMs) {
    advanceLater(sim, env, doneMs, 'PHASE_DONE');
  } else {
    inv.pendingOutcome = 'TIMED_OUT';
    advanceLater(sim, env, deadlineMs, 'INVOKE_END');
  }
}

/**
 * Runs the handler from `startMs`: the duration comes from the function's distribution; the
 * function timeout bounds the whole Invoke phase (including any Init retried inside it).
 * The outcome is decided now and applied when the INVOKE_END step fires.
 */
export function startHandler(sim: Simulation, env: Environment, fn: FunctionRuntime, inv: Invocation, startMs: number): void {
  if (Number.isNaN(inv.invokeStartMs)) inv.invokeStartMs = startMs;
  const deadlineMs = inv.invokeStartMs + fn.cfg.timeoutMs;
  const endMs = startMs + fn.sample.durationMs(fn.rng.duration);
  const failed = fn.rng.error.chance(fn.cfg.errorRate);
  if (endMs > deadlineMs) {
    inv.pendingOutcome = 'TIMED_OUT';
    advanceLater(sim, env, deadlineMs, 'INVOKE_END');
  } else {
    inv.pendingOutcome = failed ? 'FUNCTION_ERROR' : 'SUCCEEDED';
    advanceLater(sim, env, endMs, 'INVOKE_END');
  }
}
