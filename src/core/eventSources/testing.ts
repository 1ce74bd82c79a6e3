import { checkInvariants } from '../invariants';
import { Simulation } from '../simulation';
import { scenario } from '../testing/scenarios';
import type { SourceState } from './state';

/**
 * Test support: a simulation of one function ("hello": 100 ms handler, 3 s timeout) fed by
 * the given event sources, parsed like any user scenario.
 */
export function withSources(eventSources: Record<string, unknown>[], fn: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): Simulation {
  return new Simulation(scenario({ eventSources, ...overrides }, fn), { recentInvocations: 100_000 });
}

export const source = (sim: Simulation, i = 0): SourceState => sim.state.eventSources.sources[i];

/** Runs to `tMs`, checking every invariant after each event; throws on the first broken one. */
export function runChecked(sim: Simulation, tMs: number, every = 1): void {
  let n = 0;
  while (sim.nextEventMs() <= tMs) {
    sim.step();
    if (++n % every === 0) {
      const p = checkInvariants(sim);
      if (p.length) throw new Error(`at ${sim.nowMs} ms: ${p.join('; ')}`);
    }
  }
  sim.runUntil(tMs);
}

/** Invocations the mapping made (each batch attempt), from the recent-invocations ring. */
export const batchInvocations = (sim: Simulation) => sim.recentInvocations().filter((i) => i.batch !== 0);
