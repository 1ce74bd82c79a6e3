import type { SimEvent } from './events';
import type { FunctionRuntime } from './model/functionRuntime';
import type { SimState } from './model/simState';
import type { Invocation } from './model/records';

/**
 * What a service sees of the simulation: the state (plain data, read and written directly)
 * and the few operations that touch things derived from it. Services depend on this leaf
 * interface, never on `Simulation`, so the core has no import cycles; the Simulation is the
 * one implementation and its dispatcher the only caller of event handlers.
 */
export interface SimContext {
  /** The whole world as data (see model/simState.ts). */
  readonly state: SimState;
  /** Puts an event (data, never a closure) on the future event list. */
  schedule(atMs: number, event: SimEvent): void;
  /** Appends an event-log record at the current time (codes in logCodes.ts). */
  record(code: number, a: number, b: number, c: number): void;
  /** The named random stream's index in `state.streams`, creating the stream on first use. */
  stream(name: string): number;
  /** The function currently known by this name (a deleted and re-created name: the newest). */
  functionNamed(name: string): FunctionRuntime | undefined;
  /** An observer of completed invocations, if the host asked for one (not state: never copied). */
  readonly invocationDone?: (inv: Invocation) => void;
}
