import type { InvokeMode } from '../core/scenario/types';
import type { Summary } from '../core/summary';

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
