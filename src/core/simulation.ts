import { sampler, type Sampler } from './engine/distributions';
import { EventLog } from './engine/eventLog';
import { EventQueue } from './engine/eventQueue';
import { RandomStreams, type RandomStream } from './engine/random';
import type { LogHasher } from './engine/sha256';
import { PRIORITY, type SimEvent } from './events';
import { environmentMachine } from './machines/environmentMachine';
import { invocationMachine } from './machines/invocationMachine';
import { deriveTable, transitionFunction } from './machines/machineTable';
import { EnvironmentGauge } from './metrics/environmentGauge';
import { RunMetrics } from './metrics/runMetrics';
import { createFunctionRuntime, createVersionRuntime, type FunctionRuntime, type VersionRuntime } from './model/functionRuntime';
import type { Environment, Invocation, Worker } from './model/records';
import type { FunctionConfig, InvokeMode, Scenario, WorkloadEntry } from './scenario/types';
import type { ControlPlaneCall, Fault } from './scenario/faultTypes';
import { AsyncQueue } from './services/asyncQueue';
import { Faults } from './services/faults';
import { callControlPlane, completeControlPlane, type ControlPlaneResult } from './services/controlPlane';
import { CountingService } from './services/counting';
import { onAdvance, onKeepAlive } from './services/environmentLifecycle';
import { createInitialFleet, onMicroVmBooted, onWorkerDrain, onWorkerLeaseEnd } from './services/fleet';
import { handleRequest } from './services/frontend';
import { firstArrival, nextArrival, requestsPerArrival, type ArrivalState } from './workload/arrivals';
import { LiveLoad } from './workload/liveLoad';
import { assertNever } from './engine/distributions';
import { checkControlPlaneCall, checkFault, inputContext } from './scenario/runtimeInput';
import { InputError } from './scenario/inputError';

/** Transition tables derived once from the machine definitions (see machineTable.ts). */
export const ENVIRONMENT_TABLE = deriveTable(environmentMachine);
export const INVOCATION_TABLE = deriveTable(invocationMachine);
const envNext = transitionFunction<Environment>(ENVIRONMENT_TABLE, {
  invocationWaiting: (env) => env.invocation !== 0,
  retiring: (env) => env.retiring,
  snapStart: (env) => env.snapStart,
});
const invNext = transitionFunction<Invocation>(INVOCATION_TABLE, {});

export interface SimulationOptions {
  /** Hashes the event log; defaults to the built-in SHA-256 (Node callers may pass node:crypto). */
  hasher?: LogHasher;
  /** Recent event-log records kept for display. */
  logRingSize?: number;
  /** Recent completed invocations kept with their full phase records. */
  recentInvocations?: number;
}

export interface InvokeRequest {
  function: string;
  mode?: InvokeMode;
  payloadBytes?: number;
  maxAttempts?: number;
}

/**
 * One run of the model: the world's records, the future event list and virtual time.
 * Stepped by hand — `step()` runs one event, `runUntil(t)` everything up to t — like
 * d3-force's `tick()`; pacing against wall time belongs to the caller (the Web Worker).
 */
export class Simulation {
  nowMs = 0;
  readonly queue = new EventQueue<SimEvent>();
  readonly streams: RandomStreams;
  readonly log: EventLog;
  readonly functions: FunctionRuntime[] = [];
  readonly versions: VersionRuntime[] = [];
  readonly fnByName = new Map<string, FunctionRuntime>();
  readonly asyncQueue: AsyncQueue;
  readonly faults: Faults;
  readonly controlPlaneResults: ControlPlaneResult[] = [];
  controlPlaneCalls = 0;
  controlPlaneErrors = 0;
  /** Configuration patches of updates in progress, by function index. */
  readonly pendingConfig = new Map<number, Partial<FunctionConfig>>();
  workersFailed = 0;
  readonly environments = new Map<number, Environment>();
  readonly workers = new Map<number, Worker>();
  readonly inflight = new Map<number, Invocation>();
  readonly counting: CountingService;
  readonly gauge = new EnvironmentGauge(0);
  readonly metrics = new RunMetrics();
  readonly envNext = envNext;
  readonly invNext = invNext;
  readonly platformSample: Record<'warmOverheadMs' | 'placementMs' | 'microvmBootMs' | 'imageFetchMs' | 'extensionInitMs' | 'shutdownMs' | 'pollerLatencyMs' | 'snapStartRestoreMs', Sampler>;
  readonly rng: Record<'overhead' | 'placement' | 'microvm' | 'shutdown' | 'client' | 'pollers' | 'faults', RandomStream>;
  nextEnvironmentId = 1;
  nextWorkerId = 1;
  nextInvocationId = 1;
  peakWorkers = 0;
  workersDrained = 0;
  eventsProcessed = 0;
  private readonly arrivals: ArrivalState[];
  private readonly liveLoadSource = new LiveLoad((name) => this.streams.get(name), (at, ev) => this.schedule(at, ev));
  /** Per workload entry: its random stream and a reusable request (read, never kept, by the Frontend). */
  private readonly sources: { rng: RandomStream; request: Extract<SimEvent, { type: 'invoke.request' }>; arrival: SimEvent }[];
  private readonly recent: Invocation[] = [];
  private recentNext = 0;
  private readonly recentCap: number;

  constructor(readonly scenario: Scenario, opts: SimulationOptions = {}) {
    this.streams = new RandomStreams(scenario.seed);
    this.log = new EventLog(opts.hasher, opts.logRingSize ?? 4096);
    this.recentCap = opts.recentInvocations ?? 2000;
    this.counting = new CountingService(scenario);
    const p = scenario.platform;
    this.platformSample = {
      warmOverheadMs: sampler(p.warmOverheadMs), placementMs: sampler(p.placementMs), microvmBootMs: sampler(p.microvmBootMs),
      imageFetchMs: sampler(p.imageFetchMs), extensionInitMs: sampler(p.extensionInitMs), shutdownMs: sampler(p.shutdownMs),
      pollerLatencyMs: sampler(p.pollerLatencyMs), snapStartRestoreMs: sampler(p.snapStartRestoreMs),
    };
    const s = (name: string) => this.streams.get(`platform:${name}`);
    this.rng = {
      overhead: s('overhead'), placement: s('placement'), microvm: s('microvm'), shutdown: s('shutdown'),
      client: s('client-retry'), pollers: s('pollers'), faults: s('faults'),
    };
    this.asyncQueue = new AsyncQueue(this);
    this.faults = new Faults(this);
    createInitialFleet(this);
    for (const f of scenario.functions) {
      const fn = this.addFunction(f, 'Active');
      if (f.provisionedConcurrency > 0) {
        // Shorthand: version 1 with alias "live" and provisioned concurrency on it, ready at start.
        callControlPlane(this, { atMs: 0, action: 'PublishVersion', function: fn.name });
        callControlPlane(this, { atMs: 0, action: 'CreateAlias', function: fn.name, name: 'live', functionVersion: '1', additionalVersionWeights: {} });
        const v = this.versions[fn.versions.get('1')!];
        v.provisioned.requested = f.provisionedConcurrency;
        this.schedule(0, { type: 'control.complete', fn: fn.index, ver: v.id, operation: 'provision', token: 0 });
      }
    }
    scenario.controlPlane.forEach((c, index) => this.schedule(c.atMs, { type: 'control.call', index }));
    for (const f of scenario.faults) this.faults.add(f);
    this.sources = scenario.workload.map((entry, i) => ({
      rng: this.streams.get(`workload:${i}`),
      request: {
        type: 'invoke.request', functionName: entry.function, mode: entry.mode, payloadBytes: entry.payloadBytes,
        source: i, attempt: 1, maxAttempts: entry.client.maxAttempts, queueDuringOutage: entry.client.queueDuringOutage,
        asyncEvent: 0, duplicate: false,
      },
      // Events are read-only data, so one object per source can be scheduled again and again.
      arrival: { type: 'workload.arrival', source: i },
    }));
    this.arrivals = scenario.workload.map((entry, i) => {
      const st: ArrivalState = { cursor: 0 };
      const t = firstArrival(entry, st, this.sources[i].rng);
      if (t !== Infinity) this.schedule(t, this.sources[i].arrival);
      return st;
    });
  }

  schedule(atMs: number, event: SimEvent): void {
    this.queue.push(atMs, PRIORITY[event.type], event);
  }

  /** Time of the next pending event, or Infinity. */
  nextEventMs(): number {
    return this.queue.peek()?.atMs ?? Infinity;
  }

  /** Runs the next event. Returns false when nothing is pending. */
  step(): boolean {
    const item = this.queue.pop();
    if (!item) return false;
    this.nowMs = item.atMs;
    this.eventsProcessed++;
    this.dispatch(item.event);
    return true;
  }

  /** Runs every event at or before `tMs`, then sets the clock to `tMs`. */
  runUntil(tMs: number): void {
    const q = this.queue;
    for (let top = q.peek(); top !== undefined && top.atMs <= tMs; top = q.peek()) this.step();
    if (tMs > this.nowMs) this.nowMs = tMs;
  }

  /** A request from outside the scenario's workload (the page, the API), arriving now. */
  invoke(req: InvokeRequest): void {
    this.schedule(this.nowMs, {
      type: 'invoke.request', functionName: req.function, mode: req.mode ?? 'RequestResponse',
      payloadBytes: req.payloadBytes ?? 1024, source: -1, attempt: 1, maxAttempts: req.maxAttempts ?? 1,
      queueDuringOutage: false, asyncEvent: 0, duplicate: false,
    });
  }

  /** Replaces the live load generator (the page's "load" control), or stops it with null. */
  setLiveLoad(entry: Omit<WorkloadEntry, 'startMs' | 'endMs'> | null): void {
    this.liveLoadSource.set(entry, this.nowMs);
  }

  get liveLoad(): WorkloadEntry | null {
    return this.liveLoadSource.entry;
  }

  /**
   * A control-plane call now (live), answered at once: ok, or the AWS error. It is validated
   * like a scenario's `controlPlane` entry first; an invalid call never reaches the control
   * plane (nothing is logged) and is answered with the problems.
   */
  controlPlane(call: Omit<ControlPlaneCall, 'atMs'>): ControlPlaneResult {
    const checked = checkControlPlaneCall(inputContext(this), call);
    if (!checked.ok) {
      return { atMs: this.nowMs, action: String(call?.action).slice(0, 64), function: String(call?.function).slice(0, 64), ok: false, message: `ValidationException: ${checked.problems.join('; ')}` };
    }
    return callControlPlane(this, { ...checked.value, atMs: this.nowMs } as ControlPlaneCall);
  }

  /** Injects a fault now (live), validated like a scenario's `faults` entry; throws InputError if invalid. */
  injectFault(fault: Fault): number {
    const checked = checkFault(inputContext(this), fault);
    if (!checked.ok) throw new InputError(checked.problems);
    return this.faults.add(checked.value);
  }

  /**
   * A new function with its `$LATEST` version (the scenario's functions, or CreateFunction).
   * A name that was deleted and created again gets a new function: the old one's
   * environments drain under their own record.
   */
  addFunction(cfg: FunctionConfig, state: 'Pending' | 'Active'): FunctionRuntime {
    const fn = createFunctionRuntime(this.functions.length, { ...cfg, reservedConcurrency: null }, this.streams, this.scenario.account.scaling.environments, this.nowMs);
    fn.state = state;
    this.functions.push(fn);
    this.fnByName.set(cfg.name, fn);
    if (cfg.reservedConcurrency !== null) this.counting.setReserved(fn, cfg.reservedConcurrency);
    this.addVersion(fn, '$LATEST', cfg);
    return fn;
  }

  addVersion(fn: FunctionRuntime, qualifier: string, cfg: FunctionConfig): VersionRuntime {
    const v = createVersionRuntime(this.versions.length, fn, qualifier, cfg, this.streams);
    this.versions.push(v);
    fn.versions.set(qualifier, v.id);
    return v;
  }


  /** Keeps a completed invocation in the bounded ring of recent ones. */
  remember(inv: Invocation): void {
    if (this.recentCap === 0) return;
    this.recent[this.recentNext] = inv;
    this.recentNext = (this.recentNext + 1) % this.recentCap;
  }

  /** Recently completed invocations, oldest first. */
  recentInvocations(): Invocation[] {
    return [...this.recent.slice(this.recentNext), ...this.recent.slice(0, this.recentNext)];
  }

  private dispatch(ev: SimEvent): void {
    switch (ev.type) {
      case 'workload.arrival': return this.onArrival(ev.source);
      case 'invoke.request': handleRequest(this, ev); return;
      case 'environment.advance': return onAdvance(this, ev.env, ev.epoch, ev.signal);
      case 'environment.keepalive': return onKeepAlive(this, ev.env);
      case 'microvm.booted': return onMicroVmBooted(this, ev.worker);
      case 'worker.drain': return onWorkerDrain(this, ev.worker);
      case 'worker.lease-end': return onWorkerLeaseEnd(this, ev.worker);
      case 'async.wake': return this.asyncQueue.onWake(ev.event, ev.epoch);
      case 'poller.poll': return this.asyncQueue.onPoll(ev.poller);
      case 'control.call': callControlPlane(this, this.scenario.controlPlane[ev.index]); return;
      case 'control.complete': return completeControlPlane(this, ev.fn, ev.ver, ev.operation);
      case 'fault.start': return this.faults.onStart(ev.index);
      case 'fault.end': return this.faults.onEnd(ev.index);
      case 'live.arrival': return this.liveLoadSource.onArrival(ev.gen, this.nowMs, (req) => void handleRequest(this, req));
      default: return assertNever(ev);
    }
  }

  private onArrival(source: number): void {
    const entry = this.scenario.workload[source];
    const { rng, request, arrival } = this.sources[source];
    for (let n = requestsPerArrival(entry.arrival); n > 0; n--) handleRequest(this, request);
    const t = nextArrival(entry, this.arrivals[source], rng, this.nowMs);
    if (t !== Infinity) this.schedule(t, arrival);
  }
}
