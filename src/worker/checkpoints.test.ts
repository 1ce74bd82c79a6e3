import { describe, expect, it } from 'vitest';
import { Simulation, summarize } from '../core/index';
import { scenario } from '../core/testing/scenarios';
import { Checkpoints } from './checkpoints';

const busy = () => scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 200 } }] }, { durationMs: { dist: 'lognormal', median: 200, sigma: 0.6 } });
const hash = (sim: Simulation) => summarize(sim, { final: true }).eventLogSha256;

describe('checkpoints', () => {
  it('a restored checkpoint continues exactly like the run it was taken from', { timeout: 20_000 }, () => {
    const sim = new Simulation(busy());
    const cps = new Checkpoints(1000);
    sim.runUntil(15_000);
    cps.maybeTake(sim, 0);
    const restored = cps.restore(Infinity)!.sim;
    sim.runUntil(40_000);
    restored.runUntil(40_000);
    expect(hash(restored)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(restored)).toBe(hash(sim));
  });

  it('each restore is independent: running one restored copy does not move another', { timeout: 20_000 }, () => {
    const sim = new Simulation(busy());
    const cps = new Checkpoints(1000);
    sim.runUntil(10_000);
    cps.maybeTake(sim, 0);
    const first = cps.restore(Infinity)!.sim;
    first.runUntil(30_000);
    const second = cps.restore(Infinity)!.sim;
    expect(second.nowMs).toBe(10_000);
    second.runUntil(30_000);
    expect(hash(second)).toBe(hash(first));
  });

  it('stay within their object budget however long the run, keeping the latest', { timeout: 30_000 }, () => {
    const sim = new Simulation(busy(), { recentInvocations: 50 });
    const cps = new Checkpoints(100, 100, 5_000);
    let takenMs = 0;
    for (let t = 1000; t <= 120_000; t += 1000) {
      sim.runUntil(t);
      const before = cps.size;
      cps.maybeTake(sim, 0);
      if (cps.size !== before || cps.restore(t, sim.eventsProcessed)?.sim.eventsProcessed === sim.eventsProcessed) takenMs = t;
      expect(cps.restore(Infinity)!.sim.nowMs).toBe(takenMs); // thinning never drops the latest
      expect(cps.size).toBeLessThan(20);
    }
    expect(cps.size).toBeGreaterThan(1);
    expect(takenMs).toBeGreaterThan(60_000);
  });
});
