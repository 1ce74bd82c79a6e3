import { performance } from 'node:perf_hooks';
import { Simulation } from '../core/simulation';
import { summarize, type Summary } from '../core/summary';
import type { Scenario } from '../core/scenario/types';
import { nodeHasher } from './nodeHasher';

/** Runs a validated scenario to its end, headless, and returns its summary. */
export function runScenario(scenario: Scenario, opts: { onProgress?: (fraction: number) => void } = {}): Summary {
  const t0 = performance.now();
  const sim = new Simulation(scenario, { hasher: nodeHasher(), logRingSize: 16, recentInvocations: 0 });
  const slices = 20;
  for (let i = 1; i <= slices; i++) {
    sim.runUntil((scenario.durationMs * i) / slices);
    opts.onProgress?.(i / slices);
  }
  return summarize(sim, { wallMs: performance.now() - t0, final: true });
}
