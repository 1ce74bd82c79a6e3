import { create } from 'zustand';
import type { CompareResult, SweepResult } from '../../core/index';
import type { Estimates, TraceLoaded, WorkbenchFromWorker } from '../../protocol/workbench';
import type { Bookmark } from './bookmarks';

/**
 * The workbench's UI state (issue #12), apart from the main store so its panels never make
 * the rest of the page re-render. Results arrive whole from the worker (a comparison, a
 * loaded trace) or from a file (a sweep).
 */
export interface WorkbenchState {
  progress: { job: string; fraction: number; text: string } | null;
  trace: TraceLoaded | null;
  /** The page's load count right after the trace was loaded: another load replaces it. */
  traceAtLoad: number;
  compare: CompareResult | null;
  /** Labels of A and B for the comparison drawn. */
  compareNames: { a: string; b: string };
  sweep: { name: string; result: SweepResult } | null;
  estimates: { t: number; cold: [number, number, number]; envs: [number, number, number] }[];
  latestEstimates: Estimates | null;
  bookmarks: Bookmark[];
}

export const useWb = create<WorkbenchState>(() => ({
  progress: null, trace: null, traceAtLoad: -1, compare: null, compareNames: { a: 'A', b: 'B' }, sweep: null, estimates: [], latestEstimates: null, bookmarks: [],
}));

export function onWorkbenchProgress(m: Extract<WorkbenchFromWorker, { type: 'wb.progress' }>): void {
  useWb.setState({ progress: { job: m.job, fraction: m.fraction, text: m.text } });
}
