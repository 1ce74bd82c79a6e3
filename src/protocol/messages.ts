import type { FrameView } from '../core/view';
import type { InvokeMode } from '../core/scenario/types';
import type { Fault } from '../core/scenario/faultTypes';
import type { MachineTable } from '../core/machines/machineTable';
import type { WorkbenchFromWorker, WorkbenchToWorker } from './workbench';

/**
 * Messages between the page and the simulation worker. Plain data only (structured clone):
 * no Errors (serialised as message + stack), no class instances, no functions.
 * Requests that the page API awaits carry a `requestId`, echoed by the `done` reply.
 */
export const PROTOCOL_VERSION = 1;

export type LiveLoad = { function: string; mode: InvokeMode; arrival: { process: 'poisson' | 'constant'; ratePerSec: number } | { process: 'ramp'; fromPerSec: number; toPerSec: number; overMs: number } | { process: 'diurnal'; meanPerSec: number; amplitude: number; periodMs: number } | { process: 'burst'; count: number; atMs: number } };

export type ControlPlaneRequest = { action: string; function: string } & Record<string, unknown>;

export type ToWorker =
  | { type: 'load'; requestId: number; scenario: unknown; seed?: number; atMs?: number; playing: boolean; speed: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number } // virtual ms per wall ms; Infinity = as fast as possible
  | { type: 'step'; requestId: number; interesting?: boolean; back?: boolean }
  | { type: 'seek'; requestId: number; timeMs: number }
  | { type: 'invoke'; requestId: number; function: string; mode: InvokeMode; count: number; payloadBytes?: number; tenantId?: string }
  | { type: 'setLoad'; requestId: number; load: LiveLoad | null }
  | { type: 'controlPlane'; requestId: number; call: ControlPlaneRequest }
  | { type: 'fault'; requestId: number; fault: Fault }
  | { type: 'frameAck' }
  | { type: 'snapshot'; requestId: number }
  | { type: 'exportRun'; requestId: number; maxRecords: number }
  | { type: 'restart'; requestId: number }
  /** Diagnostics: make the next tick throw, as a bug in the core would (used by the e2e suite). */
  | { type: 'debugCrash' }
  | WorkbenchToWorker;

export type FromWorker =
  | { type: 'ready'; protocolVersion: number; environmentMachine: MachineTable; asyncMachine: MachineTable }
  | { type: 'loaded'; requestId: number; ok: true; seed: number; name: string; durationMs: number; scenario: unknown }
  | { type: 'loaded'; requestId: number; ok: false; problems: string[] }
  /** `series` holds only points added since the last frame, unless `seriesReset` (after a seek back or a load). */
  | { type: 'frame'; frame: FrameView; playing: boolean; speed: number; lagging: boolean; series: SeriesPoint[]; seriesReset: boolean }
  | { type: 'done'; requestId: number; ok: boolean; message?: string }
  | { type: 'snapshot'; requestId: number; frame: FrameView }
  | { type: 'exportRun'; requestId: number; run: RunExport }
  | { type: 'error'; message: string; stack?: string; recoverable: boolean }
  | WorkbenchFromWorker;

/** The full run as a file: scenario, seed, the user's inputs, the event log (replayed), the summary. */
export interface RunExport {
  format: 'lambdascope-run/1';
  scenario: unknown;
  seed: number;
  timeMs: number;
  inputs: { afterEvents: number; atMs: number; input: unknown }[];
  eventLog: { records: number; included: number; sha256: string; entries: { atMs: number; kind: string; text: string }[] };
  summary: unknown;
}

/** One sample of the run's time series, taken at most once per frame. */
export interface SeriesPoint {
  t: number;
  concurrency: number;
  environments: number;
  busy: number;
  idle: number;
  initializing: number;
  throttled: number;    // cumulative
  coldStarts: number;   // cumulative (per-function counters)
  invocations: number;  // cumulative
  queueDepth: number;
  oldestAgeMs: number;
  bucketTokens: number; // first function's scaling bucket
}

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
