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
  account: number;          // index into scenario.accounts: the customer that owns it, for its whole life
  /** Tenant isolation: the tenant it is dedicated to (index into SimState.tenants.names; 0 = none). */
  tenant: number;
  /** Its Firecracker microVM (ids are never reused: a microVM is never shared or handed on). */
  microvm: number;
  ver: number;              // index into Simulation.versions: it never serves another version
  version: string;          // the qualifier: '$LATEST', '1', '2', …
  revision: number;         // $LATEST's revision when created; older ones are reaped after an update
  provisioned: boolean;     // a provisioned-concurrency environment (initialized ahead of requests)
  snapStart: boolean;       // restores its version's SnapStart snapshot instead of running Init
  worker: number;
  memoryMb: number;
  /** Host memory it takes on its worker: guest memory plus the VMM's overhead. */
  hostMb: number;
  state: EnvironmentState;
  /** When it entered its current state (virtual ms). */
  stateSinceMs: number;
  /** Incremented whenever a scheduled lifecycle event is superseded; stale events are ignored. */
  epoch: number;
  invocation: number;       // the request it is serving or initializing for; 0 = none
  retiring: boolean;        // must not be reused: shut down when the current request ends
  createdAtMs: number;
  /** Init sub-phase boundaries (absolute ms) of the current Init, for views and records. */
  initPlan: { extensionEndMs: number; runtimeEndMs: number; functionEndMs: number; limitMs: number; failsAtMs: number } | null;
  idleSinceMs: number;
  keepAliveDeadlineMs: number;
  keepAliveTimerAtMs: number; // -1 when no keep-alive check is scheduled
  invocationsServed: number;
  lastInvocationEndMs: number;
  /** Initialized with no request waiting, to replace another (proactive initialization). */
  proactive: boolean;
  /** The environment this one replaces (make-before-break), or 0. */
  replaces: number;
  /** The environment replacing this one, initializing now, or 0. */
  replacedBy: number;
  /** When Lambda recycles it (on demand: "every few hours"; provisioned: `provisionedRecycleMs`). */
  recycleAtMs: number;
  /** When its current Init (or Restore) started, for billing (NaN when none). */
  initStartMs: number;
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
  | { kind: 'reclaimed'; env: number; atMs: number; idleSinceMs: number; cause: ReclaimCause }
  | { kind: 'code-updated'; atMs: number; revision: number }
  | { kind: 'provisioned-busy'; provisioned: number }
  /** Tenant isolation: no idle environment of this tenant (`others`: environments of other tenants). */
  | { kind: 'tenant'; tenant: number; others: number };

export type ReclaimCause = 'keep-alive' | 'worker-lease' | 'worker-lost' | 'code-update' | 'provisioned-recycle' | 'function-deleted' | 'provisioned-removed' | 'recycled' | 'replaced';

/** The six reasons AWS gives with a 429 TooManyRequestsException (botocore's enum) [DOC]. */
export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionInvocationRateLimitExceeded'
  | 'CallerRateLimitExceeded'
  | 'ConcurrentSnapshotCreateLimitExceeded';

/** What ran out (services/throttleReasons.ts maps each to its AWS reason, with the source of the mapping). */
export type ThrottleCause =
  | 'account-concurrency' | 'reserved-concurrency' | 'scaling-rate' | 'function-request-rate'
  | 'reserved-request-rate' | 'account-request-rate' | 'provisioned-request-rate' | 'tenant-environments';

/** A 429's details, with the scenario's own numbers, for "why throttled?". */
export interface ThrottleDetail {
  cause: ThrottleCause;
  /** The limit that was reached: units of concurrency, requests per second, or environments. */
  limit: number;
  /** The scaling rate's refill: `limit` new environments per `perMs` (scaling-rate only; else 0). */
  perMs: number;
  /** Retry-After in whole seconds when AWS sends one (rate limits), else 0. */
  retryAfterSeconds: number;
}

export type RejectReason =
  | 'ResourceNotFoundException' | 'RequestTooLargeException' | 'InvalidParameterValueException' | 'ResourceConflictException';

export type ServiceErrorReason = 'ServiceException' | 'WorkerLost';

/** One execution attempt: a synchronous request (or, later, one poller attempt of an event). */
export interface Invocation {
  id: number;
  fn: number;               // -1 when the function does not exist
  ver: number;              // -1 until the qualifier is resolved
  functionName: string;     // as requested, possibly with a qualifier ('hello:live')
  version: string;          // the version that ran ('$LATEST', '3'); '' until resolved
  mode: InvokeMode;
  state: InvocationState;
  source: number;           // workload index, or -1 for the page / API
  attempt: number;          // client attempt number, 1-based
  maxAttempts: number;      // the caller's attempts in all (1 = no client retries)
  payloadBytes: number;
  env: number;              // 0 = none
  worker: number;           // 0 = none
  cold: boolean;
  /** Served by a provisioned-concurrency environment (initialized ahead of time). */
  provisioned: boolean;
  /** SnapStart: the new environment restored from a snapshot instead of running Init. */
  restored: boolean;
  /** The queued event this attempt delivers (Event mode, via a poller); 0 for direct requests. */
  asyncEvent: number;
  /** A duplicate delivery of that event (at-least-once): its outcome does not change the event. */
  duplicate: boolean;
  /** The event source mapping's batch this invocation delivers (0: none). */
  batch: number;
  /** Warm environment that had been reset (timeout/crash): runtime re-initialized in Invoke. */
  reinit: boolean;
  coldReason: ColdReason | null;
  throttleReason: ThrottleReason | null;
  throttle: ThrottleDetail | null;
  /** Tenant isolation: the tenant id the request carries (index into SimState.tenants.names; 0 = none). */
  tenant: number;
  rejectReason: RejectReason | null;
  serviceErrorReason: ServiceErrorReason | null;
  statusCode: number;       // 0 while in flight
  // Phase timestamps, absolute virtual ms; NaN where the phase did not happen.
  /** Async attempts: when the event became visible on the queue for this attempt. */
  queuedSinceMs: number;
  receivedMs: number;
  countedMs: number;
  assignedMs: number;
  placedMs: number;
  /**
   * When the microVM's boot began, for a cold start that found the worker's pre-booted pool
   * empty (NaN when it came from the pool). From `placedMs` to here the request waited for a
   * microVM-creation slot (≤ microvmCreationsPerSec per worker); from here to `microvmReadyMs`
   * the microVM booted.
   */
  microvmBootStartMs: number;
  microvmReadyMs: number;
  codeReadyMs: number;
  extensionInitEndMs: number;
  runtimeInitEndMs: number;
  functionInitEndMs: number;
  /** SnapStart Restore phase end (instead of the three Init sub-phases). */
  restoreEndMs: number;
  invokeStartMs: number;
  invokeEndMs: number;
  respondedMs: number;
  /** Outcome decided when the handler started, applied when it ends. */
  pendingOutcome: 'SUCCEEDED' | 'FUNCTION_ERROR' | 'TIMED_OUT' | null;
  /** Whether the client holds requests while the invoke service is unavailable, then sends them. */
  queueDuringOutage: boolean;
  responseOverheadMs: number;
  /** Handler duration given by a replayed trace (ms), or NaN: the function's distribution decides. */
  traceDurationMs: number;
}

/**
 * A new invocation record. One object literal with every field (no spread), so V8 gives all
 * invocations one fast hidden class: this runs for every request.
 */
export function newInvocation(id: number, atMs: number, f: Pick<Invocation, 'fn' | 'functionName' | 'mode' | 'source' | 'attempt' | 'maxAttempts' | 'payloadBytes' | 'asyncEvent' | 'duplicate' | 'queueDuringOutage' | 'tenant'>): Invocation {
  return {
    id, fn: f.fn, ver: -1, functionName: f.functionName, version: '', mode: f.mode, state: 'Received', source: f.source,
    attempt: f.attempt, maxAttempts: f.maxAttempts, payloadBytes: f.payloadBytes, env: 0, worker: 0, cold: false,
    provisioned: false, restored: false, asyncEvent: f.asyncEvent, duplicate: f.duplicate, reinit: false,
    coldReason: null, throttleReason: null, throttle: null, tenant: f.tenant, batch: 0, rejectReason: null, serviceErrorReason: null, statusCode: 0,
    queuedSinceMs: NaN, receivedMs: atMs, countedMs: NaN, assignedMs: NaN, placedMs: NaN, microvmBootStartMs: NaN, microvmReadyMs: NaN, codeReadyMs: NaN,
    extensionInitEndMs: NaN, runtimeInitEndMs: NaN, functionInitEndMs: NaN, restoreEndMs: NaN, invokeStartMs: NaN,
    invokeEndMs: NaN, respondedMs: NaN, pendingOutcome: null, queueDuringOutage: f.queueDuringOutage, responseOverheadMs: 0, traceDurationMs: NaN,
  };
}
