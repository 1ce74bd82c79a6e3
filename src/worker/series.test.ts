import { describe, expect, it } from 'vitest';
import { scenario } from '../core/testing/scenarios';
import { Simulation } from '../core/index';
import { seriesValues } from '../protocol/series';
import { samplePoint } from './samplePoint';
import { Session } from './session';
import { SERIES_CAP, SeriesStore, levelFor } from './seriesStore';

/**
 * The time series is sampled in the worker at fixed simulated boundaries, so a chart after
 * any jump (a tour step, a `t=` link, the scrubber, a seek, a step back) equals the chart of
 * the straight run.
 */
const traffic = () => scenario({
  workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 40 } }],
  controlPlane: [{ atMs: 25_000, action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 50 }],
}, { durationMs: { dist: 'lognormal', median: 300, sigma: 0.7 }, keepAliveMs: { dist: 'constant', value: 20_000 } });
const dense = { checkpoints: { minEvents: 1_000, bytesPerEvent: Infinity } };
const shown = (s: Session) => { const v = s.seriesView(); return JSON.stringify({ interval: v.intervalMs, points: v.points.slice(0, v.count) }); };

describe('the time series is the same by every path to a moment', () => {
  const T = 95_000;
  const straight = () => { const s = new Session(traffic(), false, dense); for (let t = 1_000; t <= T; t += 1_000) s.runTo(t); return s; };

  it('a jump (seek, t= link) gives the series of the straight run, point for point', () => {
    const jump = new Session(traffic(), false, dense);
    jump.seek(T);
    expect(shown(jump)).toBe(shown(straight()));
  }, 30_000);

  it('running past the moment and seeking back, or stepping back and forward, gives it too', () => {
    const s = new Session(traffic(), false, dense);
    s.seek(200_000);
    s.seek(T);
    expect(shown(s)).toBe(shown(straight()));
    s.step(); s.step(); s.stepBack(); s.stepBack();
    s.seek(T);
    expect(shown(s)).toBe(shown(straight()));
  }, 30_000);

  it('each point is the state after everything at or before its boundary', () => {
    const s = new Session(traffic(), false, dense);
    s.seek(T);
    const v = s.seriesView();
    for (const b of [0, 24_900, 25_000, 25_100, 60_000]) {
      const ref = new Simulation(traffic(), { recentInvocations: 0 });
      ref.runUntil(b);
      expect(v.points[b / v.intervalMs]).toEqual(samplePoint(ref, b));
    }
  }, 30_000);

  it('limits are steps from when they were set: reserved concurrency appears at 25 s, not before', () => {
    const s = new Session(traffic(), false, dense);
    s.seek(40_000);
    const v = s.seriesView();
    const at = (ms: number) => v.points[ms / v.intervalMs];
    expect(at(24_900).reserved).toBeNull();
    expect(at(25_000).reserved).toBe(50);
    expect(at(30_000).accountLimit).toBe(1000);
  }, 30_000);
});

describe('rates per simulated second', () => {
  it('a burst of 1,000 at t = 0 reads as 1,000 cold starts in that second, not a spike per sample', () => {
    const sc = scenario({ account: { concurrencyLimit: 3000, scaling: { environments: 3000, perMs: 10_000 } }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 1000, atMs: 0 } }] });
    const s = new Session(sc);
    s.seek(5_000);
    const v = s.seriesView();
    const rates = seriesValues(v.points.slice(0, v.count), v.intervalMs, 'coldStartsPerSec');
    expect(Math.max(...rates)).toBe(1000);
    expect(rates[(1_500) / v.intervalMs]).toBe(0); // the second after the burst
  });
});

describe('resolution adapts to the moment shown', () => {
  it('the series has at most a few thousand points, and which points depends only on the moment', () => {
    const store = new SeriesStore();
    store.sampleBefore(600_000, (b) => ({ t: b }) as never);
    const v = store.view(600_000);
    expect(v.intervalMs).toBe(200);
    expect(v.count).toBe(SERIES_CAP);
    expect(store.view(100_000).intervalMs).toBe(100);
    expect(levelFor(24 * 3_600_000)).toBeGreaterThan(levelFor(600_000));
    const day = store.view(24 * 3_600_000);
    expect(day.intervalMs * SERIES_CAP).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it('a boundary equal to the clock is sampled only once the clock moves past it', () => {
    const store = new SeriesStore();
    const seen: number[] = [];
    store.sampleBefore(300, (b) => { seen.push(b); return { t: b } as never; });
    expect(seen).toEqual([0, 100, 200]);
    store.truncate(150);
    expect(store.view(300).count).toBe(2);
    store.sampleBefore(301, (b) => { seen.push(b); return { t: b } as never; });
    expect(seen.slice(3)).toEqual([200, 300]);
  });
});
