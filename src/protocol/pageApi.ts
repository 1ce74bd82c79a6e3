import type { Arrival, InvokeMode, Summary } from '../core/index';
import type { RunExport } from './messages';
import type { SeriesName } from './series';

/**
 * `window.lambdaSim` (CONTRACTS.md §4): types only, shared by the page and its tests.
 * Promise-based where the worker is involved.
 */
export interface LambdaSimPageApi {
  load(scenario: object | string): Promise<void>;
  play(): void;
  pause(): void;
  step(): Promise<void>;
  stepToInteresting(): Promise<void>;
  /** One event back (time travel): the state just before the last event. */
  stepBack(): Promise<void>;
  setSpeed(x: number): void;
  seek(timeMs: number): Promise<void>;
  invoke(req: { function: string; mode?: InvokeMode; count?: number; tenantId?: string }): Promise<void>;
  snapshot(): Promise<Snapshot>;
  frameStats(): { frames: number; medianMs: number; p95Ms: number };
  /** The page's load generator: requests arriving by `arrival` from now on, or none (null). */
  setLiveLoad(entry: { function: string; mode?: InvokeMode; arrival: Arrival } | null): Promise<void>;
  /** What the "Run JSON" export saves: scenario, seed, inputs, the event log's SHA-256, the summary. */
  exportRun(): Promise<RunExport>;
  /**
   * A time series sampled at fixed simulated intervals (100 ms, coarser as the moment shown
   * grows, at most ~3,000 points), the same whatever path reached the moment. Rates are per
   * simulated second. Names: see SERIES_NAMES in protocol/series.ts.
   */
  series(name: SeriesName): Promise<{ timeMs: number[]; values: number[] }>;
  /** Stops the long operation the worker is running (a seek, a replay, an export). */
  cancel(): void;
}

export interface Snapshot {
  timeMs: number;
  environments: { id: string; function: string; version: string; worker: string; state: string; provisioned: boolean }[];
  workers: { id: string; state: string }[];
  queueDepth: number;
  summary: Summary;
}

declare global {
  interface Window { lambdaSim: LambdaSimPageApi }
}
