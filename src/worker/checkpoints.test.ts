import { describe, expect, it } from 'vitest';
import { Simulation, summarize } from '../core/index';
import { scenario } from '../core/testing/scenarios';
import { Checkpoints, snapshotCopier } from './checkpoints';

const busy = () => scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 200 } }] }, { durationMs: { dist: 'lognormal', median: 200, sigma: 0.6 } });
const hash = (sim: Simulation) => summarize(sim, { final: true }).eventLogSha256;
const dense = { minEvents: 1000, bytesPerEvent: Infinity };

describe('checkpoints', () => {
  it('a restored checkpoint continues exactly like the run it was taken from', { timeout: 20_000 }, () => {
    const sim = new Simulation(busy());
    const cps = new Checkpoints(undefined, dense);
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
    const cps = new Checkpoints(undefined, dense);
    sim.runUntil(10_000);
    cps.maybeTake(sim, 0);
    const first = cps.restore(Infinity)!.sim;
    first.runUntil(30_000);
    const second = cps.restore(Infinity)!.sim;
    expect(second.nowMs).toBe(10_000);
    second.runUntil(30_000);
    expect(hash(second)).toBe(hash(first));
  });

  it('stay within their byte budget however long the run, keeping the latest', { timeout: 30_000 }, () => {
    const sim = new Simulation(busy(), { recentInvocations: 50 });
    sim.runUntil(10_000);
    const one = snapshotCopier.take(sim).bytes;
    const cps = new Checkpoints(undefined, { ...dense, maxBytes: 8 * one });
    for (let t = 11_000; t <= 120_000; t += 1000) {
      sim.runUntil(t);
      cps.maybeTake(sim, 0);
      expect(cps.bytes).toBeLessThanOrEqual(8 * one * 1.5); // the state grows a little as the fleet warms
    }
    expect(cps.size).toBeGreaterThan(3);
    expect(cps.restore(Infinity)!.atMs).toBeGreaterThan(100_000); // thinning never drops the latest (spacing here: an eighth of the run)
  });

  it('thin evenly: the largest gap, and so the worst seek, stays near twice the average spacing', () => {
    type S = { eventsProcessed: number; nowMs: number };
    const copier = { take: (s: S) => ({ data: { ...s }, bytes: 1000 }), revive: (d: unknown) => ({ ...(d as S) }) };
    const cps = new Checkpoints<S>(copier, { minEvents: 10, maxBytes: 20_000 });
    const state = { eventsProcessed: 0, nowMs: 0 };
    for (let e = 10; e <= 100_000; e += 10) {
      state.eventsProcessed = e;
      state.nowMs = e;
      cps.maybeTake(state, 0);
    }
    expect(cps.bytes).toBeLessThanOrEqual(20_000);
    expect(cps.size).toBeGreaterThanOrEqual(10); // the budget is used, not left mostly empty
    expect(cps.restore(Infinity)!.sim.eventsProcessed).toBeGreaterThan(90_000);
    expect(cps.maxGapEvents(100_000)).toBeLessThanOrEqual((2.5 * 100_000) / cps.size);
  });
});
