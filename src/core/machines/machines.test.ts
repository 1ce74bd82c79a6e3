import { describe, expect, it } from 'vitest';
import { getNextSnapshot, type AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { asyncEventMachine } from './asyncEventMachine';
import { environmentMachine } from './environmentMachine';
import { invocationMachine } from './invocationMachine';
import { deriveTable, transitionFunction } from './machineTable';
import { ASYNC_EVENT_TABLE, asyncEventNext, ENVIRONMENT_TABLE, environmentNext, INVOCATION_TABLE } from './tables';
import { ASYNC_STATE_CODES, ENVIRONMENT_STATE_CODES, INVOCATION_STATE_CODES } from '../logCodes';

type Flags = { invocationWaiting?: boolean; retiring?: boolean; snapStart?: boolean; retriesLeft?: boolean; hasDestination?: boolean };
const FLAG_VARIANTS: Flags[] = [{}, { invocationWaiting: true }, { retiring: true }, { invocationWaiting: true, retiring: true }, { snapStart: true }, { snapStart: true, invocationWaiting: true }];
const ASYNC_FLAG_VARIANTS: Flags[] = [{}, { retriesLeft: true }, { hasDestination: true }, { retriesLeft: true, hasDestination: true }];

const valueToPath = (v: unknown): string =>
  typeof v === 'string' ? v : Object.entries(v as Record<string, unknown>).map(([k, sub]) => `${k}.${valueToPath(sub)}`)[0];
const pathToValue = (p: string): unknown => {
  const [head, ...rest] = p.split('.');
  return rest.length ? { [head]: pathToValue(rest.join('.')) } : head;
};

/** For every state, event and guard input: the derived table agrees with XState itself. */
function expectTableAgreesWithXState(machine: AnyStateMachine, variants = FLAG_VARIANTS) {
  const table = deriveTable(machine);
  const guards = {
    invocationWaiting: (f: Flags) => f.invocationWaiting === true,
    retiring: (f: Flags) => f.retiring === true,
    snapStart: (f: Flags) => f.snapStart === true,
    retriesLeft: (f: Flags) => f.retriesLeft === true,
    hasDestination: (f: Flags) => f.hasDestination === true,
  };
  const next = transitionFunction<Flags>(table, guards);
  let checked = 0;
  for (const state of table.states) {
    if (table.finalStates.has(state)) continue;
    for (const type of table.events) {
      for (const flags of variants) {
        const snap = machine.resolveState({ value: pathToValue(state), context: undefined } as never);
        const after = getNextSnapshot(machine, snap, { type, ...flags } as never);
        const xstate = valueToPath(after.value);
        const accepted = table.transitions[state][type] !== undefined;
        if (!accepted) {
          expect(xstate, `${state} + ${type}`).toBe(state); // XState ignores it too
          expect(() => next(state, type, flags)).toThrow(/not accepted/);
        } else {
          expect(next(state, type, flags), `${state} + ${type} ${JSON.stringify(flags)}`).toBe(xstate);
          checked++;
        }
      }
    }
  }
  return checked;
}

describe('the execution environment machine', () => {
  it('its derived transition table agrees with XState for every state, event and guard', () => {
    expect(expectTableAgreesWithXState(environmentMachine)).toBeGreaterThan(40);
  });

  it('every state is reachable from Provisioning', () => {
    const events = ['ASSIGN', 'KEEPALIVE_EXPIRED', 'RETIRE', 'SHUTDOWN_DONE', 'WORKER_LOST']
      .map((type) => ({ type }))
      .concat(['PROVISIONED', 'PHASE_DONE', 'INIT_TIMEOUT', 'INIT_FAILED', 'INVOKE_DONE', 'INVOKE_FAILED'].flatMap((type) => FLAG_VARIANTS.map((f) => ({ type, ...f }))));
    const paths = getShortestPaths(environmentMachine, { events: events as never });
    const reached = new Set(paths.map((p) => valueToPath(p.state.value)));
    expect([...reached].sort()).toEqual([...deriveTable(environmentMachine).states].sort());
  });

  it('a cold start walks Provisioning → extension, runtime and function init → Invoking → Idle', () => {
    const t = transitionFunction<Flags>(deriveTable(environmentMachine), { invocationWaiting: (f) => !!f.invocationWaiting, retiring: (f) => !!f.retiring, snapStart: (f) => !!f.snapStart });
    const waiting = { invocationWaiting: true };
    const path = ['Provisioning'];
    for (const e of ['PROVISIONED', 'PHASE_DONE', 'PHASE_DONE', 'PHASE_DONE', 'INVOKE_DONE']) path.push(t(path.at(-1)!, e, waiting));
    expect(path).toEqual(['Provisioning', 'Initializing.ExtensionInit', 'Initializing.RuntimeInit', 'Initializing.FunctionInit', 'Invoking', 'Idle']);
  });

  it('a worker loss terminates the environment from any live state', () => {
    const table = deriveTable(environmentMachine);
    for (const s of table.states) {
      if (table.finalStates.has(s)) continue;
      expect(table.transitions[s].WORKER_LOST?.[0].target).toBe('Terminated');
    }
  });

  it('the log codes name every state of both machines', () => {
    expect([...ENVIRONMENT_STATE_CODES].sort()).toEqual([...deriveTable(environmentMachine).states].sort());
    expect([...INVOCATION_STATE_CODES].sort()).toEqual([...deriveTable(invocationMachine).states].sort());
  });
});

describe('the tables the core executes', () => {
  it('are the tables derived from the machines, and the core’s guards read the records the same way', () => {
    expect(ENVIRONMENT_TABLE).toEqual(deriveTable(environmentMachine));
    expect(INVOCATION_TABLE).toEqual(deriveTable(invocationMachine));
    expect(ASYNC_EVENT_TABLE).toEqual(deriveTable(asyncEventMachine));
    const env = { invocation: 7, retiring: false, snapStart: false };
    expect(environmentNext('Initializing.FunctionInit', 'PHASE_DONE', env as never)).toBe('Invoking');
    expect(environmentNext('Initializing.FunctionInit', 'PHASE_DONE', { ...env, invocation: 0 } as never)).toBe('Idle');
    expect(asyncEventNext('Attempting', 'FUNCTION_ERROR', { retriesLeft: true })).toBe('RetryWait');
    expect(asyncEventNext('Attempting', 'FUNCTION_ERROR', { hasDestination: true })).toBe('DeadLettered');
  });
});

describe('the async-event machine', () => {
  it('its derived transition table agrees with XState for every state, event and guard', () => {
    expect(expectTableAgreesWithXState(asyncEventMachine, ASYNC_FLAG_VARIANTS)).toBeGreaterThan(40);
  });

  it('every state is reachable from Queued, and every event ends Succeeded, DeadLettered or Dropped', () => {
    const table = deriveTable(asyncEventMachine);
    const events = table.events.flatMap((type) => ASYNC_FLAG_VARIANTS.map((f) => ({ type, ...f })));
    const paths = getShortestPaths(asyncEventMachine, { events: events as never });
    const reached = new Set(paths.map((p) => valueToPath(p.state.value)));
    expect([...reached].sort()).toEqual([...table.states].sort());
    expect([...table.finalStates].sort()).toEqual(['DeadLettered', 'Dropped', 'Succeeded']);
  });

  it('the log codes name every state of the machine', () => {
    expect([...ASYNC_STATE_CODES].sort()).toEqual([...deriveTable(asyncEventMachine).states].sort());
  });
});

describe('the invocation machine', () => {
  it('its derived transition table agrees with XState for every state and event', () => {
    expect(expectTableAgreesWithXState(invocationMachine)).toBeGreaterThan(10);
  });

  it('every outcome is a final state reachable from Received', () => {
    const table = deriveTable(invocationMachine);
    const paths = getShortestPaths(invocationMachine, { events: table.events.map((type) => ({ type })) as never });
    const reached = new Set(paths.map((p) => valueToPath(p.state.value)));
    expect([...reached].sort()).toEqual([...table.states].sort());
    expect([...table.finalStates].sort()).toEqual(['DryRunSucceeded', 'FunctionError', 'Rejected', 'ServiceError', 'Succeeded', 'Throttled', 'TimedOut']);
  });
});
