import type { Input } from '../../worker/session';

/**
 * A fuzz case: a scenario (raw JSON, as a user would write it) and a script of what a user
 * does to the run. Every path through the script must reach the same moments in the same
 * state as the straight run.
 *
 * Moves that every path makes (the straight run too): `run` to a time, `steps` of single
 * events, `stepBackOn` (the straight run steps `on` events; the travelling path steps `back`
 * events back first, then `back + on` forward), user `input`s, and `fork` (an input; the
 * travelling path first runs ahead, applies a doomed input, seeks back, and then applies the
 * input, which forks the doomed one away). Excursions that only the
 * time-travelling path makes, each of which must come back to exactly the moment it left:
 * `seekBack` (to a time, then forward again), `stepBack` (k events back, then forward
 * again), `recover` (a crash: a new session rebuilt from the recorded inputs) and `snapshot`
 * (the core's snapshot/restore, when it has one). An excursion that cannot come back
 * exactly through the Session's API (a seek lands after every event of its instant) is
 * skipped at moments where events are pending at the current instant.
 */
export type Step =
  | { do: 'run'; toMs: number }
  | { do: 'steps'; events: number }
  | { do: 'stepBackOn'; back: number; on: number }
  | { do: 'input'; input: Input }
  | { do: 'seekBack'; toMs: number }
  | { do: 'stepBack'; events: number }
  | { do: 'fork'; afterMs: number; doomed: Input; input: Input }
  | { do: 'recover' }
  | { do: 'snapshot' };

export interface FuzzCase {
  scenario: Record<string, unknown>;
  script: Step[];
  /** Checkpoint spacing (events) of the travelling session: small, so that seeks restore checkpoints. */
  checkpointEvery?: number;
}

/**
 * How much one case may cost before it counts as a hang. The event budgets are what decide
 * (deterministic: the same case hangs on every machine); the CPU-time budget is only a
 * backstop, generous because the machine may be shared.
 */
export interface Budget {
  /** Events in the straight run. */
  maxEvents: number;
  /** Events at one instant of virtual time: more means time has stopped (a zero-time loop). */
  maxEventsAtOneInstant: number;
  /**
   * CPU time of this process for the whole case, all paths, ms. CPU, not wall, time: on a
   * busy machine (or under `nice`) a case may wait minutes for a core without doing more work.
   */
  maxCpuMs: number;
}

export const DEFAULT_BUDGET: Budget = { maxEvents: 400_000, maxEventsAtOneInstant: 100_000, maxCpuMs: 120_000 };

/** A property that failed: which one, and the words that say how. */
export class FuzzFailure extends Error {
  constructor(readonly property: string, detail: string) {
    super(`${property}: ${detail}`);
    this.name = 'FuzzFailure';
  }
}
