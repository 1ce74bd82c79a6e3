import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { chance, uniform } from '../engine/random';
import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation } from '../model/records';
import type { EnvironmentState } from '../machines/environmentMachine';
import { advanceLater } from './environmentTimers';
import { initFailureRate } from './faultQueries';
import { batchHandlerFails } from '../eventSources/batches';

/**
 * Timing of the Init, Restore and Invoke phases (lambda-facts.md §2.2–2.3, §2.9, §3.3).
 *
 * Init = extension init (each external extension registers) → runtime init (the runtime
 * bootstraps) → function init (static code outside the handler). Its total is the runtime
 * preset, or the function's `initMs`; the runtime's own bootstrap is the first part of it.
 */
function sampleInit(ctx: SimContext, v: VersionRuntime): { extensionMs: number; runtimeMs: number; functionMs: number } {
  const s = ctx.state;
  const rng = s.streams[v.rng.init];
  let extensionMs = 0;
  for (let i = 0; i < v.cfg.extensions; i++) extensionMs += draw(s.platformSample.extensionInitMs, rng);
  const total = draw(v.sample.initMs, rng);
  const runtimeMs = Math.min(total, v.runtimeBootstrapMs);
  // The function's own Init code gets the function's CPU share; the runtime's bootstrap does not (cpuShare.ts).
  return { extensionMs, runtimeMs, functionMs: (total - runtimeMs) * v.cpuFactor };
}

/** When an Init starting at `startMs` throws, or Infinity; the init-failure fault decides. */
function initFailureAt(ctx: SimContext, v: VersionRuntime, startMs: number, endMs: number): number {
  const rate = initFailureRate(ctx, v.fn);
  if (rate <= 0) return Infinity;
  const rng = ctx.state.streams[ctx.state.rng.faults];
  const fails = chance(rng, rate);
  const at = startMs + (endMs - startMs) * uniform(rng);
  return fails ? at : Infinity;
}

/**
 * Plans the sub-phase boundaries of an Init starting now. The limit is 10 s on demand; for
 * provisioned concurrency it is 130 s or the function timeout, whichever is higher [DOC].
 */
export function planInit(ctx: SimContext, env: Environment, v: VersionRuntime): void {
  const t = ctx.state.nowMs;
  const { extensionMs, runtimeMs, functionMs } = sampleInit(ctx, v);
  const functionEndMs = t + extensionMs + runtimeMs + functionMs;
  const limit = env.provisioned ? Math.max(130_000, v.cfg.timeoutMs) : ctx.state.scenario.platform.initLimitMs;
  env.initPlan = {
    extensionEndMs: t + extensionMs,
    runtimeEndMs: t + extensionMs + runtimeMs,
    functionEndMs,
    limitMs: t + limit,
    failsAtMs: initFailureAt(ctx, v, t + extensionMs + runtimeMs, functionEndMs),
  };
}

/** SnapStart: the Restore phase replaces Init. Returns when it ends. */
export function planRestore(ctx: SimContext, env: Environment): number {
  const s = ctx.state;
  const end = s.nowMs + draw(s.platformSample.snapStartRestoreMs, s.streams[s.versions[env.ver].rng.init]);
  env.initPlan = { extensionEndMs: s.nowMs, runtimeEndMs: s.nowMs, functionEndMs: end, limitMs: Infinity, failsAtMs: Infinity };
  return end;
}

/**
 * Init inside the Invoke phase: after an Init timeout or failure Lambda retries Init at the
 * first invoke; after a reset (timeout, crash) the runtime re-initializes with the next
 * invoke. Both are bounded by the function timeout, which starts now.
 */
export function startInitInInvoke(ctx: SimContext, env: Environment, v: VersionRuntime, from: EnvironmentState): void {
  const now = ctx.state.nowMs;
  const inv = ctx.state.inflight.get(env.invocation)!;
  if (from === 'Reset') inv.reinit = true;
  inv.invokeStartMs = now;
  const { extensionMs, runtimeMs, functionMs } = sampleInit(ctx, v);
  const doneMs = now + extensionMs + runtimeMs + functionMs;
  const deadlineMs = now + v.cfg.timeoutMs;
  const failsAtMs = initFailureAt(ctx, v, now + extensionMs + runtimeMs, doneMs);
  if (failsAtMs <= Math.min(doneMs, deadlineMs)) {
    inv.pendingOutcome = 'FUNCTION_ERROR'; // Runtime.InitError, reported as a function error
    advanceLater(ctx, env, failsAtMs, 'INVOKE_END');
  } else if (doneMs <= deadlineMs) {
    advanceLater(ctx, env, doneMs, 'PHASE_DONE');
  } else {
    inv.pendingOutcome = 'TIMED_OUT';
    advanceLater(ctx, env, deadlineMs, 'INVOKE_END');
  }
}

/**
 * Runs the handler from `startMs`: the duration comes from the version's distribution; the
 * function timeout bounds the whole Invoke phase (including any Init retried inside it).
 * The outcome is decided now and applied when the INVOKE_END step fires.
 */
export function startHandler(ctx: SimContext, env: Environment, v: VersionRuntime, inv: Invocation, startMs: number): void {
  if (Number.isNaN(inv.invokeStartMs)) inv.invokeStartMs = startMs;
  // An update may have lowered the timeout while Init ran inside this Invoke: then it is already up.
  const deadlineMs = Math.max(startMs, inv.invokeStartMs + v.cfg.timeoutMs);
  const streams = ctx.state.streams;
  // Handler time at one vCPU, its CPU-bound part stretched below one vCPU (cpuShare.ts); a replayed
  // trace's own duration is taken as measured, at the function's memory.
  const traced = inv.traceDurationMs;
  const endMs = startMs + (traced === traced ? traced : draw(v.sample.durationMs, streams[v.rng.duration]) * v.cpuFactor);
  // A batch holding a poison message fails too (unless the function reports batch item failures).
  const failed = chance(streams[v.rng.error], v.cfg.errorRate) || (inv.batch !== 0 && batchHandlerFails(ctx.state, inv));
  if (endMs > deadlineMs) {
    inv.pendingOutcome = 'TIMED_OUT';
    advanceLater(ctx, env, deadlineMs, 'INVOKE_END');
  } else {
    inv.pendingOutcome = failed ? 'FUNCTION_ERROR' : 'SUCCEEDED';
    advanceLater(ctx, env, endMs, 'INVOKE_END');
  }
}
