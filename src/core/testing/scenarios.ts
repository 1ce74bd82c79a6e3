import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/types';
import { Simulation } from '../simulation';

/**
 * Test support: a small valid scenario with overrides, parsed like any user scenario.
 * Deterministic by default: constant handler and init times unless a test asks otherwise, not
 * scaled by memory.
 */
export function scenario(overrides: Record<string, unknown> = {}, fn: Record<string, unknown> = {}): Scenario {
  const input = {
    seed: 1,
    durationMs: 3_600_000,
    functions: [{
      name: 'hello', runtime: 'nodejs20.x', memoryMb: 512, timeoutMs: 3000,
      durationMs: { dist: 'constant', value: 100 },
      initMs: { dist: 'constant', value: 200 },
      cpuBoundFraction: 0, // times as written, whatever the memory (CPU scaling has its own specs)
      ...fn,
    }],
    workload: [],
    platform: {
      warmOverheadMs: { dist: 'constant', value: 10 },
      placementMs: { dist: 'constant', value: 15 },
      microvmBootMs: { dist: 'constant', value: 125 },
      shutdownMs: { dist: 'constant', value: 20 },
      extensionInitMs: { dist: 'constant', value: 30 },
    },
    ...overrides,
  };
  const r = parseScenario(input);
  if (!r.ok) throw new Error('test scenario is invalid:\n' + r.problems.join('\n'));
  return r.scenario;
}

/** A simulation of `scenario(...)`, for tests that drive it by hand. */
export function simulate(overrides: Record<string, unknown> = {}, fn: Record<string, unknown> = {}): Simulation {
  return new Simulation(scenario(overrides, fn), { recentInvocations: 100_000 });
}

/** Invokes `function` at `atMs` (advancing the clock there first) and runs until `untilMs`. */
export function invokeAt(sim: Simulation, atMs: number, req: Parameters<Simulation['invoke']>[0] = { function: 'hello' }): void {
  sim.runUntil(atMs);
  sim.invoke(req);
}

export function lastInvocation(sim: Simulation) {
  const all = sim.recentInvocations();
  return all[all.length - 1];
}
