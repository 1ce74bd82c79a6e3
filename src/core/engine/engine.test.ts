import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createQueue, queuePop, queuePush } from './eventQueue';
import { RandomStream, createStream, normal, uniform } from './random';
import { Sha256 } from './sha256';
import { compileDist, draw, type Dist } from './distributions';
import { createHistogram, histogramAdd, percentiles, quantile } from '../metrics/histogram';

/** A sampler over a stream, for tests: draws from the compiled distribution. */
const sampler = (d: Dist) => {
  const c = compileDist(d);
  return (r: RandomStream) => draw(c, r.state);
};

describe('the event queue', () => {
  it('orders events by time, then priority, then the order they were scheduled', () => {
    const q = createQueue<string>();
    queuePush(q, 10, 1, 'c');
    queuePush(q, 5, 9, 'a');
    queuePush(q, 10, 0, 'b');
    queuePush(q, 10, 1, 'd');
    queuePush(q, 10, 1, 'e');
    const out: string[] = [];
    for (let x = queuePop(q); x; x = queuePop(q)) out.push(x.event);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('stays ordered under thousands of random pushes and pops', () => {
    const q = createQueue<number>();
    const rng = new RandomStream(3, 'queue');
    let last = -Infinity;
    for (let i = 0; i < 20_000; i++) {
      queuePush(q, last === -Infinity ? rng.next() * 100 : last + rng.next() * 100, 0, i);
      if (rng.chance(0.4)) {
        const x = queuePop(q)!;
        expect(x.atMs).toBeGreaterThanOrEqual(last);
        last = x.atMs;
      }
    }
  });
});

describe('seeded random streams', () => {
  it('the same seed and stream name give the same sequence', () => {
    const a = new RandomStream(42, 'arrivals'), b = new RandomStream(42, 'arrivals');
    for (let i = 0; i < 100; i++) expect(a.nextU32()).toBe(b.nextU32());
  });
  it('another seed or another stream name gives another sequence', () => {
    const a = new RandomStream(42, 'arrivals');
    const seqA = Array.from({ length: 8 }, () => a.nextU32());
    const b = new RandomStream(43, 'arrivals');
    const c = new RandomStream(42, 'durations');
    expect(Array.from({ length: 8 }, () => b.nextU32())).not.toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(seqA);
  });
  it('drawing from one stream does not move another', () => {
    const durations = createStream(7, 'durations'), arrivals = createStream(7, 'arrivals');
    for (let i = 0; i < 50; i++) uniform(durations);
    expect(uniform(arrivals)).toBe(uniform(createStream(7, 'arrivals')));
  });
  it('a stream is plain data: a structured clone of it continues the same sequence, normals included', () => {
    const a = new RandomStream(1, 'x');
    a.normal(); // leaves a spare normal in the state
    const copy = structuredClone(a.state);
    const expected = [a.normal(), a.next(), a.normal()];
    expect([normal(copy), uniform(copy), normal(copy)]).toEqual(expected);
  });
  it('uniform draws are uniform (mean 0.5, within 1 %)', () => {
    const r = new RandomStream(9, 'u');
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += r.next();
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('distributions', () => {
  const mean = (d: Parameters<typeof sampler>[0], n = 200_000) => {
    const s = sampler(d), r = new RandomStream(5, 'd');
    let sum = 0;
    for (let i = 0; i < n; i++) sum += s(r);
    return sum / n;
  };
  it('exponential has the requested mean', () => expect(mean({ dist: 'exponential', mean: 50 }) / 50).toBeCloseTo(1, 1));
  it('lognormal has the requested median', () => {
    const s = sampler({ dist: 'lognormal', median: 40, sigma: 0.5 }), r = new RandomStream(5, 'd');
    const xs = Array.from({ length: 50_001 }, () => s(r)).sort((a, b) => a - b);
    expect(xs[25_000] / 40).toBeCloseTo(1, 1);
  });
  it('uniform stays within its bounds', () => {
    const s = sampler({ dist: 'uniform', min: 20, max: 60 }), r = new RandomStream(5, 'd');
    for (let i = 0; i < 10_000; i++) { const x = s(r); expect(x >= 20 && x <= 60).toBe(true); }
  });
  it('empirical draws only the listed values', () => {
    const s = sampler({ dist: 'empirical', values: [1, 5, 9] }), r = new RandomStream(5, 'd');
    const seen = new Set(Array.from({ length: 1000 }, () => s(r)));
    expect([...seen].sort()).toEqual([1, 5, 9]);
  });
});

describe('SHA-256 of the event log', () => {
  it('matches node:crypto for every length across block boundaries, fed in uneven chunks', () => {
    const r = new RandomStream(1, 'bytes');
    for (const len of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 65_536 + 7]) {
      const bytes = new Uint8Array(len).map(() => r.nextU32() & 0xff);
      const ours = new Sha256();
      for (let i = 0; i < len; i += 37) ours.update(bytes.subarray(i, Math.min(len, i + 37)));
      expect(ours.digestHex()).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('latency histogram', () => {
  it('quantiles are within 1 % of the exact values', () => {
    const h = createHistogram();
    const s = sampler({ dist: 'lognormal', median: 40, sigma: 1 }), r = new RandomStream(2, 'h');
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) { const x = s(r); xs.push(x); histogramAdd(h, x); }
    xs.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1];
      expect(Math.abs(quantile(h, q) - exact) / exact).toBeLessThan(0.01);
    }
    expect(percentiles(h).mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 6);
  });
});
