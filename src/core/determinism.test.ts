import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { scenario } from './testing/scenarios';

const busy = (seed: number) => scenario({
  seed,
  workload: [
    { function: 'hello', arrival: { process: 'poisson', ratePerSec: 50 } },
    { function: 'hello', arrival: { process: 'burst', count: 200, atMs: 30_000 } },
  ],
}, { durationMs: { dist: 'lognormal', median: 80, sigma: 0.8 }, keepAliveMs: { dist: 'uniform', min: 5000, max: 20_000 }, errorRate: 0.05, routing: 'random' });

const run = (seed: number, opts = {}) => {
  const sim = new Simulation(busy(seed), opts);
  sim.runUntil(120_000);
  return summarize(sim, { final: true });
};

describe('determinism', { timeout: 60_000 }, () => {
  it('the same scenario and seed give the same event log, byte for byte', () => {
    const a = run(7), b = run(7);
    expect(a.eventLogSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.eventLogSha256).toBe(a.eventLogSha256);
    expect({ ...b, wallMs: 0 }).toEqual({ ...a, wallMs: 0 });
  });

  it('another seed gives another event log', () => {
    expect(run(8).eventLogSha256).not.toBe(run(7).eventLogSha256);
  });

  it('the built-in SHA-256 and node:crypto agree on a whole run', () => {
    const h = createHash('sha256');
    const withNode = run(7, { hasher: { update: (b: Uint8Array) => void h.update(b), digestHex: () => h.digest('hex') } });
    expect(withNode.eventLogSha256).toBe(run(7).eventLogSha256);
  });

  it('running in many small slices gives the same log as one long run', () => {
    const sim = new Simulation(busy(7));
    for (let t = 0; t <= 120_000; t += 333) sim.runUntil(t);
    sim.runUntil(120_000);
    expect(summarize(sim, { final: true }).eventLogSha256).toBe(run(7).eventLogSha256);
  });

  it('stepping one event at a time gives the same log as runUntil', () => {
    const sim = new Simulation(busy(7));
    while (sim.nextEventMs() <= 120_000) sim.step();
    sim.runUntil(120_000);
    expect(summarize(sim, { final: true }).eventLogSha256).toBe(run(7).eventLogSha256);
  });
});

describe('observing a run does not change it', { timeout: 60_000 }, () => {
  it('building UI frames and summaries mid-run leaves the event log and the final summary unchanged', async () => {
    const { toView } = await import('./view');
    const sim = new Simulation(busy(7));
    for (let t = 0; t <= 120_000; t += 777) {
      sim.runUntil(t);
      toView(sim);
      summarize(sim);
    }
    sim.runUntil(120_000);
    expect({ ...summarize(sim, { final: true }), wallMs: 0 }).toEqual({ ...run(7), wallMs: 0 });
  });
});
