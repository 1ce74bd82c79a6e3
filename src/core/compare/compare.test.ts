import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { scenario } from '../testing/scenarios';
import type { Invocation } from '../model/records';
import { checkSameTraffic } from './sameTraffic';
import { Pairing, pairable } from './pairing';
import { deltaOf } from './delta';
import { summarize } from '../summary';

const workload = [
  { function: 'hello', arrival: { process: 'poisson', ratePerSec: 8 } },
  { function: 'hello', arrival: { process: 'burst', count: 40, atMs: 20_000 } },
  { function: 'hello', arrival: { process: 'diurnal', meanPerSec: 3, amplitude: 0.8, periodMs: 60_000 } },
];
const a = scenario({ seed: 11, durationMs: 120_000, workload }, { keepAliveMs: { dist: 'constant', value: 600_000 } });
// B changes nearly everything but the traffic: keep-alive, handler time, errors, reserved concurrency (→ throttles), routing, fleet.
const b = scenario({ seed: 11, durationMs: 120_000, workload, fleet: { workers: 9 } }, {
  keepAliveMs: { dist: 'constant', value: 2_000 }, durationMs: { dist: 'lognormal', median: 300, sigma: 1 }, errorRate: 0.2,
  reservedConcurrency: 15, routing: 'random', memoryMb: 2048,
});

function run(s: typeof a, onDone: (inv: Invocation) => void) {
  const sim = new Simulation(s, { recentInvocations: 0, onInvocationDone: onDone });
  sim.runUntil(s.durationMs);
  return sim;
}

describe('A/B runs on identical traffic', () => {
  it('both configurations see the same requests at the same times, whatever else B changes', () => {
    const arrivals: string[][] = [[], []];
    [a, b].forEach((s, i) => {
      const seen = (inv: Invocation) => { if (inv.attempt === 1 && inv.source >= 0) arrivals[i].push(`${inv.source}@${inv.receivedMs}`); };
      const sim = run(s, seen);
      for (const inv of sim.state.inflight.values()) seen(inv); // still running at the end: arrived all the same
    });
    const sorted = arrivals.map((x) => [...x].sort());
    expect(sorted[0].length).toBeGreaterThan(1000);
    expect(sorted[1]).toEqual(sorted[0]);
  });

  it('pairs every request by arrival and counts the ones that flipped cold ↔ warm', () => {
    const shortA = scenario({ seed: 5, durationMs: 300_000, workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0.2 } }] }, { keepAliveMs: { dist: 'constant', value: 600_000 } });
    const shortB = scenario({ seed: 5, durationMs: 300_000, workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0.2 } }] }, { keepAliveMs: { dist: 'constant', value: 200 } });
    const p = new Pairing();
    let pairableCount = 0;
    run(shortA, (inv) => { if (pairable(inv)) pairableCount++; p.add(0, inv); });
    run(shortB, (inv) => p.add(1, inv));
    expect(p.unpaired).toBe(0);
    expect(p.stats.paired).toBe(pairableCount);
    // A 10-minute keep-alive: only the first request is cold. A 0.2-s keep-alive: nearly all are (mean gap 5 s).
    expect(p.stats.bothCold).toBe(1);
    expect(p.stats.warmToCold).toBeGreaterThan(p.stats.paired * 0.8);
    expect(p.stats.coldToWarm).toBe(0);
    expect(p.flips.every((f) => !f.a.cold && f.b.cold)).toBe(true);
  });

  it('refuses a B that changes the workload, naming the field and why', () => {
    const other = scenario({ seed: 11, durationMs: 120_000, workload: [{ ...workload[0], arrival: { process: 'poisson', ratePerSec: 9 } }, workload[1], workload[2]] });
    const check = checkSameTraffic(a, other, { a: 'a.json', b: 'b.json' });
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/^b\.json: workload\[0\]\.arrival\.ratePerSec: a\.json has 8, b\.json has 9 — a comparison runs both configurations on identical traffic/);
  });

  it('runs B with A’s seed and duration, and says so', () => {
    const check = checkSameTraffic(a, { ...b, seed: 99, durationMs: 60_000 });
    expect(check.problems).toEqual([]);
    expect(check.b).toMatchObject({ seed: 11, durationMs: 120_000 });
    expect(check.notes.join(' ')).toMatch(/seed 99 differs.*both run with seed 11/);
  });

  it('gives B − A for every number of the two summaries', () => {
    const sa = summarize(run(a, () => {}), { final: true }), sb = summarize(run(b, () => {}), { final: true });
    const d = deltaOf(sa, sb);
    expect(d.coldStarts).toBe(sb.coldStarts - sa.coldStarts);
    expect((d.latencyMs as { all: { p99: number } }).all.p99).toBeCloseTo(sb.latencyMs.all.p99 - sa.latencyMs.all.p99, 6);
    expect(d).not.toHaveProperty('seed');
    expect(d).not.toHaveProperty('eventLogSha256');
  });
});

describe('the page’s A/B run', () => {
  it('advances both configurations bucket by bucket and keeps the difference series and the flips', async () => {
    const { CompareRun } = await import('./compareRun');
    const sa = scenario({ seed: 5, durationMs: 300_000, workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0.2 } }] }, { keepAliveMs: { dist: 'constant', value: 600_000 } });
    const sb = scenario({ seed: 5, durationMs: 300_000, workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0.2 } }] }, { keepAliveMs: { dist: 'constant', value: 200 } });
    const run = new CompareRun(sa, sb, 30);
    while (!run.done) run.advance();
    const r = run.result();
    expect(r.t).toHaveLength(30);
    expect(r.series.a.coldStarts.reduce((x, y) => x + y, 0)).toBe(r.a.coldStarts);
    expect(r.series.b.coldStarts.reduce((x, y) => x + y, 0)).toBe(r.b.coldStarts);
    expect(r.strip.warmToCold.reduce((x, y) => x + y, 0)).toBe(r.pairs.warmToCold);
    expect(r.flips.length).toBe(r.pairs.warmToCold + r.pairs.coldToWarm);
    expect(r.series.b.meanEnvironments.reduce((x, y) => x + y, 0)).toBeLessThan(r.series.a.meanEnvironments.reduce((x, y) => x + y, 0));
  });
});
