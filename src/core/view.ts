import { recentRecords } from './engine/eventLog';
import { ENV_STATE_CODE, ENVIRONMENT_STATE_CODES } from './logCodes';
import { describeRecord, type LogEntry } from './logText';
import type { EnvironmentState } from './machines/environmentMachine';
import { histogramBins } from './metrics/histogram';
import type { Invocation } from './model/records';
import { oldestEventAgeMs } from './services/asyncQueue';
import { countingOf, peekTokens, unreservedCapacity } from './services/counting';
import { busyPollers } from './services/pollerFleet';
import type { DlqMessage, InvocationRecord } from './model/simState';
import type { Worker } from './model/records';
import { activeFaults } from './services/faultQueries';
import type { Simulation } from './simulation';
import { summarize, type Summary } from './summary';
import { idleCount } from './services/tenants';
import { eventSourceViews, type EventSourceView } from './eventSources/view';
import { sceneView, type SceneView } from './sceneView';
import { workersShown } from './workersShown';

/**
 * The UI's frame: a structured-clone-safe, plain-data picture of the simulation at one
 * moment (no Maps, no class instances, no XState objects). Environments are sent as typed
 * columns so a frame with thousands of them stays cheap to post and to draw on a canvas.
 */
export interface FrameView {
  timeMs: number;
  eventsProcessed: number;
  nextEventMs: number;
  account: { concurrencyLimit: number; inUse: number; unreservedCapacity: number; unreservedInUse: number; scalingCapacity: number };
  /** Every account sharing the fleet (index = `environments.account`), with its Counting. */
  accounts: { id: string; concurrencyLimit: number; inUse: number; unreservedCapacity: number; unreservedInUse: number }[];
  functions: FunctionView[];
  /**
   * Workers worth drawing: every one hosting environments or draining, plus a few empty ones
   * (at most WORKERS_SHOWN in all). The whole cell is summarized in `fleet`.
   */
  workers: { id: number; state: string; memoryMb: number; usedMb: number; pool: number; booting: number; leaseEndMs: number; environments: number }[];
  /** The whole cell, aggregated (bounded whatever its size). */
  fleet: { workers: number; active: number; draining: number; empty: number; shown: number; pooled: number; booting: number; vmm: string; vmmOverheadMb: number; microvmCreationsPerSec: number };
  /** The latest worker failures (bounded), so the fleet can show a failed worker failed instead of gone. */
  failedWorkers: { id: number; atMs: number; environments: number; memoryMb: number }[];
  environments: {
    count: number;
    id: Int32Array; state: Uint8Array; fn: Uint16Array; worker: Int32Array; provisioned: Uint8Array;
    invocation: Int32Array; sinceMs: Float64Array; version: string[];
    /** The owning account (index into `accounts`): views colour microVMs by it. */
    account: Uint8Array;
    /** 1 for an environment initialized proactively (a replacement). */
    proactive: Uint8Array;
  };
  /** Environment states in code order (ENVIRONMENT_STATE_CODES), for decoding `environments.state`. */
  stateNames: readonly string[];
  stateCounts: Record<string, number>;
  inflight: InvocationView[];
  recent: InvocationView[];
  log: LogEntry[];
  queue: {
    depth: number; oldestAgeMs: number; stats: Summary['async']; byState: Record<string, number>;
    pollers: { total: number; busy: number; peak: number };
    /** The latest DLQ messages (event bodies) and on-failure invocation records, newest last (≤ 10 each). */
    dlq: DlqMessage[];
    destination: InvocationRecord[];
  };
  summary: Summary;
  latencyBins: { all: Bin[]; cold: Bin[]; warm: Bin[] };
  faults: { type: string; index: number }[];
  controlPlane: { atMs: number; action: string; function: string; ok: boolean; message: string }[];
  liveLoad: { function: string; mode: string; arrival: unknown } | null;
  /** Event source mappings: queues and streams, pollers, batches in flight. */
  eventSources: EventSourceView[];
  /** The whole-system diagram's data, corrected to `timeMs` (sceneView.ts). */
  scene: SceneView;
}

export interface Bin { fromMs: number; toMs: number; count: number }

export interface FunctionView {
  name: string; state: string; lastUpdateStatus: string; runtime: string; memoryMb: number; timeoutMs: number;
  reservedConcurrency: number | null; inUse: number; bucketTokens: number;
  account: string; architecture: string; tenantIsolation: boolean; tenantEnvironments: number;
  stats: { invocations: number; coldStarts: number; throttled: number };
  versions: { qualifier: string; live: number; idle: number; busy: number; initializing: number; provisioned: { requested: number; live: number; status: string | null }; snapStart: boolean }[];
  aliases: { name: string; version: string; weights: Record<string, number> }[];
  config: unknown;
}

export type InvocationView = Omit<Invocation, 'pendingOutcome'> & { fnName: string };

export { WORKERS_SHOWN } from './workersShown';

function invocationView(sim: Simulation, inv: Invocation): InvocationView {
  const { pendingOutcome: _p, ...rest } = inv;
  return { ...rest, coldReason: inv.coldReason ? { ...inv.coldReason } : null, fnName: inv.fn >= 0 ? sim.state.functions[inv.fn].name : inv.functionName };
}

export interface ViewOptions {
  recentLimit?: number;
  inflightLimit?: number;
  logLimit?: number;
}

export function toView(sim: Simulation, o: ViewOptions = {}): FrameView {
  const s = sim.state;
  const n = s.environments.size;
  const env = {
    count: n, id: new Int32Array(n), state: new Uint8Array(n), fn: new Uint16Array(n), worker: new Int32Array(n),
    provisioned: new Uint8Array(n), invocation: new Int32Array(n), sinceMs: new Float64Array(n), version: new Array<string>(n),
    account: new Uint8Array(n), proactive: new Uint8Array(n),
  };
  const stateCounts: Record<string, number> = {};
  for (const s of ENVIRONMENT_STATE_CODES) stateCounts[s] = 0;
  let i = 0;
  for (const e of s.environments.values()) {
    env.id[i] = e.id; env.state[i] = ENV_STATE_CODE[e.state as EnvironmentState]; env.fn[i] = e.fn; env.worker[i] = e.worker;
    env.provisioned[i] = e.provisioned ? 1 : 0; env.invocation[i] = e.invocation; env.sinceMs[i] = e.stateSinceMs; env.version[i] = e.version;
    env.account[i] = e.account; env.proactive[i] = e.proactive ? 1 : 0;
    stateCounts[e.state]++;
    i++;
  }
  const inflightAll = [...s.inflight.values()];
  const inflight = inflightAll.slice(Math.max(0, inflightAll.length - (o.inflightLimit ?? 300))).map((x) => invocationView(sim, x));
  const recentAll = sim.recentInvocations();
  const recent = recentAll.slice(Math.max(0, recentAll.length - (o.recentLimit ?? 200))).map((x) => invocationView(sim, x));
  const logLimit = o.logLimit ?? 300;
  const records = recentRecords(s.log, logLimit);
  const firstSeq = s.log.count - records.length;
  const byState: Record<string, number> = {};
  for (const e of s.asyncQueue.events.values()) byState[e.state] = (byState[e.state] ?? 0) + 1;
  const summary = summarize(sim);
  return {
    timeMs: s.nowMs,
    eventsProcessed: s.eventsProcessed,
    nextEventMs: sim.nextEventMs(),
    account: {
      concurrencyLimit: s.scenario.account.concurrencyLimit, inUse: s.counting.accountInUse,
      unreservedCapacity: unreservedCapacity(s), unreservedInUse: s.counting.unreservedInUse, scalingCapacity: s.scenario.account.scaling.environments,
    },
    accounts: s.scenario.accounts.map((a, k) => ({
      id: a.id, concurrencyLimit: a.concurrencyLimit, inUse: countingOf(s, k).accountInUse, unreservedCapacity: unreservedCapacity(s, k), unreservedInUse: countingOf(s, k).unreservedInUse,
    })),
    functions: s.functions.map((f) => ({
      name: f.name, state: f.state, lastUpdateStatus: f.lastUpdateStatus, runtime: f.cfg.runtime, memoryMb: s.versions[f.versions.get('$LATEST')!].cfg.memoryMb,
      timeoutMs: f.cfg.timeoutMs, reservedConcurrency: f.cfg.reservedConcurrency, inUse: f.inUse, bucketTokens: peekTokens(s, f, s.nowMs),
      account: s.scenario.accounts[f.account].id, architecture: f.cfg.architecture, tenantIsolation: f.cfg.tenantIsolationMode !== null, tenantEnvironments: f.tenantEnvs,
      stats: { ...f.stats },
      versions: [...f.versions.values()].map((id) => {
        const v = s.versions[id];
        return { qualifier: v.qualifier, live: v.live, idle: idleCount(v), busy: v.busy, initializing: v.initializing, provisioned: { ...v.provisioned }, snapStart: v.snapStart };
      }),
      aliases: [...f.aliases.entries()].map(([name, a]) => ({ name, version: a.version, weights: { ...a.weights } })),
      config: JSON.parse(JSON.stringify(s.versions[f.versions.get('$LATEST')!].cfg)),
    })),
    ...fleetView(sim),
    failedWorkers: s.faults.losses.map((l) => ({ id: l.worker, atMs: l.atMs, environments: l.environments, memoryMb: l.memoryMb })),
    environments: env,
    stateNames: ENVIRONMENT_STATE_CODES,
    stateCounts,
    inflight,
    recent,
    log: records.map((r, k) => describeRecord(sim, r, firstSeq + k)),
    queue: {
      depth: s.asyncQueue.events.size, oldestAgeMs: oldestEventAgeMs(s), stats: summary.async, byState,
      pollers: { total: s.asyncQueue.inFlight.length, busy: busyPollers(s.asyncQueue), peak: s.asyncQueue.stats.peakPollers },
      dlq: s.asyncQueue.dlq.slice(-10).map((m) => ({ ...m })),
      destination: s.asyncQueue.destination.slice(-10).map((r) => JSON.parse(JSON.stringify(r))),
    },
    summary,
    latencyBins: { all: histogramBins(s.metrics.latency.all), cold: histogramBins(s.metrics.latency.cold), warm: histogramBins(s.metrics.latency.warm) },
    faults: activeFaults(s.faults).map((f) => ({ type: f.type, index: f.index })),
    controlPlane: s.controlPlaneResults.slice(-20),
    liveLoad: sim.liveLoad ? { function: sim.liveLoad.function, mode: sim.liveLoad.mode, arrival: sim.liveLoad.arrival } : null,
    eventSources: eventSourceViews(s),
    scene: sceneView(sim),
  };
}

/** The workers to list (bounded) and the whole cell in numbers. */
function fleetView(sim: Simulation): Pick<FrameView, 'workers' | 'fleet'> {
  const s = sim.state;
  const p = s.scenario.platform;
  const shown = workersShown(s.workers.values());
  let active = 0, draining = 0, empty = 0, pooled = 0, booting = 0;
  for (const w of s.workers.values()) {
    if (w.state === 'Active') active++;
    else if (w.state === 'Draining') draining++;
    pooled += w.pool;
    booting += w.booting;
    if (w.environments === 0 && w.state === 'Active') empty++;
  }
  return {
    workers: shown.map((w) => ({ id: w.id, state: w.state, memoryMb: w.memoryMb, usedMb: w.usedMb, pool: w.pool, booting: w.booting, leaseEndMs: w.leaseEndMs, environments: w.environments })),
    fleet: { workers: s.workers.size, active, draining, empty, shown: shown.length, pooled, booting, vmm: p.vmm, vmmOverheadMb: p.vmmOverheadMb, microvmCreationsPerSec: p.microvmCreationsPerSec },
  };
}
