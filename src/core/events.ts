import type { InvokeMode } from './scenario/types';

/**
 * Everything that can be scheduled, as plain data (never closures), so the future event
 * list can be inspected, checkpointed and hashed. Handlers switch on `type` exhaustively.
 */
export type EnvironmentSignal = 'PROVISIONED' | 'PHASE_DONE' | 'INIT_TIMEOUT' | 'INVOKE_END' | 'SHUTDOWN_DONE';

export type SimEvent =
  /** The next arrival of workload entry `source` (generated lazily, one at a time). */
  | { type: 'workload.arrival'; source: number }
  /** A single request reaching the Frontend Invoke service: from the page, the API or a client retry. */
  | { type: 'invoke.request'; functionName: string; mode: InvokeMode; payloadBytes: number; source: number; attempt: number; maxAttempts: number }
  /** A timed step of an environment's lifecycle; ignored if `epoch` is stale. */
  | { type: 'environment.advance'; env: number; epoch: number; signal: EnvironmentSignal }
  /** Keep-alive check of an idle environment (one pending per environment). */
  | { type: 'environment.keepalive'; env: number }
  /** The MicroManager finished booting a microVM into its pre-booted pool. */
  | { type: 'microvm.booted'; worker: number }
  /** Near the end of its lease a worker stops taking placements and drains. */
  | { type: 'worker.drain'; worker: number }
  /** Lease over: whatever still runs on the worker is terminated with it. */
  | { type: 'worker.lease-end'; worker: number };

/** Same-time ordering: completions free environments before new requests look for one. */
export const PRIORITY: Record<SimEvent['type'], number> = {
  'environment.advance': 0,
  'microvm.booted': 1,
  'environment.keepalive': 2,
  'worker.drain': 3,
  'worker.lease-end': 3,
  'invoke.request': 4,
  'workload.arrival': 4,
};
