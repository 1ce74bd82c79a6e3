import type { EnvironmentState } from './machines/environmentMachine';
import type { InvocationState } from './machines/invocationMachine';
import type { AsyncEventState } from './machines/asyncEventMachine';

/**
 * Numeric codes of event-log records. They are part of the log's hash: append new codes,
 * never renumber (a renumbering changes every saved hash).
 */
export const LOG = {
  /** a = invocation, b = function index (or 0xffffffff when unknown), c = attempt */
  REQUEST_RECEIVED: 1,
  /** a = worker, b = 0 */
  WORKER_ADDED: 2,
  WORKER_DRAINING: 3,
  WORKER_TERMINATED: 4,
  /** a = worker, b = pool size after */
  MICROVM_BOOTED: 5,
  /** a = environment, b = state code, c = invocation (0 = none) */
  ENVIRONMENT_STATE: 100,
  /** a = invocation, b = outcome code, c = environment */
  INVOCATION_OUTCOME: 200,
  /** a = queued event, b = async state code, c = invocation (0 = none) */
  ASYNC_EVENT_STATE: 300,
  /** a = control-plane call index, b = 1 ok / 0 error, c = function index */
  CONTROL_PLANE_CALL: 400,
  /** a = fault index, b = 1 start / 0 end, c = subject (worker) */
  FAULT: 500,
  /** Event source mappings. a = source index, b = mapping state code (MAPPING_STATE_CODES) */
  ESM_STATE: 600,
  /** a = batch id, b = BATCH_EVENT code, c = messages */
  ESM_BATCH: 601,
  /** a = source index, b = concurrent batches now, c = limit */
  ESM_SCALE: 602,
  /** a = source index, b = messages, c = 0 the queue's DLQ / 1 the on-failure destination */
  ESM_DLQ: 603,
  /** a = source index, b = messages past the retention period */
  ESM_EXPIRED: 604,
  /** a = source index, b = messages stopped, c = the recursion limit */
  ESM_RECURSION: 605,
  /** Proactive Init: a = the new environment, b = the one it replaces, c = why (PROACTIVE_WHY) */
  PROACTIVE_INIT: 101,
  /** A replacement took over: a = the new environment, b = the one retired */
  REPLACED: 102,
  /** The async poller fleet grew: a = pollers now */
  POLLER_ADDED: 301,
  /** An event reached the DLQ (b = 1) or the on-failure destination (b = 2): a = event, c = invocation */
  ASYNC_DELIVERED: 302,
  /** 429 from the control plane: a = call index, b = function index */
  CONTROL_PLANE_THROTTLED: 401,
} as const;

/** Why a proactive Init started (LOG.PROACTIVE_INIT's c). */
export const PROACTIVE_WHY = { lease: 1, recycle: 2 } as const;

export const ENVIRONMENT_STATE_CODES: readonly EnvironmentState[] = [
  'Provisioning', 'Initializing.ExtensionInit', 'Initializing.RuntimeInit', 'Initializing.FunctionInit',
  'InitRetry', 'Idle', 'Invoking', 'Reset', 'ShuttingDown', 'Terminated', 'Restoring',
];

export const INVOCATION_STATE_CODES: readonly InvocationState[] = [
  'Received', 'Assigning', 'WaitingForInit', 'Invoking', 'Succeeded', 'FunctionError', 'TimedOut',
  'Throttled', 'Rejected', 'DryRunSucceeded', 'ServiceError',
];

export const ENV_STATE_CODE = Object.fromEntries(ENVIRONMENT_STATE_CODES.map((s, i) => [s, i])) as Record<EnvironmentState, number>;
export const INV_STATE_CODE = Object.fromEntries(INVOCATION_STATE_CODES.map((s, i) => [s, i])) as Record<InvocationState, number>;

export const ASYNC_STATE_CODES: readonly AsyncEventState[] = ['Queued', 'Attempting', 'RetryWait', 'Backoff', 'Succeeded', 'DeadLettered', 'Dropped'];
export const ASYNC_STATE_CODE = Object.fromEntries(ASYNC_STATE_CODES.map((s, i) => [s, i])) as Record<AsyncEventState, number>;
