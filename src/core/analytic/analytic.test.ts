import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { scenario } from '../testing/scenarios';
import { coldEstimate, environmentsEstimate, createBatchMeans, closeBatches } from './batchMeans';
import { coldProbabilitySingle } from './closedForm';
import { erlangB, expiryRate, mahmoudiKhazaei } from './mahmoudiKhazaei';
import { analyticOverlay } from './overlay';
import { meanCi, tCritical } from './studentT';

describe("Student's t", () => {
  it('gives the textbook two-sided 95 % critical values', () => {
    // Tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2): ν = 1, 2, 4, 9, 29, 120.
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [4, 2.776], [9, 2.262], [29, 2.045], [120, 1.980]];
    for (const [nu, t] of table) expect(tCritical(0.95, nu)).toBeCloseTo(t, 3);
    expect(tCritical(0.95, 1e6)).toBeCloseTo(1.96, 2);
  });

  it('a mean of 1, 2, 3 has the interval 2 ± 4.303 · 1/√3', () => {
    const ci = meanCi([1, 2, 3]);
    expect(ci.mean).toBe(2);
    expect(ci.halfWidth).toBeCloseTo((4.303 * 1) / Math.sqrt(3), 3);
  });
});

describe('closed form for one environment', () => {
  it('P(cold) = exp(−λ(T + s)): λ = 0.1/s, T = 10 s, s = 0.1 s gives e^−1.01 = 0.36422', () => {
    expect(coldProbabilitySingle(0.1, 10_000, 100)).toBeCloseTo(0.364219, 6);
  });
});

describe('Mahmoudi & Khazaei steady-state model', () => {
  it('uses Erlang B for the chance that all n environments are busy: B(1, 1) = 1/2, B(2, 1) = 1/5, B(2, 2) = 2/5', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(1, 2)).toBeCloseTo(0.2, 12);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 12);
  });

  it('the first environment, at rate 0.5/s with T = 1 s and s = 1 s, expires at rate 1/(1 + (e^0.5 − 1)·ā) = 0.744692/s', () => {
    // ā = (1 − e^−1)/0.5 − 2e^−1 = 0.528482; τ = 1 + 0.648721 · 0.528482 = 1.342837 s.
    expect(expiryRate(0.5, 1, 1)).toBeCloseTo(0.7446917, 6);
  });

  it('matches a direct solution of the paper’s generator matrix (Q·π = 0) for light, moderate and heavy load', () => {
    // Reference values: the CTMC built state by state and solved as a linear system (numpy), not by detailed balance.
    const cases: [number, number, number, number, { inst: number; cold: number; idle: number; resp: number }][] = [
      [1, 1, 2, 1, { inst: 0.813659911119, cold: 0.629540405725, idle: 0.443200316844, resp: 1.62954040573 }],
      [10, 0.2, 0.5, 60, { inst: 8.09064558195, cold: 0.00109896767492, idle: 6.0928435173, resp: 0.200329690302 }],
      [0.5, 0.1, 0.4, 600, { inst: 2.2755427862, cold: 0.000867875263352, idle: 2.22558617997, resp: 0.100260362579 }],
      [100, 2, 25, 600, { inst: 251.405492557, cold: 5.93848394366e-05, idle: 51.4173695253, resp: 2.00136585131 }],
    ];
    for (const [lambda, sw, sc, T, ref] of cases) {
      const r = mahmoudiKhazaei({ ratePerSec: lambda, warmServiceSec: sw, coldServiceSec: sc, idleBeforeExpirySec: T });
      expect(r.meanInstances / ref.inst).toBeCloseTo(1, 7);
      expect(r.coldProbability / ref.cold).toBeCloseTo(1, 7);
      expect(r.meanIdle / ref.idle).toBeCloseTo(1, 7);
      expect(r.meanResponseSec / ref.resp).toBeCloseTo(1, 7);
      expect(r.distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('batch means over simulated time', () => {
  it('discards the first batch as warm-up, then counts each batch once', () => {
    const b = createBatchMeans(1000);
    let t = 0;
    const counters = (at: number) => ({ requests: at / 10, coldStarts: at / 100, area: at * 2 });
    for (t = 0; t <= 10_000; t += 500) closeBatches(b, t, counters);
    expect(b.n).toEqual(Array(9).fill(100));
    expect(coldEstimate(b).value).toBeCloseTo(0.1, 12);
    expect(environmentsEstimate(b).value).toBeCloseTo(2, 12);
  });

  it('keeps 32 to 63 batches however long the run, doubling their length', () => {
    const b = createBatchMeans(1000);
    closeBatches(b, 1_000_000, (at) => ({ requests: at, coldStarts: 0, area: at }));
    expect(b.n.length).toBeGreaterThanOrEqual(32);
    expect(b.n.length).toBeLessThan(64);
    expect(b.batchMs).toBeGreaterThan(1000);
  });
});

/** A long Poisson run of one function with exponential handler times. */
function longRun(ratePerSec: number, keepAliveMs: number, meanMs: number, durationMs: number) {
  const s = scenario({ seed: 3, durationMs, workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec } }] },
    { keepAliveMs: { dist: 'constant', value: keepAliveMs }, durationMs: { dist: 'exponential', mean: meanMs } });
  const sim = new Simulation(s, { recentInvocations: 0 });
  sim.runUntil(durationMs);
  return { sim, overlay: analyticOverlay(s) };
}

describe('the models against long simulation runs', () => {
  it('at light load (λs ≈ 0.005) the closed form falls inside the run’s 95 % interval for P(cold)', () => {
    const { sim, overlay } = longRun(0.05, 10_000, 100, 30_000_000);
    const est = coldEstimate(sim.state.batches);
    if (!overlay.applies) throw new Error(overlay.reason);
    expect(est.batches).toBeGreaterThanOrEqual(32);
    expect(overlay.closedForm.coldProbability).toBeGreaterThan(est.low);
    expect(overlay.closedForm.coldProbability).toBeLessThan(est.high);
  });

  it('at load λs ≈ 1 the closed form fails and Mahmoudi & Khazaei’s model falls inside the interval, for P(cold) and mean environments', () => {
    const { sim, overlay } = longRun(2, 5000, 500, 4_000_000);
    const cold = coldEstimate(sim.state.batches), envs = environmentsEstimate(sim.state.batches);
    if (!overlay.applies) throw new Error(overlay.reason);
    expect(overlay.closedForm.coldProbability).toBeLessThan(cold.low / 100);
    expect(overlay.mk.coldProbability).toBeGreaterThan(cold.low);
    expect(overlay.mk.coldProbability).toBeLessThan(cold.high);
    expect(Math.abs(overlay.mk.meanInstances - envs.value) / envs.value).toBeLessThan(0.15);
  });

  it('says when the models do not apply (not Poisson traffic)', () => {
    const s = scenario({ workload: [{ function: 'hello', arrival: { process: 'constant', ratePerSec: 1 } }] });
    expect(analyticOverlay(s)).toMatchObject({ applies: false, reason: expect.stringContaining('Poisson') });
  });
});

describe('engine-independent atan for the t distribution', () => {
  it('agrees with known values to 1e-15', async () => {
    const { atan } = await import('./studentT');
    expect(atan(1)).toBeCloseTo(Math.PI / 4, 15);
    expect(atan(Math.sqrt(3))).toBeCloseTo(Math.PI / 3, 15);
    expect(atan(-0.5)).toBeCloseTo(-0.4636476090008061, 15);
    expect(atan(1e6)).toBeCloseTo(Math.PI / 2 - 1e-6, 12);
  });
});
