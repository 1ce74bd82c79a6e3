import type { EnvironmentState } from '../machines/environmentMachine';
import type { InvocationState } from '../machines/invocationMachine';
import type { InvokeMode } from '../scenario/types';

/**
 * Plain records of the world, keyed by sequential numeric ids (formatted `env-7`,
 * `worker-2`, `inv-42` for people). No methods, no closures: a record can be copied,
 * posted to the UI and compared in tests.
 */
export interface Environment {
  id: number;
  /** Changes every time it enters an idle pool; lets the pool skip stale entries in O(1). */
  poolStamp: number;
  fn: number;               // index into Simulation.functions
  version: string;          // '$LATEST' until versions exist; never serves another version
  worker: number;
  memoryMb: number;
  state: EnvironmentState;
  /** Incremented whenever a scheduled lifecycle event is superseded; stale events are ignored. */
  epoch: number;
  invocation: number;       // the request it is serving or initializing for; 0 = none
  retiring: boolean;        // must not be reused: shut down when the current request ends
  createdAtMs: number;
  /** Init sub-phase boundaries (absolute ms) of the current Init, for views and records. */
  initPlan: { extensionEndMs: number; runtimeEndMs: number; functionEndMs: number; limitMs: number } | null;
  idleSinceMs: number;
  keepAliveDeadlineMs: number;
  keepAliveTimerAtMs: number; // -1 when no keep-alive check is scheduled
  invocationsServed: number;
  lastInvocationEndMs: number;
}

export type WorkerState = 'Active' | 'Draining' | 'Terminated';

export interface Worker {
  id: number;
  state: WorkerState;
  memoryMb: number;
  usedMb: number;
  /** Pre-booted microVMs ready in the MicroManager's pool. */
  pool: number;
  /** Pool refills in progress. */
  booting: number;
  /** Earliest time the next microVM creation may start (≤ microvmCreationsPerSec). */
  nextBootSlotMs: number;
  startedAtMs: number;
  leaseEndMs: number;
  environments: number;     // live environments placed on it
  perFunction: Map<number, number>; // live environments per function (placement spreads them)
}

export type ColdReason =
  | { kind: 'first'; detail: string }
  | { kind: 'all-busy'; busy: number; initializing: number }
  | { kind: 'reclaimed'; env: number; atMs: number; idleSinceMs: number; cause: ReclaimCause };

export type ReclaimCause = 'keep-alive' | 'worker-lease' | 'worker-lost';

export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded';

export type RejectReason = 'ResourceNotFoundException' | 'RequestTooLargeException' | 'InvalidParameterValueException';

/** One execution attempt: a synchronous request (or, later, one poller attempt of an event). */
export interface Invocation {
  id: number;
  fn: number;               // -1 when the function does not exist
  functionName: string;
  mode: InvokeMode;
  state: InvocationState;
  source: number;           // workload index, or -1 for the page / API
  attempt: number;          // client attempt number, 1-based
  maxAttempts: number;      // the caller's attempts in all (1 = no client retries)
  payloadBytes: number;
  env: number;              // 0 = none
  worker: number;           // 0 = none
  cold: boolean;
  /** Warm environment that had been reset (timeout/crash): runtime re-initialized in Invoke. */
  reinit: boolean;
  coldReason: ColdReason | null;
  throttleReason: ThrottleReason | null;
  rejectReason: RejectReason | null;
  statusCode: number;       // 0 while in flight
  // Phase timestamps, absolute virtual ms; NaN where the phase did not happen.
  receivedMs: number;
  countedMs: number;
  assignedMs: number;
  placedMs: number;
  microvmReadyMs: number;
  codeReadyMs: number;
  extensionInitEndMs: number;
  runtimeInitEndMs: number;
  functionInitEndMs: number;
  invokeStartMs: number;
  invokeEndMs: number;
  respondedMs: number;
  /** Outcome decided when the handler started, applied when it ends. */
  pendingOutcome: 'SUCCEEDED' | 'FUNCTION_ERROR' | 'TIMED_OUT' | null;
  responseOverheadMs: number;
}

export function newInvocation(id: number, atMs: number, fields: Pick<Invocation, 'fn' | 'functionName' | 'mode' | 'source' | 'attempt' | 'maxAttempts' | 'payloadBytes'>): Invocation {
  return {
    id, ...fields, state: 'Received', env: 0, worker: 0, cold: false, reinit: false,
    coldReason: null, throttleReason: null, rejectReason: null, statusCode: 0,
    receivedMs: atMs, countedMs: NaN, assignedMs: NaN, placedMs: NaN, microvmReadyMs: NaN, codeReadyMs: NaN,
    extensionInitEndMs: NaN, runtimeInitEndMs: NaN, functionInitEndMs: NaN, invokeStartMs: NaN,
    invokeEndMs: NaN, respondedMs: NaN, pendingOutcome: null, responseOverheadMs: 0,
  };
}
