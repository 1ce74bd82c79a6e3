import type { CompareResult, Estimate, Overlay, TraceVolumes } from '../core/index';

/**
 * The workbench's messages between the page and the worker (issue #12): trace replay, A/B
 * comparison, run-until, exports, the analytic overlay and the inspector bridge. Plain data;
 * every request carries a `requestId` answered by one `wb.reply`. Long jobs (reading a
 * trace, an A/B run, run-until, an export replay) run in slices, post `wb.progress`, and stop
 * on `wb.cancel`.
 */
export type RunUntil =
  | { kind: 'coldStarts'; count: number }
  | { kind: 'queueEmpty' }
  | { kind: 'time'; atMs: number };

/** A File or Blob (structured-cloned to the worker); named structurally: the protocol compiles without the DOM. */
export interface BlobLike { readonly size: number; slice(start?: number, end?: number): unknown }

export type WorkbenchToWorker =
  | { type: 'wb.trace'; requestId: number; file: BlobLike; name: string; map: string; durations?: BlobLike; memory?: BlobLike }
  | { type: 'wb.compare'; requestId: number; b: unknown }
  | { type: 'wb.runUntil'; requestId: number; until: RunUntil; maxEvents?: number }
  | { type: 'wb.export'; requestId: number; format: 'perfetto' | 'otlp' }
  | { type: 'wb.estimates'; requestId: number }
  | { type: 'wb.envHistory'; requestId: number; env: number }
  | { type: 'wb.cancel' };

export interface TraceLoaded { file: string; format: string; volumes: TraceVolumes; mapped: { function: string; invocations: number }[]; unmapped: { functions: number; invocations: number } }

export interface Estimates {
  timeMs: number;
  cold: Estimate;
  environments: Estimate;
  batchMs: number;
  overlay: Overlay;
}

export type WorkbenchReply =
  | { kind: 'trace'; trace: TraceLoaded }
  | { kind: 'compare'; result: CompareResult }
  | { kind: 'runUntil'; message: string; timeMs: number }
  | { kind: 'export'; name: string; text: string; invocations: number; truncated: boolean }
  | { kind: 'estimates'; estimates: Estimates }
  | { kind: 'envHistory'; env: number; states: { atMs: number; state: string }[]; complete: boolean };

export type WorkbenchFromWorker =
  | { type: 'wb.reply'; requestId: number; ok: true; reply: WorkbenchReply }
  | { type: 'wb.reply'; requestId: number; ok: false; problems: string[] }
  | { type: 'wb.progress'; job: string; fraction: number; text: string };

export function isWorkbenchMessage(m: { type: string }): m is WorkbenchToWorker {
  return m.type.startsWith('wb.');
}
