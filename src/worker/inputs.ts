import {
  InputError, MAX_SIMULATED_MS, MAX_SIMULATED_TEXT, checkControlPlaneCall, checkFault, checkInvokeRequest, checkLiveLoad, inputContext, type Simulation,
} from '../core/index';
import type { Input, LiveControlPlaneCall, LiveLoad, Recorded } from '../protocol/messages';

/** A refusal the user should read (an AWS error), not a crash. */
export class UserError extends Error {}

/** Applies one user input to the simulation now. Throws UserError for a refused control-plane call. */
export function perform(sim: Simulation, input: Input): string {
  switch (input.kind) {
    case 'invoke':
      for (let i = 0; i < input.count; i++) sim.invoke({ function: input.function, mode: input.mode, payloadBytes: input.payloadBytes, tenantId: input.tenantId });
      return `${input.count} × ${input.mode} ${input.function}`;
    case 'load':
      sim.setLiveLoad(input.load ? { function: input.load.function, mode: input.load.mode, arrival: input.load.arrival, client: { maxAttempts: 1, queueDuringOutage: false }, payloadBytes: 1024 } : null);
      return input.load ? `load: ${input.load.arrival.process}` : 'load stopped';
    case 'control': {
      const r = sim.controlPlane(input.call);
      if (!r.ok) throw new UserError(`${input.call.action}: ${r.message}`);
      return `${input.call.action}: ${r.message}`;
    }
    case 'fault':
      try {
        sim.injectFault(input.fault);
      } catch (e) {
        if (e instanceof InputError) throw new UserError(e.message);
        throw e;
      }
      return `fault: ${input.fault.type}`;
  }
}

/**
 * Validates an input with the core's validators, the same rules and messages as a scenario's
 * `controlPlane`, `faults` and `workload` entries; returns it normalized (defaults filled in).
 * Throws UserError with the problems.
 */
export function checkInput(sim: Simulation, input: Input): Input {
  const ctx = inputContext(sim.state);
  const refuse = (problems: string[]): never => { throw new UserError(problems.join('\n')); };
  switch (input?.kind) {
    case 'invoke': {
      const r = checkInvokeRequest({ function: input.function, mode: input.mode, count: input.count, ...(input.payloadBytes === undefined ? {} : { payloadBytes: input.payloadBytes }), ...(input.tenantId === undefined ? {} : { tenantId: input.tenantId }) });
      return r.ok ? { kind: 'invoke', ...r.value } : refuse(r.problems);
    }
    case 'load': {
      const r = checkLiveLoad(ctx, input.load);
      return r.ok ? { kind: 'load', load: r.value as LiveLoad | null } : refuse(r.problems);
    }
    case 'control': {
      const r = checkControlPlaneCall(ctx, input.call);
      return r.ok ? { kind: 'control', call: r.value as LiveControlPlaneCall } : refuse(r.problems);
    }
    case 'fault': {
      const r = checkFault(ctx, input.fault);
      return r.ok ? { kind: 'fault', fault: r.value } : refuse(r.problems);
    }
    default:
      return refuse(['input.kind: must be one of invoke, load, control, fault']);
  }
}

/** Applies an input during replay: a call refused the first time is refused again (same run). */
export function replayInput(sim: Simulation, input: Input): void {
  try {
    perform(sim, input);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
}

/**
 * Counts what a learner would stop at: cold starts, throttles, reclaims, async retries and
 * dead letters, worker drains and failures, faults and control-plane calls.
 */
export function interestingCount(sim: Simulation): number {
  const s = sim.state;
  let n = s.metrics.throttled + s.workersDrained + s.workersFailed + s.controlPlaneCalls + s.faults.history.length;
  for (const f of s.functions) n += f.stats.coldStarts + f.stats.throttled;
  const q = s.asyncQueue.stats;
  n += q.retries + q.deadLettered + q.dropped + q.expired;
  n += s.nextEnvironmentId - 1 - s.environments.size; // environments reclaimed
  return n;
}

/** Why a requested time is refused, or null: finite, at least 0, at most the maximum simulated time. */
export function timeProblem(timeMs: unknown, what: string): string | null {
  if (typeof timeMs !== 'number' || !Number.isFinite(timeMs) || timeMs < 0) return `${what}: must be a finite number of ms, at least 0; got ${String(timeMs)}`;
  if (timeMs > MAX_SIMULATED_MS) return `${what}: ${timeMs} ms is past the maximum simulated time, ${MAX_SIMULATED_TEXT}`;
  return null;
}

const KINDS = ['invoke', 'load', 'control', 'fault'];
const MODES = ['RequestResponse', 'Event', 'DryRun'];
/** Most recorded inputs a run may carry (a link or a restart): bounded work to replay them. */
export const MAX_RECORDED_INPUTS = 100_000;
/** Most invocations all recorded invokes may add up to (the page's own burst limit is 100,000 each). */
export const MAX_RECORDED_INVOCATIONS = 1_000_000;

/** What is wrong with one input's shape, or null. */
function inputProblem(x: unknown, where: string): string | null {
  const o = x as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || !KINDS.includes(o.kind as string)) return `${where}.kind: must be one of ${KINDS.join(', ')}`;
  const obj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  switch (o.kind) {
    case 'invoke':
      if (typeof o.function !== 'string' || o.function === '') return `${where}.function: must name a function`;
      if (!MODES.includes(o.mode as string)) return `${where}.mode: must be one of ${MODES.join(', ')}`;
      if (!Number.isInteger(o.count) || (o.count as number) < 1 || (o.count as number) > 100_000) return `${where}.count: must be a whole number from 1 to 100000`;
      return null;
    case 'load': {
      const l = o.load as Record<string, unknown> | null;
      if (l !== null && (!obj(l) || typeof l.function !== 'string' || !obj(l.arrival))) return `${where}.load: must be null or { function, mode, arrival }`;
      return null;
    }
    case 'control': {
      const c = o.call as Record<string, unknown>;
      return obj(c) && typeof c.action === 'string' && typeof c.function === 'string' ? null : `${where}.call: must be { action, function, … }`;
    }
    default:
      return obj(o.fault) && typeof (o.fault as { type?: unknown }).type === 'string' ? null : `${where}.fault: must be { type, … }`;
  }
}

/**
 * The shape of a recorded input log from outside the worker (a link's `#i=`, a restart):
 * moments in order, each input of a known kind. What each input does is checked when it is
 * applied, exactly as when the user first gave it.
 */
export function checkRecorded(inputs: unknown): string | null {
  if (!Array.isArray(inputs)) return 'inputs: must be a list of recorded inputs';
  if (inputs.length > MAX_RECORDED_INPUTS) return `inputs: at most ${MAX_RECORDED_INPUTS} recorded inputs; got ${inputs.length}`;
  let prev = { afterEvents: 0, atMs: 0 };
  let invocations = 0;
  for (let i = 0; i < inputs.length; i++) {
    const r = inputs[i] as Partial<Recorded> | null;
    const where = `inputs[${i}]`;
    if (!r || typeof r !== 'object') return `${where}: must be an object { afterEvents, atMs, input }`;
    if (!Number.isInteger(r.afterEvents) || (r.afterEvents as number) < 0) return `${where}.afterEvents: must be a whole number, at least 0`;
    const t = timeProblem(r.atMs, `${where}.atMs`);
    if (t) return t;
    if (r.afterEvents! < prev.afterEvents || (r.afterEvents === prev.afterEvents && r.atMs! < prev.atMs)) return `${where}: moments must be in the order they happened`;
    const bad = inputProblem(r.input, `${where}.input`);
    if (bad) return bad;
    if (r.input!.kind === 'invoke' && (invocations += r.input!.count) > MAX_RECORDED_INVOCATIONS) return `inputs: the recorded invokes add up to more than ${MAX_RECORDED_INVOCATIONS} invocations`;
    prev = { afterEvents: r.afterEvents!, atMs: r.atMs! };
  }
  return null;
}
