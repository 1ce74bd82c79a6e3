import { Problems, join } from './check';
import type { ControlPlaneCall, Fault } from './faultTypes';
import { LIMITS } from './limits';
import { type AccountLimits } from './parseFunction';
import { parseControlPlaneCall, parseFault } from './parseTimeline';
import { parseWorkloadEntry } from './parseWorkload';
import { TENANT_ID, TENANT_ID_RULE } from './parseScale';
import type { FunctionConfig, InvokeMode, WorkloadEntry } from './types';
import type { EventSourceCallContext } from './parseEventSourceCalls';

/**
 * Run-time inputs (the page, the page API, the worker's handlers) checked with the same code
 * and the same rules as the scenario's timeline: a control-plane call live is validated as a
 * `controlPlane` entry would be, a fault as a `faults` entry, a live load as a `workload`
 * entry. Paths start at the argument's name (`call.reservedConcurrency: …`).
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** What live inputs are checked against: the account, the functions and the event sources that exist now. */
export interface InputContext {
  account: AccountLimits;
  functionNames: ReadonlySet<string>;
  /** Event source mapping calls: the functions' configurations and the queues' and streams' names. */
  esm?: EventSourceCallContext;
}

/** The parts of a simulation's state the context comes from (structural: no import of the simulation). */
export interface InputSource {
  scenario: { account: AccountLimits };
  functions: readonly { name: string; state: string; cfg?: FunctionConfig }[];
  eventSources?: { sources: readonly { cfg: { name: string } }[] };
}

export function inputContext(state: InputSource): InputContext {
  const names = new Set<string>();
  const functions = new Map<string, FunctionConfig>();
  for (const fn of state.functions) if (fn.state !== 'Deleted') { names.add(fn.name); if (fn.cfg) functions.set(fn.name, fn.cfg); }
  const sources = new Set((state.eventSources?.sources ?? []).map((s) => s.cfg.name));
  return { account: state.scenario.account, functionNames: names, esm: { functions, names: sources } };
}

function done<T>(p: Problems, value: T | null): Checked<T> {
  return p.count || value === null ? { ok: false, problems: p.list.length ? p.list : ['(input): is not valid'] } : { ok: true, value };
}

/** A control-plane call now (no `atMs`), e.g. `{ action: 'PutFunctionConcurrency', function, reservedConcurrency }`. */
export function checkControlPlaneCall(ctx: InputContext, raw: unknown): Checked<Omit<ControlPlaneCall, 'atMs'>> {
  const p = new Problems();
  const esm = ctx.esm && { functions: ctx.esm.functions, names: new Set(ctx.esm.names) };
  const call = parseControlPlaneCall(p, 'call', raw, { account: ctx.account, known: new Set(ctx.functionNames), esm }, true);
  return done(p, call);
}

/** A fault to inject, with absolute times as in `faults`. */
export function checkFault(ctx: InputContext, raw: unknown): Checked<Fault> {
  const p = new Problems();
  return done(p, parseFault(p, 'fault', raw, ctx.functionNames));
}

export interface InvokeInput { function: string; mode: InvokeMode; count: number; payloadBytes?: number; tenantId?: string }

/**
 * A request from the page (`lambdaSim.invoke`): its shape only. Whether the function exists,
 * or the payload fits, is the Frontend's to answer (404, 413) like AWS's.
 */
export function checkInvokeRequest(raw: unknown): Checked<InvokeInput> {
  const p = new Problems();
  if (!p.isObject('req', raw)) return done<InvokeInput>(p, null);
  p.unknownKeys('req', raw, ['function', 'mode', 'count', 'payloadBytes', 'tenantId']);
  const maxName = LIMITS.functionNameChars + 1 + LIMITS.aliasNameChars;
  const fn = p.string('req.function', raw.function, new RegExp(`^[^:]{1,${LIMITS.functionNameChars}}(:[^:]{1,${LIMITS.aliasNameChars}})?$`), `must name a function, optionally with :version or :alias (at most ${maxName} characters)`);
  const mode = p.oneOf('req.mode', raw.mode, ['RequestResponse', 'Event', 'DryRun'] as const, 'RequestResponse');
  const count = p.number('req.count', raw.count, { int: true, min: 1, max: LIMITS.burstCount, def: 1 });
  const payloadBytes = raw.payloadBytes === undefined ? undefined : p.number('req.payloadBytes', raw.payloadBytes, { int: true, min: 0, max: 64 * 1024 * 1024 });
  // Tenant isolation: X-Amz-Tenant-Id (whether the function needs one is the Frontend's to answer: 400).
  const tenantId = raw.tenantId === undefined ? undefined : p.string('req.tenantId', raw.tenantId, TENANT_ID, TENANT_ID_RULE);
  return done(p, { function: fn, mode, count, ...(payloadBytes === undefined ? {} : { payloadBytes }), ...(tenantId === undefined ? {} : { tenantId }) });
}

export type LiveLoadInput = Omit<WorkloadEntry, 'startMs' | 'endMs'>;

/** The page's load generator (`{ function, mode?, arrival, client?, payloadBytes? }`), or null to stop it. */
export function checkLiveLoad(ctx: InputContext, raw: unknown): Checked<LiveLoadInput | null> {
  if (raw === null) return { ok: true, value: null };
  const p = new Problems();
  if (typeof raw === 'object' && raw !== null) {
    for (const k of ['startMs', 'endMs']) if (k in raw) p.add(join('load', k), 'is not allowed: a live load starts now and runs until replaced');
  }
  const entry = parseWorkloadEntry(p, 'load', raw, ctx.functionNames);
  if (!entry) return done<LiveLoadInput>(p, null);
  const { startMs, endMs, ...live } = entry;
  void startMs; void endMs;
  return done(p, live);
}
