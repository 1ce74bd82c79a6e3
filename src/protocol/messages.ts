import type { ControlPlaneCall, Fault, FrameView, InvokeMode, MachineTable } from '../core/index';
import type { WorkbenchFromWorker, WorkbenchToWorker } from './workbench';

/**
 * Messages between the page and the simulation worker. Plain data only (structured clone):
 * no Errors (serialised as message + stack), no class instances, no functions.
 * Requests that the page awaits carry a `requestId`, echoed by the reply that settles them.
 *
 * Version 2: long operations are jobs (progress, cancel); user inputs come back recorded in
 * `done` so the page can rebuild a run in a new worker; exact moments (event count + time);
 * the time series is sampled at fixed simulated intervals and sent as a replace-from index.
 */
export const PROTOCOL_VERSION = 2;

export type LiveLoad = { function: string; mode: InvokeMode; arrival: { process: 'poisson' | 'constant'; ratePerSec: number } | { process: 'ramp'; fromPerSec: number; toPerSec: number; overMs: number } | { process: 'diurnal'; meanPerSec: number; amplitude: number; periodMs: number } | { process: 'burst'; count: number; atMs: number } };

export type ControlPlaneRequest = { action: string; function: string } & Record<string, unknown>;

/** A control-plane call without its time (a live call happens now), for each action. */
export type LiveControlPlaneCall = ControlPlaneCall extends infer C ? (C extends { atMs: number } ? Omit<C, 'atMs'> : never) : never;

/** Something the user did to the run; recorded so that replay can re-apply it exactly. */
export type Input =
  | { kind: 'invoke'; function: string; mode: InvokeMode; count: number; payloadBytes?: number; tenantId?: string }
  | { kind: 'load'; load: LiveLoad | null }
  | { kind: 'control'; call: LiveControlPlaneCall }
  | { kind: 'fault'; fault: Fault };

/** An input with the moment it was applied: after exactly `afterEvents` events, at `atMs`. */
export interface Recorded { afterEvents: number; atMs: number; input: Input }

/**
 * A moment of a run: the clock, and (when exact) how many events had run. Times alone name
 * "after every event at or before atMs"; with `events`, the moment is exact even in the middle
 * of a millisecond with several events (a paused step, the last good moment before a crash).
 */
export interface Moment { atMs: number; events?: number }

/** Long operations, run by the worker in time-budgeted slices. */
export type JobOp = 'seek' | 'stepBack' | 'stepToInteresting' | 'export' | 'restart';

export type ToWorker =
  /** `inputs`: a recorded run to continue (crash recovery, links); applied as the run passes each moment. */
  | { type: 'load'; requestId: number; scenario: unknown; seed?: number; playing: boolean; speed: number; inputs?: Recorded[] }
  /** Plays; with `untilMs`, pauses exactly there (a tour step plays its window, then stops). */
  | { type: 'play'; untilMs?: number }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number } // virtual ms per wall ms; Infinity = as fast as possible
  | { type: 'step'; requestId: number; interesting?: boolean; back?: boolean }
  /** `events`: stop at exactly this event count (an exact moment). */
  | { type: 'seek'; requestId: number; timeMs: number; events?: number }
  | { type: 'invoke'; requestId: number; function: string; mode: InvokeMode; count: number; payloadBytes?: number; tenantId?: string }
  | { type: 'setLoad'; requestId: number; load: LiveLoad | null }
  | { type: 'controlPlane'; requestId: number; call: ControlPlaneRequest }
  | { type: 'fault'; requestId: number; fault: Fault }
  | { type: 'frameAck' }
  | { type: 'snapshot'; requestId: number }
  | { type: 'series'; requestId: number; name: string }
  | { type: 'exportRun'; requestId: number; maxRecords: number }
  /** After an error in the worker: rebuild the run from checkpoints and replay to the last good moment. */
  | { type: 'restart'; requestId: number }
  /** Stops the running job (and drops the requests queued behind it). */
  | { type: 'cancel' }
  | { type: 'ping'; n: number }
  | WorkbenchToWorker;

/**
 * Diagnostics, handled only by builds made for tests (`vite build --mode e2e`): make the
 * worker fail as a bug would. `throw`: the next tick throws (guarded: an `error` message);
 * `uncaught`: an exception outside every handler; `die`: the worker stops answering.
 */
export type DebugToWorker = { type: 'debugCrash'; mode: 'throw' | 'uncaught' | 'die' };

export type FromWorker =
  | { type: 'ready'; protocolVersion: number; environmentMachine: MachineTable; asyncMachine: MachineTable }
  | { type: 'loaded'; requestId: number; ok: true; seed: number; name: string; durationMs: number; scenario: unknown }
  | { type: 'loaded'; requestId: number; ok: false; problems: string[] }
  /**
   * `events`: the event count at the frame's moment. `series`: points that replace the page's
   * series from index `seriesFrom` (0 = all of it). `seriesIntervalMs`: their spacing.
   */
  | { type: 'frame'; frame: FrameView; events: number; playing: boolean; speed: number; lagging: boolean; series: SeriesPoint[]; seriesFrom: number; seriesIntervalMs: number }
  /**
   * The reply to a request. `recorded` (+ its `index` in the run's input log) for user inputs,
   * so the page keeps the log it needs to rebuild the run; `cancelled` when a job was stopped.
   */
  | { type: 'done'; requestId: number; ok: boolean; message?: string; recorded?: Recorded & { index: number }; cancelled?: boolean; timeMs?: number }
  | { type: 'snapshot'; requestId: number; frame: FrameView }
  | { type: 'series'; requestId: number; timeMs: number[]; values: number[]; intervalMs: number }
  | { type: 'exportRun'; requestId: number; run: RunExport }
  /** A long job's progress (about every 100 ms of wall time while it runs). */
  | { type: 'progress'; requestId: number | null; op: JobOp; atMs: number; targetMs: number | null; fraction: number | null; elapsedMs: number; etaMs: number | null }
  | { type: 'notice'; text: string; kind: 'info' | 'warning' | 'error' }
  | { type: 'pong'; n: number }
  /** `goodMoment`: where a restart will resume (the last consistent moment before the failure). */
  | { type: 'error'; message: string; stack?: string; recoverable: boolean; goodMoment?: { atMs: number; events: number }; inputs?: number }
  | WorkbenchFromWorker;

/** The full run as a file: scenario, seed, the user's inputs, the event log (replayed), the summary. */
export interface RunExport {
  format: 'lambdascope-run/1';
  scenario: unknown;
  seed: number;
  timeMs: number;
  inputs: Recorded[];
  eventLog: { records: number; included: number; sha256: string; entries: { atMs: number; kind: string; text: string }[] };
  summary: unknown;
}

/**
 * One sample of the run's time series at a fixed simulated boundary `t` (a multiple of the
 * series interval): the state after everything that happened at or before `t`. Counts marked
 * cumulative only grow; rates per simulated second come from them (see `series.ts`).
 */
export interface SeriesPoint {
  t: number;
  concurrency: number;       // account concurrency in use
  environments: number;
  busy: number;
  idle: number;
  initializing: number;
  throttled: number;         // cumulative 429s
  coldStarts: number;        // cumulative cold starts begun (per-function counters)
  invocations: number;       // cumulative
  queueDepth: number;
  oldestAgeMs: number;       // age of the oldest queued event at t
  bucketTokens: number;      // first function's scaling bucket: new environments allowed at t
  // Limits as they stood at t (draw them as steps from when they were set):
  accountLimit: number;      // account concurrency limit
  scalingCapacity: number;   // scaling bucket capacity
  reserved: number | null;   // first function's reserved concurrency (null: none)
  provisioned: number;       // first function's provisioned concurrency requested (all versions)
  provisionedReady: number;  // … of which environments are ready
  // Event source mappings (present only when the run has any; summed over mappings, ages the largest):
  esDepth?: number;          // messages or records waiting (visible) in the queues and streams
  esOldestAgeMs?: number;    // age of the oldest message in a queue (SQS ApproximateAgeOfOldestMessage)
  esIteratorAgeMs?: number;  // streams' iterator age (the oldest unprocessed record's age)
  esConcurrency?: number;    // batches being invoked
  esLimit?: number;          // the mappings' concurrency limits (SQS: MaximumConcurrency or 1,000; streams: shards × ParallelizationFactor)
}

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
