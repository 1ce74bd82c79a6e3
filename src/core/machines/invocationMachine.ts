import { setup } from 'xstate';

/**
 * One synchronous request's path through the data plane (RequestResponse and DryRun), as in
 * lambda-facts.md §1.2: Frontend Invoke → Counting → Assignment (→ Placement, Init) → Invoke
 * → response. Every request ends in exactly one final state, which is its outcome.
 */
export type InvocationEvent =
  | { type: 'REJECT' }          // Frontend validation: 4xx (ResourceNotFound, RequestTooLarge, …)
  | { type: 'DRY_RUN' }         // DryRun: parameters and permissions only, 204
  | { type: 'THROTTLE' }        // 429 TooManyRequestsException
  | { type: 'COUNTED' }         // Counting service granted a concurrency unit
  | { type: 'WARM' }            // Assignment found an idle environment of this version
  | { type: 'COLD' }            // no idle environment: Placement creates one
  | { type: 'INIT_DONE' }       // the new environment finished Init
  | { type: 'SUCCEEDED' }       // 200
  | { type: 'FUNCTION_ERROR' }  // 200 with X-Amz-Function-Error
  | { type: 'TIMED_OUT' }       // 200 with X-Amz-Function-Error: the function timed out
  | { type: 'SERVICE_ERROR' };  // 5xx: the worker was lost, or the service is unavailable

export const invocationMachine = setup({
  types: { events: {} as InvocationEvent },
}).createMachine({
  id: 'invocation',
  initial: 'Received',
  states: {
    Received: {
      description: 'At the Frontend Invoke service: authenticate, validate, load configuration.',
      on: { REJECT: 'Rejected', DRY_RUN: 'DryRunSucceeded', THROTTLE: 'Throttled', COUNTED: 'Assigning', SERVICE_ERROR: 'ServiceError' },
    },
    Assigning: {
      description: 'The Assignment service looks for an idle environment of this exact version.',
      on: { WARM: 'Invoking', COLD: 'WaitingForInit', THROTTLE: 'Throttled' },
    },
    WaitingForInit: {
      description: 'Cold start: placement, microVM, code download, Init.',
      // Init retried inside Invoke can time out, or throw again (Runtime.InitError: a function error).
      on: { INIT_DONE: 'Invoking', TIMED_OUT: 'TimedOut', FUNCTION_ERROR: 'FunctionError', SERVICE_ERROR: 'ServiceError' },
    },
    Invoking: {
      on: { SUCCEEDED: 'Succeeded', FUNCTION_ERROR: 'FunctionError', TIMED_OUT: 'TimedOut', SERVICE_ERROR: 'ServiceError' },
    },
    Succeeded: { type: 'final' },
    FunctionError: { type: 'final' },
    TimedOut: { type: 'final' },
    Throttled: { type: 'final' },
    Rejected: { type: 'final' },
    DryRunSucceeded: { type: 'final' },
    ServiceError: { type: 'final' },
  },
});

export type InvocationState =
  | 'Received' | 'Assigning' | 'WaitingForInit' | 'Invoking'
  | 'Succeeded' | 'FunctionError' | 'TimedOut' | 'Throttled' | 'Rejected' | 'DryRunSucceeded' | 'ServiceError';
