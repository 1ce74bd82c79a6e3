import { recentRecords } from './engine/eventLog';
import { ENV_STATE_CODE, ENVIRONMENT_STATE_CODES } from './logCodes';
import { describeRecord, type LogEntry } from './logText';
import type { EnvironmentState } from './machines/environmentMachine';
import { histogramBins } from './metrics/histogram';
import type { Invocation } from './model/records';
import { oldestEventAgeMs } from './services/asyncQueue';
import { peekTokens, unreservedCapacity } from './services/counting';
import { activeFaults } from './services/faultQueries';
import type { Simulation } from './simulation';
import { summarize, type Summary } from './summary';
import { eventSourceViews, type EventSourceView } from './eventSources/view';
import { sceneView, type SceneView } from './sceneView';

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
  functions: FunctionView[];
  workers: { id: number; state: string; memoryMb: number; usedMb: number; pool: number; booting: number; leaseEndMs: number; environments: number }[];
  /** The latest worker failures (bounded), so the fleet can show a failed worker failed instead of gone. */
  failedWorkers: { id: number; atMs: number; environments: number; memoryMb: number }[];
  environments: {
    count: number;
    id: Int32Array; state: Uint8Array; fn: Uint16Array; worker: Int32Array; provisioned: Uint8Array;
    invocation: Int32Array; sinceMs: Float64Array; version: string[];
  };
  /** Environment states in code order (ENVIRONMENT_STATE_CODES), for decoding `environments.state`. */
  stateNames: readonly string[];
  stateCounts: Record<string, number>;
  inflight: InvocationView[];
  recent: InvocationView[];
  log: LogEntry[];
  queue: { depth: number; oldestAgeMs: number; stats: Summary['async']; byState: Record<string, number> };
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
  stats: { invocations: number; coldStarts: number; throttled: number };
  versions: { qualifier: string; live: number; idle: number; busy: number; initializing: number; provisioned: { requested: number; live: number; status: string | null }; snapStart: boolean }[];
  aliases: { name: string; version: string; weights: Record<string, number> }[];
  config: unknown;
}

export type InvocationView = Omit<Invocation, 'pendingOutcome'> & { fnName: string };

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
  };
  const stateCounts: Record<string, number> = {};
  for (const s of ENVIRONMENT_STATE_CODES) stateCounts[s] = 0;
  let i = 0;
  for (const e of s.environments.values()) {
    env.id[i] = e.id; env.state[i] = ENV_STATE_CODE[e.state as EnvironmentState]; env.fn[i] = e.fn; env.worker[i] = e.worker;
    env.provisioned[i] = e.provisioned ? 1 : 0; env.invocation[i] = e.invocation; env.sinceMs[i] = e.stateSinceMs; env.version[i] = e.version;
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
    functions: s.functions.map((f) => ({
      name: f.name, state: f.state, lastUpdateStatus: f.lastUpdateStatus, runtime: f.cfg.runtime, memoryMb: s.versions[f.versions.get('$LATEST')!].cfg.memoryMb,
      timeoutMs: f.cfg.timeoutMs, reservedConcurrency: f.cfg.reservedConcurrency, inUse: f.inUse, bucketTokens: peekTokens(s, f, s.nowMs),
      stats: { ...f.stats },
      versions: [...f.versions.values()].map((id) => {
        const v = s.versions[id];
        return { qualifier: v.qualifier, live: v.live, idle: v.idle.size + v.provisionedIdle.size, busy: v.busy, initializing: v.initializing, provisioned: { ...v.provisioned }, snapStart: v.snapStart };
      }),
      aliases: [...f.aliases.entries()].map(([name, a]) => ({ name, version: a.version, weights: { ...a.weights } })),
      config: JSON.parse(JSON.stringify(s.versions[f.versions.get('$LATEST')!].cfg)),
    })),
    workers: [...s.workers.values()].map((w) => ({ id: w.id, state: w.state, memoryMb: w.memoryMb, usedMb: w.usedMb, pool: w.pool, booting: w.booting, leaseEndMs: w.leaseEndMs, environments: w.environments })),
    failedWorkers: s.faults.losses.map((l) => ({ id: l.worker, atMs: l.atMs, environments: l.environments, memoryMb: l.memoryMb })),
    environments: env,
    stateNames: ENVIRONMENT_STATE_CODES,
    stateCounts,
    inflight,
    recent,
    log: records.map((r, k) => describeRecord(sim, r, firstSeq + k)),
    queue: { depth: s.asyncQueue.events.size, oldestAgeMs: oldestEventAgeMs(s), stats: summary.async, byState },
    summary,
    latencyBins: { all: histogramBins(s.metrics.latency.all), cold: histogramBins(s.metrics.latency.cold), warm: histogramBins(s.metrics.latency.warm) },
    faults: activeFaults(s.faults).map((f) => ({ type: f.type, index: f.index })),
    controlPlane: s.controlPlaneResults.slice(-20),
    liveLoad: sim.liveLoad ? { function: sim.liveLoad.function, mode: sim.liveLoad.mode, arrival: sim.liveLoad.arrival } : null,
    eventSources: eventSourceViews(s),
    scene: sceneView(sim),
  };
}
