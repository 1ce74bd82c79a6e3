import { describe, expect, it } from 'vitest';
import { getNextSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { MAPPING_TABLE, eventSourceMappingMachine, mappingNext } from './mappingMachine';

describe('the event source mapping machine', () => {
  it('its derived transition table agrees with XState for every state, event and guard', () => {
    let checked = 0;
    for (const state of MAPPING_TABLE.states) {
      if (MAPPING_TABLE.finalStates.has(state)) continue;
      for (const type of MAPPING_TABLE.events) {
        for (const enabled of [true, false]) {
          const snap = eventSourceMappingMachine.resolveState({ value: state, context: undefined } as never);
          const xstate = getNextSnapshot(eventSourceMappingMachine, snap, { type, enabled } as never).value;
          if (MAPPING_TABLE.transitions[state][type] === undefined) {
            expect(xstate, `${state} + ${type}`).toBe(state);
            expect(() => mappingNext(state, type, { enabled })).toThrow(/not accepted/);
          } else {
            expect(mappingNext(state, type, { enabled }), `${state} + ${type}`).toBe(xstate);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('every state AWS reports (Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting) is reachable', () => {
    const events = ['ENABLE', 'DISABLE', 'UPDATE', 'DELETE'].map((type) => ({ type })).concat([{ type: 'DONE', enabled: true }, { type: 'DONE', enabled: false }] as never[]);
    const reached = new Set(getShortestPaths(eventSourceMappingMachine, { events: events as never }).map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(['Creating', 'Deleted', 'Deleting', 'Disabled', 'Disabling', 'Enabled', 'Enabling', 'Updating']);
  });
});
