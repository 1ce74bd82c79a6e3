import type { SimContext } from './context';
import { assertNever } from './engine/distributions';
import { appendRecord, logDigestHex, type LogHashing } from './engine/eventLog';
import { queuePeek, queuePop, queuePush } from './engine/eventQueue';
import { copyPlain, deepFreeze } from './engine/plainCopy';
import { createStream } from './engine/random';
import type { LogHasher } from './engine/sha256';
import { PRIORITY, type SimEvent } from './events';
import type { FunctionRuntime } from './model/functionRuntime';
import type { ControlPlaneResult, SimState } from './model/simState';
import type { Invocation } from './model/records';
import type { ControlPlaneCall, Fault } from './scenario/faultTypes';
import type { InvokeMode, Scenario, WorkloadEntry } from './scenario/types';
import { onAsyncWake, onPoll } from './services/asyncQueue';
import { callControlPlane, completeControlPlane } from './services/controlPlane';
import { onAdvance, onKeepAlive } from './services/environmentLifecycle';
import { addFault, onFaultEnd, onFaultStart } from './services/faults';
import { onMicroVmBooted } from './services/fleet';
import { handleRequest } from './services/frontend';
import { recentInvocations } from './services/invocations';
import { onWorkerDrain, onWorkerLeaseEnd } from './services/workerLease';
import { firstArrival, nextArrival, requestsPerArrival } from './workload/arrivals';
import { onLiveArrival, setLiveLoad } from './workload/liveLoad';
import { drawTenant, tenantIndex } from './services/tenants';
import { createState, populate } from './world';
import { onEventSourceEvent } from './eventSources/dispatch';
import { onTraceArrival, startTrace } from './traces/traceArrivals';
import { settleTrace } from './traces/pull';
import { closeBatchesBefore } from './analytic/runCounters';
import { checkControlPlaneCall, checkFault, inputContext } from './scenario/runtimeInput';
import { InputError } from './scenario/inputError';

export interface SimulationOptions {
  /**
   * Hashes the event log with an injected hasher (node:crypto in the CLI: same digest, faster).
   * Its state is not data, so such a simulation cannot be snapshot.
   */
  hasher?: LogHasher;
  /** Hash the event log (default true). The page's live run does not; its export replays with hashing. */
  hashEventLog?: boolean;
  /** Recent event-log records kept for display. */
  logRingSize?: number;
  /** Recent completed invocations kept with their full phase records. */
  recentInvocations?: number;
  /** Sees every completed invocation (the workbench's A/B pairing and exports). An observer, not state. */
  onInvocationDone?: (inv: Invocation) => void;
}

export interface InvokeRequest {
  function: string;
  mode?: InvokeMode;
  payloadBytes?: number;
  maxAttempts?: number;
  /** Tenant isolation: the tenant id the request carries (X-Amz-Tenant-Id). */
  tenantId?: string;
}

type Request = Extract<SimEvent, { type: 'invoke.request' }>;

/**
 * One run of the model. All of it is `state` (plain data, see model/simState.ts); this class
 * adds the event loop, the dispatcher, and the few things derived from the state (indexes,
 * a view on the log buffer, request templates), which `restore()` rebuilds. Stepped by hand —
 * `step()` runs one event, `runUntil(t)` everything up to t — like d3-force's `tick()`;
 * pacing against wall time belongs to the caller (the Web Worker). Read anything from
 * `state`; change it only through the methods here.
 */
export class Simulation implements SimContext {
  readonly state: SimState;
  private readonly hasher: LogHasher | null;
  private readonly logView: DataView;
  private readonly streamIndex = new Map<string, number>();
  private streamsIndexed = 0;
  private readonly functionIndex = new Map<string, number>();
  private functionsIndexed = 0;
  /** Per workload entry: a request template (read, never kept, by the Frontend) and its arrival event. */
  private readonly sources: { request: Request; arrival: SimEvent }[];
  readonly invocationDone: ((inv: Invocation) => void) | undefined;

  /** `resumed`: used by `restore()` — the state to continue from (its scenario is `scenario`). */
  constructor(scenario: Scenario, opts: SimulationOptions = {}, resumed?: SimState) {
    const hashing: LogHashing = opts.hasher ? 'external' : opts.hashEventLog === false ? 'none' : 'sha256';
    this.state = resumed ?? createState(scenario, { hashing, logRingSize: opts.logRingSize ?? 4096, recentInvocations: opts.recentInvocations ?? 2000 });
    if (resumed && resumed.log.hashing === 'external') throw new Error('restore: the log was hashed by an injected hasher, whose state is not in the snapshot');
    this.hasher = opts.hasher && !resumed ? opts.hasher : null;
    const chunk = this.state.log.chunk;
    this.logView = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.invocationDone = opts.onInvocationDone;
    this.sources = this.state.scenario.workload.map((entry, i) => ({
      request: {
        type: 'invoke.request', functionName: entry.function, mode: entry.mode, payloadBytes: entry.payloadBytes,
        source: i, attempt: 1, maxAttempts: entry.client.maxAttempts, queueDuringOutage: entry.client.queueDuringOutage,
        asyncEvent: 0, duplicate: false, tenant: 0,
      },
      // Events are read-only data, so one object per source can be scheduled again and again.
      arrival: { type: 'workload.arrival', source: i },
    }));
    if (resumed) return;
    populate(this);
    const s = this.state;
    s.scenario.workload.forEach((entry, i) => {
      const st = { cursor: 0, stream: this.stream(`workload:${i}`) };
      s.workload.push(st);
      const t = firstArrival(entry, st, s.streams[st.stream]);
      if (t !== Infinity) this.schedule(t, this.sources[i].arrival);
    });
    if (s.trace) startTrace(this);
  }

  /** Virtual time, ms. Setting it moves the clock forward with nothing happening (never back). */
  get nowMs(): number {
    return this.state.nowMs;
  }

  set nowMs(t: number) {
    if (!(t >= this.state.nowMs)) throw new RangeError(`the clock cannot move back (from ${this.state.nowMs} ms to ${t} ms)`);
    this.state.nowMs = t;
  }

  get eventsProcessed(): number {
    return this.state.eventsProcessed;
  }

  get scenario(): Scenario {
    return this.state.scenario;
  }

  schedule(atMs: number, event: SimEvent): void {
    queuePush(this.state.queue, atMs, PRIORITY[event.type], event);
  }

  record(code: number, a: number, b: number, c: number): void {
    appendRecord(this.state.log, this.logView, this.hasher, this.state.nowMs, code, a, b, c);
  }

  stream(name: string): number {
    const streams = this.state.streams;
    for (; this.streamsIndexed < streams.length; this.streamsIndexed++) this.streamIndex.set(streams[this.streamsIndexed].name, this.streamsIndexed);
    let i = this.streamIndex.get(name);
    if (i === undefined) {
      i = streams.push(createStream(this.state.scenario.seed, name)) - 1;
      this.streamIndex.set(name, i);
      this.streamsIndexed = streams.length;
    }
    return i;
  }

  functionNamed(name: string): FunctionRuntime | undefined {
    const fns = this.state.functions;
    for (; this.functionsIndexed < fns.length; this.functionsIndexed++) this.functionIndex.set(fns[this.functionsIndexed].name, this.functionsIndexed);
    const i = this.functionIndex.get(name);
    return i === undefined ? undefined : fns[i];
  }

  /** Time of the next pending event, or Infinity. */
  nextEventMs(): number {
    if (this.state.trace) settleTrace(this, Infinity, this.peekMs);
    return this.peekMs();
  }

  private readonly peekMs = (): number => queuePeek(this.state.queue)?.atMs ?? Infinity;

  /** Runs the next event. Returns false when nothing is pending. */
  step(): boolean {
    const s = this.state;
    if (s.trace) settleTrace(this, Infinity, this.peekMs); // a trace's next rows, if the next event is past what was read
    const item = queuePop(s.queue);
    if (!item) return false;
    if (item.atMs >= s.batches.nextBoundaryMs) closeBatchesBefore(s, item.atMs);
    s.nowMs = item.atMs;
    s.eventsProcessed++;
    this.dispatch(item.event);
    return true;
  }

  /** Runs every event at or before `tMs`, then sets the clock to `tMs`. */
  runUntil(tMs: number): void {
    const q = this.state.queue;
    if (this.state.trace) settleTrace(this, tMs, this.peekMs);
    for (let top = queuePeek(q); top !== undefined && top.atMs <= tMs; top = queuePeek(q)) this.step();
    if (tMs > this.state.nowMs) this.state.nowMs = tMs;
  }

  /** A request from outside the scenario's workload (the page, the API), arriving now. */
  invoke(req: InvokeRequest): void {
    this.schedule(this.state.nowMs, {
      type: 'invoke.request', functionName: req.function, mode: req.mode ?? 'RequestResponse',
      payloadBytes: req.payloadBytes ?? 1024, source: -1, attempt: 1, maxAttempts: req.maxAttempts ?? 1,
      queueDuringOutage: false, asyncEvent: 0, duplicate: false, tenant: req.tenantId ? tenantIndex(this.state, req.tenantId) : 0,
    });
  }

  /** Replaces the live load generator (the page's "load" control), or stops it with null. */
  setLiveLoad(entry: Omit<WorkloadEntry, 'startMs' | 'endMs'> | null): void {
    setLiveLoad(this, entry && deepFreeze(copyPlain(entry, 'liveLoad'), 'liveLoad'));
  }

  get liveLoad(): WorkloadEntry | null {
    return this.state.live.current?.entry ?? null;
  }

  /**
   * A control-plane call now (live), answered at once: ok, or the AWS error. It is validated
   * like a scenario's `controlPlane` entry first; an invalid call never reaches the control
   * plane (nothing is logged) and is answered with the problems.
   */
  controlPlane(call: Omit<ControlPlaneCall, 'atMs'>): ControlPlaneResult {
    const checked = checkControlPlaneCall(inputContext(this.state), call);
    if (!checked.ok) {
      return { atMs: this.state.nowMs, action: String(call?.action).slice(0, 64), function: String(call?.function).slice(0, 64), ok: false, message: `ValidationException: ${checked.problems.join('; ')}` };
    }
    return callControlPlane(this, deepFreeze(copyPlain({ ...checked.value, atMs: this.state.nowMs } as ControlPlaneCall, 'call'), 'call'));
  }

  /**
   * Injects a fault now (live), validated like a scenario's `faults` entry (InputError if it
   * breaks a rule). Returns its index in `state.faults.history`.
   */
  injectFault(fault: Fault): number {
    const checked = checkFault(inputContext(this.state), fault);
    if (!checked.ok) throw new InputError(checked.problems);
    return addFault(this, copyPlain(checked.value, 'fault'));
  }

  /**
   * SHA-256 of the event log so far, hex ('' when not hashing). With the built-in hasher it
   * can be read at any moment; an injected one (node:crypto) is finalized: read it once, at the end.
   */
  eventLogSha256(): string {
    return logDigestHex(this.state.log, this.hasher);
  }

  /** Recently completed invocations, oldest first. */
  recentInvocations(): Invocation[] {
    return recentInvocations(this.state);
  }

  /** The one dispatcher: every event reaches its service from here. */
  private dispatch(ev: SimEvent): void {
    switch (ev.type) {
      case 'workload.arrival': return this.onArrival(ev.source);
      case 'invoke.request': handleRequest(this, ev); return;
      case 'environment.advance': return onAdvance(this, ev.env, ev.epoch, ev.signal);
      case 'environment.keepalive': return onKeepAlive(this, ev.env);
      case 'microvm.booted': return onMicroVmBooted(this, ev.worker);
      case 'worker.drain': return onWorkerDrain(this, ev.worker);
      case 'worker.lease-end': return onWorkerLeaseEnd(this, ev.worker);
      case 'async.wake': return onAsyncWake(this, ev.event, ev.epoch);
      case 'poller.poll': return onPoll(this, ev.poller);
      case 'control.call': callControlPlane(this, this.state.scenario.controlPlane[ev.index]); return;
      case 'control.complete': return completeControlPlane(this, ev.fn, ev.ver, ev.operation);
      case 'fault.start': return onFaultStart(this, ev.index);
      case 'fault.end': return onFaultEnd(this, ev.index);
      case 'live.arrival': return onLiveArrival(this, ev.gen);
      case 'esm': return onEventSourceEvent(this, ev);
      case 'trace.arrival': return onTraceArrival(this);
      default: return assertNever(ev);
    }
  }

  private onArrival(source: number): void {
    const s = this.state;
    const entry = s.scenario.workload[source];
    const { request, arrival } = this.sources[source];
    const tenants = entry.tenants;
    for (let n = requestsPerArrival(entry.arrival); n > 0; n--) handleRequest(this, tenants ? { ...request, tenant: drawTenant(s, tenants) } : request);
    const st = s.workload[source];
    const t = nextArrival(entry, st, s.streams[st.stream], s.nowMs);
    if (t !== Infinity) this.schedule(t, arrival);
  }
}
