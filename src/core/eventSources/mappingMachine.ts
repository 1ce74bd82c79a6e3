import { setup } from 'xstate';
import { deriveTable, transitionFunction } from '../machines/machineTable';

/**
 * An event source mapping's states, as GetEventSourceMapping reports them: Creating,
 * Enabling, Enabled, Disabling, Disabled, Updating, Deleting [DOC API_EventSourceMappingConfiguration].
 * A call the current state does not accept is refused (ResourceInUseException). Pollers read
 * the source only while Enabled or Updating; in-flight batches finish whatever the state.
 *
 * Guard `enabled` reads the flag the core puts on DONE: whether the configuration the
 * mapping ends up with is enabled.
 */
export type MappingEvent =
  | { type: 'CREATED' }
  | { type: 'ENABLE' }
  | { type: 'DISABLE' }
  | { type: 'UPDATE' }
  | { type: 'DONE'; enabled?: boolean }
  | { type: 'DELETE' };

export const eventSourceMappingMachine = setup({
  types: { events: {} as MappingEvent },
  guards: { enabled: ({ event }) => 'enabled' in event && event.enabled === true },
}).createMachine({
  id: 'eventSourceMapping',
  initial: 'Creating',
  states: {
    Creating: {
      description: 'CreateEventSourceMapping accepted; pollers are being set up.',
      on: { DONE: [{ target: 'Enabled', guard: 'enabled' }, { target: 'Disabled' }] },
    },
    Enabling: { description: 'Pollers start again.', on: { DONE: 'Enabled' } },
    Enabled: {
      description: 'Pollers read the queue or stream and invoke the function.',
      on: { DISABLE: 'Disabling', UPDATE: 'Updating', DELETE: 'Deleting' },
    },
    Updating: {
      description: 'A configuration change is being applied; polling goes on with the old one.',
      on: { DONE: [{ target: 'Enabled', guard: 'enabled' }, { target: 'Disabled' }] },
    },
    Disabling: { description: 'Pollers stop; batches in flight finish.', on: { DONE: 'Disabled' } },
    Disabled: {
      description: 'No polling: messages wait in the queue, records in the stream.',
      on: { ENABLE: 'Enabling', UPDATE: 'Updating', DELETE: 'Deleting' },
    },
    Deleting: { description: 'DeleteEventSourceMapping accepted.', on: { DONE: 'Deleted' } },
    Deleted: { type: 'final', description: 'The mapping is gone; the queue or stream stays.' },
  },
});

export type MappingState = 'Creating' | 'Enabling' | 'Enabled' | 'Updating' | 'Disabling' | 'Disabled' | 'Deleting' | 'Deleted';

export const MAPPING_TABLE = deriveTable(eventSourceMappingMachine);

export const mappingNext = transitionFunction<{ enabled: boolean }>(MAPPING_TABLE, { enabled: (c) => c.enabled });

/** Whether the mapping accepts `event` now (the control plane answers ResourceInUseException otherwise). */
export function mappingAccepts(state: MappingState, event: MappingEvent['type']): boolean {
  return MAPPING_TABLE.transitions[state]?.[event] !== undefined;
}

export const MAPPING_STATE_CODES: readonly MappingState[] = ['Creating', 'Enabling', 'Enabled', 'Updating', 'Disabling', 'Disabled', 'Deleting', 'Deleted'];

/** Pollers read the source in these states. */
export const polls = (state: MappingState) => state === 'Enabled' || state === 'Updating';
