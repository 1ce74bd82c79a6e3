import type { InvokeMode } from './scenario/types';

/**
 * Everything that can be scheduled, as plain data (never closures), so the future event
 * list can be inspected, checkpointed and hashed. Handlers switch on `type` exhaustively.
 */
export type EnvironmentSignal = 'PROVISIONED' | 'PHASE_DONE' | 'INIT_TIMEOUT' | 'INIT_FAILED' | 'INVOKE_END' | 'SHUTDOWN_DONE';

export type SimEvent =
  /** The next arrival of workload entry `source` (generated lazily, one at a time). */
  | { type: 'workload.arrival'; source: number }
  /** A single request reaching the Frontend Invoke service: from the page, the API or a client retry. */
  | {
      type: 'invoke.request'; functionName: string; mode: InvokeMode; payloadBytes: number; source: number;
      attempt: number; maxAttempts: number; queueDuringOutage: boolean;
      /** A poller's attempt at queued event `asyncEvent` (0 for a client's request). */
      asyncEvent: number;
      /** An extra delivery of an event the queue already delivered (at-least-once). */
      duplicate: boolean;
      /** Tenant isolation: the tenant id it carries (SimState.tenants index; 0 = none). */
      tenant: number;
      /** An event source mapping's batch this invocation delivers (eventSources/batches.ts); absent or 0 otherwise. */
      batch?: number;
      /** Handler duration from a replayed trace (ms); absent: the function's distribution. */
      durationMs?: number;
    }
  /** The next settled arrival of the replayed trace (traces/traceArrivals.ts); one pending at a time. */
  | { type: 'trace.arrival' }
  /** A queued event's retry delay or backoff is over, or its maximum age has passed. */
  | { type: 'async.wake'; event: number; epoch: number }
  /** A poller's request to the queue returns a batch. */
  | { type: 'poller.poll'; poller: number }
  /** A control-plane call from the scenario's timeline (index into controlPlane). */
  | { type: 'control.call'; index: number }
  /** An asynchronous control-plane operation completes (function ready, update done, PC allocated). */
  | { type: 'control.complete'; fn: number; ver: number; operation: 'create' | 'update' | 'publish' | 'provision'; token: number }
  /** A fault from the scenario starts or ends (index into faults). */
  | { type: 'fault.start'; index: number }
  | { type: 'fault.end'; index: number }
  /** The next arrival of the live load generator of generation `gen` (stale if replaced). */
  | { type: 'live.arrival'; gen: number }
  /** A timed step of an environment's lifecycle; ignored if `epoch` is stale. */
  | { type: 'environment.advance'; env: number; epoch: number; signal: EnvironmentSignal }
  /** Keep-alive check of an idle environment (one pending per environment). */
  | { type: 'environment.keepalive'; env: number }
  /** The MicroManager finished booting a microVM into its pre-booted pool. */
  | { type: 'microvm.booted'; worker: number }
  /** Near the end of its lease a worker stops taking placements and drains. */
  | { type: 'worker.drain'; worker: number }
  /** Lease over: whatever still runs on the worker is terminated with it. */
  | { type: 'worker.lease-end'; worker: number }
  /**
   * Event source mappings (eventSources/dispatch.ts): a source's tick, a long-polling wake-up,
   * a receive returning, a batch's timer (window, backoff, read), its visibility timeout, or a
   * mapping's state change completing. `id`: source index (tick, wake, receive, control,
   * visibility) or batch id (invoke); `epoch` makes superseded ones stale.
   */
  | { type: 'esm'; kind: 'tick' | 'wake' | 'receive' | 'invoke' | 'visibility' | 'control'; id: number; epoch: number };

/** Same-time ordering: completions free environments before new requests look for one. */
export const PRIORITY: Record<SimEvent['type'], number> = {
  'environment.advance': 0,
  'microvm.booted': 1,
  'environment.keepalive': 2,
  'worker.drain': 3,
  'worker.lease-end': 3,
  'control.complete': 3,
  'control.call': 3,
  'fault.start': 3,
  'fault.end': 3,
  'async.wake': 4,
  'poller.poll': 4,
  'invoke.request': 4,
  'workload.arrival': 4,
  'live.arrival': 4,
  esm: 4,
  // Unique: a trace arrival's place among same-time events never depends on when the
  // host fed the rows that settled it (traces/source.ts).
  'trace.arrival': 5,
};
