import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PlainDataError, copyPlain } from './engine/plainCopy';
import { restore, snapshot, type Snapshot } from './snapshot';
import { STATE_VERSION } from './model/simState';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { scenario } from './testing/scenarios';

const busy = () => scenario({
  workload: [
    { function: 'hello', arrival: { process: 'poisson', ratePerSec: 40 } },
    { function: 'hello', mode: 'Event', arrival: { process: 'poisson', ratePerSec: 10 } },
  ],
  faults: [{ type: 'invoke-outage', fromMs: 20_000, toMs: 25_000 }],
  controlPlane: [{ atMs: 30_000, action: 'UpdateFunctionCode', function: 'hello' }],
}, { durationMs: { dist: 'lognormal', median: 120, sigma: 0.7 }, errorRate: 0.1, routing: 'random', keepAliveMs: { dist: 'uniform', min: 2000, max: 9000 } });
const final = (sim: Simulation) => ({ ...summarize(sim, { final: true }), wallMs: 0 });

describe('snapshot and restore', () => {
  it('a restored simulation continues exactly like the original: same event-log hash and summary', { timeout: 30_000 }, () => {
    const a = new Simulation(busy());
    a.runUntil(22_000);
    const b = restore(snapshot(a));
    a.runUntil(60_000);
    b.runUntil(60_000);
    expect(final(b).eventLogSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(final(b)).toEqual(final(a));
  });

  it('a snapshot survives structuredClone, and a restore from the clone continues identically', { timeout: 30_000 }, () => {
    const a = new Simulation(busy());
    a.runUntil(27_000);
    a.setLiveLoad({ function: 'hello', mode: 'RequestResponse', arrival: { process: 'constant', ratePerSec: 5 }, client: { maxAttempts: 2, queueDuringOutage: false }, payloadBytes: 100 });
    a.injectFault({ type: 'slow-pollers', fromMs: 27_000, toMs: 40_000, factor: 3 });
    const b = restore(structuredClone(snapshot(a)));
    a.runUntil(60_000);
    b.runUntil(60_000);
    expect(final(b)).toEqual(final(a));
  });

  it('a snapshot of a restored simulation equals the snapshot it was restored from', { timeout: 30_000 }, () => {
    const a = new Simulation(busy());
    a.runUntil(31_000);
    const s1 = snapshot(a);
    expect(snapshot(restore(s1))).toEqual(s1);
    expect(snapshot(restore(structuredClone(s1)))).toEqual(s1);
  });

  it('restoring does not consume the snapshot: two restores run independently to the same end', { timeout: 30_000 }, () => {
    const a = new Simulation(busy());
    a.runUntil(10_000);
    const s = snapshot(a);
    const b = restore(s), c = restore(s);
    b.runUntil(40_000);
    expect(c.nowMs).toBe(10_000);
    c.runUntil(40_000);
    expect(final(c)).toEqual(final(b));
  });

  it('reading the built-in hash mid-run does not change it, and it equals node:crypto over the same bytes', { timeout: 30_000 }, () => {
    const a = new Simulation(busy());
    const h = createHash('sha256');
    const b = new Simulation(busy(), { hasher: { update: (x: Uint8Array) => void h.update(x), digestHex: () => h.digest('hex') } });
    a.runUntil(20_000);
    const mid = a.eventLogSha256();
    expect(a.eventLogSha256()).toBe(mid);
    a.runUntil(60_000);
    b.runUntil(60_000);
    expect(a.eventLogSha256()).not.toBe(mid);
    expect(a.eventLogSha256()).toBe(b.eventLogSha256());
  });

  it('refuses a snapshot of another format or version, naming what it expected', () => {
    const s = snapshot(new Simulation(busy()));
    expect(() => restore({ ...s, format: 'other' } as unknown as Snapshot)).toThrow(/lambdascope-snapshot/);
    expect(() => restore({ ...s, version: STATE_VERSION + 1 } as unknown as Snapshot)).toThrow(new RegExp(`version ${STATE_VERSION + 1} is not supported`));
  });

  it('cannot snapshot a run hashed by an injected hasher (its state is not data)', () => {
    const sim = new Simulation(busy(), { hasher: { update() {}, digestHex: () => '' } });
    expect(() => snapshot(sim)).toThrow(/injected hasher/);
  });
});

describe('the state is plain data', () => {
  it('a function anywhere in the state makes the snapshot fail loudly, naming the path', () => {
    const sim = new Simulation(busy());
    sim.runUntil(5_000);
    (sim.state.versions[0] as unknown as Record<string, unknown>).sampler = () => 1;
    expect(() => snapshot(sim)).toThrow(PlainDataError);
    expect(() => snapshot(sim)).toThrow('state.versions[0].sampler: a function');
  });

  it('a class instance, a shared typed-array buffer or an object Map key is refused with its path', () => {
    class Live { n = 1; }
    expect(() => copyPlain({ a: [{ b: new Live() }] })).toThrow('state.a[0].b: an instance of Live');
    const buf = new ArrayBuffer(16);
    expect(() => copyPlain({ v: new Float64Array(buf, 8, 1) })).toThrow('state.v: a typed array sharing its buffer');
    expect(() => copyPlain({ m: new Map([[{}, 1]]) })).toThrow(/state\.m.*a Map key that is not a primitive/);
    expect(() => copyPlain({ m: new Map([[7, { f: Math.max }]]) })).toThrow('state.m.get(7).f: a function (max)');
  });

  it('the scenario and configurations are frozen: the core cannot change them by accident', () => {
    const sim = new Simulation(busy());
    expect(Object.isFrozen(sim.state.scenario.functions[0].durationMs)).toBe(true);
    expect(Object.isFrozen(sim.state.versions[0].cfg)).toBe(true);
    expect(() => { (sim.state.scenario as { seed: number }).seed = 2; }).toThrow(TypeError);
  });
});
