import { setup } from 'xstate';

/**
 * The execution environment's lifecycle: the single definition of its states and
 * transitions (reference/lambda-facts.md §2). The core follows it through a table derived
 * from this definition (machineTable.ts); the UI draws it; tests walk it.
 *
 * The machine describes and never acts: no timers, no I/O. Durations live in the core,
 * which sends the events below when virtual time says so.
 *
 * Guards read flags that the sender puts on the event, so the machine stays pure:
 * - `invocationWaiting`: a request is attached to this environment (a cold start, not a
 *   provisioned or proactive init).
 * - `retiring`: the environment must not be reused (worker lease ending, code updated).
 * - `snapStart`: the version uses SnapStart, so a new environment restores a snapshot.
 */
export type EnvironmentEvent =
  | { type: 'PROVISIONED'; snapStart?: boolean } // microVM ready and code (or snapshot) in place
  | { type: 'PHASE_DONE'; invocationWaiting?: boolean; retiring?: boolean } // an Init sub-phase finished
  | { type: 'INIT_TIMEOUT'; invocationWaiting?: boolean; retiring?: boolean }
  | { type: 'INIT_FAILED'; invocationWaiting?: boolean; retiring?: boolean } // Init threw // Init passed its limit (10 s on demand)
  | { type: 'ASSIGN' }                      // the Assignment service hands it a request
  | { type: 'INVOKE_DONE'; retiring?: boolean } // handler returned (success or function error)
  | { type: 'INVOKE_FAILED'; retiring?: boolean } // timeout, crash or OOM: runtime is reset
  | { type: 'KEEPALIVE_EXPIRED' }           // idle longer than its keep-alive
  | { type: 'RETIRE' }                      // reaped: lease drain, code update, rebalancing
  | { type: 'SHUTDOWN_DONE' }
  | { type: 'WORKER_LOST' };                // the worker vanished under it

/** Where an abandoned Init leads: retried at the waiting request's invoke, shut down if retiring, else reset. */
const INIT_ABANDONED = [
  { target: 'InitRetry', guard: 'invocationWaiting' },
  { target: 'ShuttingDown', guard: 'retiring' },
  { target: 'Reset' },
] as const;

export const environmentMachine = setup({
  types: { events: {} as EnvironmentEvent },
  guards: {
    invocationWaiting: ({ event }) => 'invocationWaiting' in event && event.invocationWaiting === true,
    retiring: ({ event }) => 'retiring' in event && event.retiring === true,
    snapStart: ({ event }) => 'snapStart' in event && event.snapStart === true,
  },
}).createMachine({
  id: 'environment',
  initial: 'Provisioning',
  on: { WORKER_LOST: '.Terminated' },
  states: {
    Provisioning: {
      description: 'Placement chose a worker; the MicroManager takes a pre-booted microVM (or boots one) and the code is downloaded.',
      on: { PROVISIONED: [{ target: 'Restoring', guard: 'snapStart' }, { target: 'Initializing' }] },
    },
    Restoring: {
      description: 'SnapStart Restore phase: resume the Firecracker snapshot taken at PublishVersion, run after-restore hooks.',
      on: {
        PHASE_DONE: [
          { target: 'Invoking', guard: 'invocationWaiting' },
          { target: 'ShuttingDown', guard: 'retiring' },
          { target: 'Idle' },
        ],
      },
    },
    Initializing: {
      description: 'Init phase: extension init, runtime init, function init. Limit 10 s on demand.',
      initial: 'ExtensionInit',
      on: {
        // Timed out or threw: the same way out — Init is retried inside Invoke if a request waits.
        INIT_TIMEOUT: INIT_ABANDONED,
        INIT_FAILED: INIT_ABANDONED,
      },
      states: {
        ExtensionInit: { on: { PHASE_DONE: 'RuntimeInit' } },
        RuntimeInit: { on: { PHASE_DONE: 'FunctionInit' } },
        FunctionInit: {
          on: {
            PHASE_DONE: [
              { target: '#environment.Invoking', guard: 'invocationWaiting' },
              { target: '#environment.ShuttingDown', guard: 'retiring' },
              { target: '#environment.Idle' },
            ],
          },
        },
      },
    },
    InitRetry: {
      description: 'Init runs inside the Invoke phase, bounded by the function timeout: the retry after an Init timeout, or the re-init after a reset.',
      on: {
        PHASE_DONE: 'Invoking',
        INVOKE_FAILED: [{ target: 'ShuttingDown', guard: 'retiring' }, { target: 'Reset' }],
      },
    },
    Idle: {
      description: 'Frozen between invocations: holds memory, uses no CPU, not billed.',
      on: { ASSIGN: 'Invoking', KEEPALIVE_EXPIRED: 'ShuttingDown', RETIRE: 'ShuttingDown' },
    },
    Invoking: {
      description: 'Invoke phase: one request at a time.',
      on: {
        INVOKE_DONE: [{ target: 'ShuttingDown', guard: 'retiring' }, { target: 'Idle' }],
        INVOKE_FAILED: [{ target: 'ShuttingDown', guard: 'retiring' }, { target: 'Reset' }],
      },
    },
    Reset: {
      description: 'After a timeout or crash: idle, but runtime and extensions re-initialize with the next invoke.',
      on: { ASSIGN: 'InitRetry', KEEPALIVE_EXPIRED: 'ShuttingDown', RETIRE: 'ShuttingDown' },
    },
    ShuttingDown: {
      description: 'Shutdown phase: SHUTDOWN event to extensions, up to 2 s with external extensions.',
      on: { SHUTDOWN_DONE: 'Terminated' },
    },
    Terminated: { type: 'final' },
  },
});

export type EnvironmentState =
  | 'Provisioning'
  | 'Restoring'
  | 'Initializing.ExtensionInit'
  | 'Initializing.RuntimeInit'
  | 'Initializing.FunctionInit'
  | 'InitRetry'
  | 'Idle'
  | 'Invoking'
  | 'Reset'
  | 'ShuttingDown'
  | 'Terminated';
