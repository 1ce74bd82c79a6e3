import type { CompiledDist, Dist } from '../engine/distributions';
import type { LogState } from '../engine/eventLog';
import type { QueueState } from '../engine/eventQueue';
import type { StreamState } from '../engine/random';
import type { SimEvent } from '../events';
import type { AsyncEventState } from '../machines/asyncEventMachine';
import type { Fault } from '../scenario/faultTypes';
import type { FunctionConfig, PlatformConfig, Scenario, WorkloadEntry } from '../scenario/types';
import type { FunctionRuntime, VersionRuntime } from './functionRuntime';
import type { Environment, Invocation, Worker } from './records';
import type { EventSourcesState } from '../eventSources/state';
import type { TraceSource } from '../traces/source';
import type { BatchMeans } from '../analytic/batchMeans';

/**
 * The whole state of one simulation, as plain data: objects, arrays, typed arrays, Maps and
 * Sets with primitive keys — no functions, no class instances, no references shared between
 * two places (records point at each other by id). A structured clone of it is a complete,
 * faithful copy; `snapshot()` wraps it in a versioned envelope. Bump `STATE_VERSION` when
 * the shape changes.
 *
 * Things derived from it — transition tables, the function-name index, a DataView on the
 * log chunk, per-workload request templates — live outside it (in the Simulation) and are
 * rebuilt by `restore()`.
 *
 * Frozen parts (the scenario, configurations, compiled distributions, results) are
 * immutable and shared between a simulation and its snapshots.
 */
export const STATE_VERSION = 4; // 2: trace; 3: faults.losses (the latest worker failures, for the views); 4: Lambda at scale (accounts, tenants, cost, pollers, replacements)

export interface SimState {
  version: typeof STATE_VERSION;
  /** The scenario as run (defaults filled in). Frozen. */
  scenario: Scenario;
  nowMs: number;
  eventsProcessed: number;
  queue: QueueState<SimEvent>;
  /** Every random stream of the run, created on first use; records hold indexes into it. */
  streams: StreamState[];
  /** Streams of the platform's concerns (indexes into `streams`). */
  rng: Record<'overhead' | 'placement' | 'microvm' | 'shutdown' | 'client' | 'pollers' | 'faults' | 'recycle' | 'tenants', number>;
  /** The platform's timing distributions, compiled. Frozen. */
  platformSample: Readonly<Record<PlatformDist, CompiledDist>>;
  log: LogState;
  functions: FunctionRuntime[];
  versions: VersionRuntime[];
  environments: Map<number, Environment>;
  workers: Map<number, Worker>;
  inflight: Map<number, Invocation>;
  /** Completed invocations kept with their phase records: a ring of `cap`, `next` the oldest. */
  recent: { items: Invocation[]; next: number; cap: number };
  /** Counting of the first account (scenario.accounts[0]); `moreCounting[i - 1]` is account i's (services/counting.ts `countingOf`). */
  counting: CountingState;
  moreCounting: CountingState[];
  /** Per account: the Region's request-rate quota, 10 × its concurrency quota per second [DOC limits]. */
  accountRate: RateBucketState[];
  /** Tenant ids seen, by index (0 = none); `index` finds one by name. */
  tenants: { names: string[]; index: Map<string, number> };
  nextMicrovmId: number;
  /** SnapStart snapshot creations in progress (PublishVersion), per account. */
  snapshotCreations: number[];
  asyncQueue: AsyncQueueState;
  /** Event source mappings: queues, streams, their producers, pollers and batches. */
  eventSources: EventSourcesState;
  faults: FaultState;
  /** The latest control-plane answers (at most 500). */
  controlPlaneResults: ControlPlaneResult[];
  controlPlaneCalls: number;
  controlPlaneErrors: number;
  /** Configuration patches of updates in progress, by function index. */
  pendingConfig: Map<number, Partial<FunctionConfig>>;
  gauge: GaugeState;
  metrics: MetricsState;
  /** Per scenario workload entry: where its arrival process stands. */
  workload: ArrivalState[];
  live: LiveLoadState;
  nextEnvironmentId: number;
  nextWorkerId: number;
  nextInvocationId: number;
  /** Idle-pool stamps (see services/idlePool.ts). */
  nextPoolStamp: number;
  peakWorkers: number;
  workersDrained: number;
  workersFailed: number;
  /** The trace being replayed, if any (traces/source.ts): a cursor into the file and the arrivals read ahead. */
  trace: TraceSource | null;
  /** Running batch-means estimates of P(cold) and mean environments (analytic/batchMeans.ts). */
  batches: BatchMeans;
}

export type PlatformDist = { [K in keyof PlatformConfig]: PlatformConfig[K] extends Dist ? K : never }[keyof PlatformConfig];

export type ControlPlaneResult = { atMs: number; action: string; function: string; ok: boolean; message: string };

/** Where an arrival process stands. */
export interface ArrivalState {
  /** For `trace`: index of the next time; for `burst`: 1 once fired. */
  cursor: number;
  /** Its random stream (index into SimState.streams). */
  stream: number;
}

/** The page's load generator: one workload entry that starts when set (see workload/liveLoad.ts). */
export interface LiveLoadState {
  /** Generation: bumped by every change, so arrivals of an older one are stale. */
  gen: number;
  current: { entry: WorkloadEntry; arrival: ArrivalState; request: Extract<SimEvent, { type: 'invoke.request' }> } | null;
}

/** A token bucket for a requests-per-second quota: tokens left at `atMs` (capacity: one second's worth). */
export interface RateBucketState {
  tokens: number;
  atMs: number;
}

/** Counting: region-wide concurrency of one account (services/counting.ts). */
export interface CountingState {
  unreservedInUse: number;
  accountInUse: number;
  /** Units granted before the unreserved pool shrank: may exceed the new capacity until released. */
  unreservedCarried: number;
  /** Sum of every function's reserved concurrency. */
  reservedTotal: number;
}

/** An Event-mode request on the internal queue. */
export interface QueuedEvent {
  id: number;
  fn: number;
  functionName: string;   // as requested, with its qualifier: resolved again at each attempt
  payloadBytes: number;
  acceptedMs: number;
  state: AsyncEventState;
  /** Attempts that reached the function (each poller invocation that ran). */
  attempts: number;
  /** Consecutive throttles / service errors, for the backoff. */
  backoffs: number;
  expired: boolean;
  epoch: number;
  lastInvocation: number;
  /** When it last became visible (accepted, or back from a retry wait / backoff). */
  visibleSinceMs: number;
  /** Tenant isolation: the tenant id it carries (0 = none). */
  tenant: number;
  /** The last attempt's status code and whether the function failed (for an invocation record). */
  lastStatusCode: number;
  lastFunctionError: boolean;
  lastVersion: string;
  /** While in RetryWait or Backoff: when it becomes visible again (or expires), ms; NaN otherwise. */
  wakeAtMs: number;
}

/** An event that reached a final state, kept for the views (the DLQ's recent arrivals). */
export interface FinishedEvent {
  id: number; state: 'Succeeded' | 'DeadLettered' | 'Dropped'; atMs: number; acceptedMs: number; attempts: number; expired: boolean; lastInvocation: number;
  /** A dead-lettered event went to the DLQ (its body) or to the on-failure destination (an invocation record); null otherwise. */
  to: 'dlq' | 'destination' | null;
}

/** The internal queue for Event invocations and its poller fleet (services/asyncQueue.ts). */
export interface AsyncQueueState {
  /** Unfinished events, in acceptance order. */
  events: Map<number, QueuedEvent>;
  /** FIFO of visible event ids from `head` on (lazy: entries no longer Queued are skipped). */
  visible: number[];
  head: number;
  nextId: number;
  /** Idle pollers, waiting for work (a stack). */
  idle: number[];
  /** Per poller: attempts not yet answered. The fleet grows with the backlog (services/pollerFleet.ts). */
  inFlight: number[];
  /** Pollers whose receive is on its way (each will take up to a batch). */
  receiving: number;
  stats: {
    accepted: number; succeeded: number; retries: number; deadLettered: number; expired: number; dropped: number; duplicates: number; onSuccessDelivered: number;
    /** Of `deadLettered`: sent to the dead-letter queue (the event body) / to the on-failure destination (an invocation record). */
    toDlq: number; toOnFailure: number;
    /** Pollers at the fleet's largest. */
    peakPollers: number;
  };
  /** AsyncEventAge: time from acceptance to each poller attempt, ms (a histogram). */
  eventAge: HistogramState;
  /** The latest messages in the DLQ and records at the on-failure destination (each list at most 50). */
  dlq: DlqMessage[];
  destination: InvocationRecord[];
  /** The last few events to finish, oldest first (bounded: read by the scene). */
  finished: FinishedEvent[];
}

/** What a dead-letter queue receives: the event body only [DOC invocation-async]. */
export interface DlqMessage {
  event: number;
  function: string;
  payloadBytes: number;
  atMs: number;
}

/** What an on-failure destination receives: an invocation record (AWS's shape, abridged) [DOC invocation-async-retain-records]. */
export interface InvocationRecord {
  version: '1.0';
  timestampMs: number;
  requestContext: { requestId: number; functionName: string; condition: 'RetriesExhausted' | 'EventAgeExceeded'; approximateInvokeCount: number };
  requestPayloadBytes: number;
  responseContext: { statusCode: number; executedVersion: string; functionError: 'Unhandled' | null };
}

/** Injected faults (services/faults.ts): every one ever added, and the active ones. */
export interface FaultState {
  history: (Fault & { index: number })[];
  /** Indexes into `history`, in the order they started. */
  active: Set<number>;
  /** Active invoke-service outages: checked on every request, so kept as a count. */
  outages: number;
  /** The latest worker failures (at most WORKER_LOSSES_KEPT), for the views: a failed worker is shown failed. */
  losses: WorkerLoss[];
}

/** What a worker failure took down. */
export interface WorkerLoss { worker: number; atMs: number; environments: number; memoryMb: number }
export const WORKER_LOSSES_KEPT = 4;

/** Time-weighted environment counts by category (metrics/environmentGauge.ts). */
export interface GaugeState {
  now: number[];
  area: number[];
  total: number;
  peak: number;
  lastMs: number;
}

/** A log-bucket latency histogram (metrics/histogram.ts). */
export interface HistogramState {
  counts: Float64Array;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** Outcome counters and latency histograms (metrics/runMetrics.ts). */
export interface MetricsState {
  succeeded: number;
  functionErrors: number;
  timedOut: number;
  throttled: number;
  dryRun: number;
  rejected: number;
  serviceErrors: number;
  coldStarts: number;
  reinits: number;
  /** Requests a client held during an invoke-service outage and sent afterwards. */
  clientQueued: number;
  /** Requests that reached a handler (cold or warm): the denominator of the cold-start ratio. */
  ran: number;
  latency: { all: HistogramState; cold: HistogramState; warm: HistogramState };
  throttleReasons: Record<string, number>;
  /** Environments initialized with no request waiting, to replace another (proactive Init). */
  proactive: number;
  /** Of those, replacements for a worker's lease end / for a recycle. */
  proactiveForLease: number;
  proactiveForRecycle: number;
  /** On-demand environments recycled after their lifetime ("every few hours"). */
  recycled: number;
}
