import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { Simulation } from '../simulation';
import { summarize } from '../summary';
import { gridSize, inShard, parseSet, parseShard, pointValues } from './grid';
import { mergeSweeps } from './merge';
import { pointResult, toCsv, SWEEP_FORMAT, type SweepResult } from './result';
import { applySet, parsePath } from './setPath';

describe('sweep grids', () => {
  it('FROM..TO:N gives N evenly spaced values, both ends included', () => {
    expect(parseSet('functions[0].keepAliveMs.value=60000..1800000:10')).toMatchObject({
      path: 'functions[0].keepAliveMs.value', segs: ['functions', 0, 'keepAliveMs', 'value'],
      values: [60000, 253333.333333, 446666.666667, 640000, 833333.333333, 1026666.66667, 1220000, 1413333.33333, 1606666.66667, 1800000],
    });
  });

  it('a,b,c gives a list of numbers, booleans or words', () => {
    expect(parseSet('functions[0].routing=mru,newest,random')).toMatchObject({ values: ['mru', 'newest', 'random'] });
    expect(parseSet('functions[0].memoryMb=128,1769')).toMatchObject({ values: [128, 1769] });
  });

  it('several --set make the Cartesian product, the first varying slowest', () => {
    const a = parseSet('x=1,2') as never, b = parseSet('y=a,b,c') as never;
    expect(gridSize([a, b])).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((i) => pointValues([a, b], i))).toEqual([[1, 'a'], [1, 'b'], [1, 'c'], [2, 'a'], [2, 'b'], [2, 'c']]);
  });

  it('shards split the points without overlap and cover them all', () => {
    const shards = [1, 2, 3].map((i) => parseShard(`${i}/3`) as { index: number; count: number });
    const owners = Array.from({ length: 10 }, (_, p) => shards.filter((s) => inShard(p, s)).length);
    expect(owners).toEqual(Array(10).fill(1));
    expect(parseShard('4/3')).toMatchObject({ error: expect.stringContaining('1 ≤ i ≤ n') });
  });

  it('names what is wrong with a malformed --set', () => {
    expect(parseSet('functions[0].memoryMb')).toMatchObject({ error: expect.stringContaining('PATH=FROM..TO:N or PATH=a,b,c') });
    expect(parseSet('functions[0]..x=1')).toMatchObject({ error: expect.stringContaining('empty field name') });
    expect(parseSet('a=1..5')).toMatchObject({ error: expect.stringContaining('FROM..TO:N') });
    expect(parseSet('a=1..5:0')).toMatchObject({ error: expect.stringContaining('N must be a whole number from 1 to 10000') });
  });
});

describe('--set paths against the scenario', () => {
  const raw = { seed: 1, functions: [{ name: 'hello' }], workload: [] };
  const set = (path: string, value: unknown) => applySet(raw, parsePath(path) as never, value);

  it('creates a distribution that the scenario leaves to its default, with the kind its parameter implies', () => {
    const r = set('functions[0].keepAliveMs.value', 60_000);
    expect(r).toMatchObject({ ok: true, json: { functions: [{ name: 'hello', keepAliveMs: { dist: 'constant', value: 60_000 } }] } });
    expect(raw.functions[0]).toEqual({ name: 'hello' }); // the input is never changed
  });

  it('refuses an index past the end of an array, or a step into a number', () => {
    expect(set('functions[2].memoryMb', 512)).toMatchObject({ ok: false, error: 'functions has 1 entry: index 2 is past its end' });
    expect(set('seed.x', 1)).toMatchObject({ ok: false, error: 'seed is a number (1), not an object' });
  });

  it('leaves unknown fields and out-of-range values to the validator, which names them', () => {
    const unknown = parseScenario((set('functions[0].keepAlive', 5) as { json: unknown }).json);
    expect(unknown.ok ? [] : unknown.problems[0]).toMatch(/^functions\[0\]\.keepAlive: is not a known field/);
    const range = parseScenario((set('functions[0].memoryMb', 64) as { json: unknown }).json);
    expect(range.ok ? [] : range.problems).toContain('functions[0].memoryMb: must be an integer from 128 to 10240');
  });
});

/**
 * A scenario whose P(cold) is known in closed form: Poisson requests at λ = 1/s to one
 * function with 1-ms handlers and near-zero platform times (an image package, so no zip
 * download), keep-alive T = 500 ms. One environment is busy s ≈ 1.1 ms per request, so a
 * request is cold iff the gap before it exceeds T + s or is shorter than s:
 * P(cold) = exp(−λ(T + s)) + 1 − exp(−λs). The number of requests in D = 600 s is
 * Poisson with mean λD = 600.
 */
const known = (seed: number) => {
  const r = parseScenario({
    seed, durationMs: 600_000,
    functions: [{ name: 'f', durationMs: { dist: 'constant', value: 1 }, initMs: { dist: 'constant', value: 1 }, keepAliveMs: { dist: 'constant', value: 500 }, package: { type: 'image', sizeMb: 100 } }],
    workload: [{ function: 'f', arrival: { process: 'poisson', ratePerSec: 1 } }],
    platform: { warmOverheadMs: { dist: 'constant', value: 0.1 }, placementMs: { dist: 'constant', value: 0.1 }, microvmBootMs: { dist: 'constant', value: 0.1 }, shutdownMs: { dist: 'constant', value: 0.1 }, imageFetchMs: { dist: 'constant', value: 0.1 } },
  });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const sim = new Simulation(r.scenario, { recentInvocations: 0 });
  sim.runUntil(r.scenario.durationMs);
  return summarize(sim);
};

describe('sweep statistics', () => {
  it('the 95 % interval over 10 seeds covers the known value in at least 90 % of sweeps', { timeout: 180_000 }, () => {
    const s = 0.0011; // s: 1 ms handler + 0.08 ms of platform overhead before it
    const pCold = Math.exp(-1 * (0.5 + s)) + 1 - Math.exp(-1 * s);
    let coversCold = 0, coversCount = 0;
    const trials = 100;
    for (let t = 0; t < trials; t++) {
      const seeds = Array.from({ length: 10 }, (_, k) => 1000 * t + k);
      const p = pointResult(0, [], [], seeds, seeds.map(known), ['coldStartRatio', 'invocations.total']);
      if (p.stats.coldStartRatio.low <= pCold && pCold <= p.stats.coldStartRatio.high) coversCold++;
      if (p.stats['invocations.total'].low <= 600 && 600 <= p.stats['invocations.total'].high) coversCount++;
    }
    expect(coversCold / trials).toBeGreaterThanOrEqual(0.9);
    expect(coversCount / trials).toBeGreaterThanOrEqual(0.9);
  });
});

describe('merging shards', () => {
  const part = (index: number, points: number[]): SweepResult => ({
    format: SWEEP_FORMAT, scenario: 's.json', baseSeed: 1, seeds: 2, parameters: [{ path: 'x', values: [1, 2, 3] }], metrics: ['m'],
    shard: { index, count: 2 }, points: points.map((i) => pointResult(i, [{ path: 'x', segs: ['x'], values: [1, 2, 3] }], [i + 1], [1, 2], [{ m: i }, { m: i + 1 }], ['m'])),
  });

  it('joins disjoint shards into the whole grid, in grid order', () => {
    const m = mergeSweeps([{ name: 'b.json', json: part(2, [1]) }, { name: 'a.json', json: part(1, [0, 2]) }]);
    expect(m.ok && m.result.points.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(m.ok && m.result.shard).toBeNull();
    expect(m.ok && toCsv(m.result).split('\n')[0]).toBe('x,seeds,m_mean,m_ci95_low,m_ci95_high');
  });

  it('refuses overlapping shards and shards of another sweep', () => {
    expect(mergeSweeps([{ name: 'a.json', json: part(1, [0]) }, { name: 'b.json', json: part(2, [0]) }])).toMatchObject({ ok: false, problems: ['b.json: grid point 0 is also in a.json: shards overlap'] });
    const other = { ...part(2, [1]), seeds: 5 };
    expect(mergeSweeps([{ name: 'a.json', json: part(1, [0]) }, { name: 'b.json', json: other }])).toMatchObject({ ok: false, problems: [expect.stringContaining('seeds is 5, but a.json has 2')] });
  });
});
