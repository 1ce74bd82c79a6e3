import type { Environment, Invocation } from '../model/records';
import { asyncEventMachine } from './asyncEventMachine';
import { environmentMachine } from './environmentMachine';
import { invocationMachine } from './invocationMachine';
import { deriveTable, transitionFunction } from './machineTable';

/**
 * The transition tables the core executes, derived once from the machine definitions (see
 * machineTable.ts), and the hot-path `next` functions over them. Derived and immutable: the
 * same for every simulation, never part of its state.
 */
export const ENVIRONMENT_TABLE = deriveTable(environmentMachine);
export const INVOCATION_TABLE = deriveTable(invocationMachine);
export const ASYNC_EVENT_TABLE = deriveTable(asyncEventMachine);

export const environmentNext = transitionFunction<Environment>(ENVIRONMENT_TABLE, {
  invocationWaiting: (env) => env.invocation !== 0,
  retiring: (env) => env.retiring,
  snapStart: (env) => env.snapStart,
});

export const invocationNext = transitionFunction<Invocation>(INVOCATION_TABLE, {});

/** Flags the core puts on an async-event transition (the machine's guards read them). */
export type AsyncEventFlags = { retriesLeft?: boolean; hasDestination?: boolean };

export const asyncEventNext = transitionFunction<AsyncEventFlags>(ASYNC_EVENT_TABLE, {
  retriesLeft: (f) => f.retriesLeft === true,
  hasDestination: (f) => f.hasDestination === true,
});
