import { setup } from 'xstate';

/**
 * An Event-mode invocation's life on Lambda's internal queue (lambda-facts.md §1.3, §4.5):
 * accepted with 202, polled in batches, attempted through the synchronous path; function
 * errors retried up to `maximumRetryAttempts` (about 1 min, then 2 min apart); throttles and
 * service errors sent back with exponential backoff (1 s → 5 min) until the maximum event
 * age; then the on-failure destination / DLQ, or dropped. Reserved concurrency 0 sends an
 * event straight to the destination, without retries.
 *
 * Guards read flags the core puts on the event: `retriesLeft`, `hasDestination`.
 */
export type AsyncEventEvent =
  | { type: 'POLLED' }
  | { type: 'SUCCEEDED' }
  | { type: 'FUNCTION_ERROR'; retriesLeft?: boolean; hasDestination?: boolean }
  | { type: 'THROTTLED' }
  | { type: 'SERVICE_ERROR' }
  | { type: 'UNDELIVERABLE'; hasDestination?: boolean } // reserved concurrency 0, or the function is gone
  | { type: 'VISIBLE' }
  | { type: 'EXPIRED'; hasDestination?: boolean };

export const asyncEventMachine = setup({
  types: { events: {} as AsyncEventEvent },
  guards: {
    retriesLeft: ({ event }) => 'retriesLeft' in event && event.retriesLeft === true,
    hasDestination: ({ event }) => 'hasDestination' in event && event.hasDestination === true,
  },
}).createMachine({
  id: 'asyncEvent',
  initial: 'Queued',
  states: {
    Queued: {
      description: 'Visible on the internal queue, waiting for a poller.',
      on: {
        POLLED: 'Attempting',
        EXPIRED: [{ target: 'DeadLettered', guard: 'hasDestination' }, { target: 'Dropped' }],
      },
    },
    Attempting: {
      description: 'A poller invokes the function through the synchronous path.',
      on: {
        SUCCEEDED: 'Succeeded',
        FUNCTION_ERROR: [
          { target: 'RetryWait', guard: 'retriesLeft' },
          { target: 'DeadLettered', guard: 'hasDestination' },
          { target: 'Dropped' },
        ],
        THROTTLED: 'Backoff',
        SERVICE_ERROR: 'Backoff',
        UNDELIVERABLE: [{ target: 'DeadLettered', guard: 'hasDestination' }, { target: 'Dropped' }],
      },
    },
    RetryWait: {
      description: 'After a function error: about 1 minute before the first retry, 2 before the second.',
      on: { VISIBLE: 'Queued', EXPIRED: [{ target: 'DeadLettered', guard: 'hasDestination' }, { target: 'Dropped' }] },
    },
    Backoff: {
      description: 'After a throttle or service error: back on the queue after 1 s, 2 s, 4 s … up to 5 min.',
      on: { VISIBLE: 'Queued', EXPIRED: [{ target: 'DeadLettered', guard: 'hasDestination' }, { target: 'Dropped' }] },
    },
    Succeeded: { type: 'final' },
    DeadLettered: { type: 'final', description: 'Sent to the on-failure destination or dead-letter queue.' },
    Dropped: { type: 'final', description: 'Discarded: no destination configured.' },
  },
});

export type AsyncEventState = 'Queued' | 'Attempting' | 'RetryWait' | 'Backoff' | 'Succeeded' | 'DeadLettered' | 'Dropped';
