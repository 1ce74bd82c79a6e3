import { describe, expect, it } from 'vitest';
import { binWidthMs, ratePerSecond, steps } from './seriesMath';

const every = (ms: number, n: number, count: (t: number) => number) => Array.from({ length: n }, (_, i) => ({ t: i * ms, c: count(i * ms) }));

describe('rates per simulated second', () => {
  it('a lone cold start at 1.1 s is one per second in its second, zero afterwards — not a slope over the run', () => {
    const pts = every(250, 2401, (t) => (t >= 1100 ? 1 : 0)); // 10 minutes sampled every 250 ms
    const r = ratePerSecond(pts, (p) => p.c, 1000);
    expect(r[0]).toEqual([0, 0]);
    expect(r[1]).toEqual([1000, 1]);
    expect(r.slice(2).every(([, v]) => v === 0)).toBe(true);
  });

  it('a 1,000-request burst within one second is 1,000/s for that second, not 20,000/s', () => {
    const pts = every(50, 101, (t) => (t >= 1000 ? 1000 : 0));
    const r = ratePerSecond(pts, (p) => p.c, 1000);
    expect(Math.max(...r.map(([, v]) => v ?? 0))).toBe(1000);
  });

  it('bins are at least a simulated second and at most a few hundred over the run', () => {
    expect(binWidthMs(60_000)).toBe(1000);
    expect(binWidthMs(3_600_000)).toBe(15_000);
  });
});

describe('limits are steps from the moment they were set', () => {
  it('a reservation set at 25 s is absent before it and a flat line after', () => {
    const pts = every(1000, 61, (t) => t).map((p) => ({ t: p.t, reserved: p.t >= 25_000 ? 50 : null }));
    const s = steps(pts, (p) => p.reserved);
    expect(s.filter(([t, v]) => t < 25_000 && v !== null)).toEqual([]);
    expect(s).toContainEqual([25_000, null]);
    expect(s).toContainEqual([25_000, 50]);
    expect(s.at(-1)).toEqual([60_000, 50]);
  });
});
