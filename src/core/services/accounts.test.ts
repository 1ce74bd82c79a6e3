import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { simulate } from '../testing/scenarios';

const long = { durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000, cpuBoundFraction: 0 };
const two = (extra: Record<string, unknown> = {}) => ({
  accounts: [{ id: 'acme', concurrencyLimit: 100, unreservedMinimum: 10 }, { id: 'globex', concurrencyLimit: 100, unreservedMinimum: 10 }],
  functions: [{ name: 'shop', account: 'acme', ...long }, { name: 'mail', account: 'globex', ...long }],
  ...extra,
});

describe('many customers on one fleet', () => {
  it("each account has its own concurrency: one customer's burst throttles only that customer", () => {
    const sim = simulate(two({ workload: [
      { function: 'shop', arrival: { process: 'burst', count: 300, atMs: 0 } },
      { function: 'mail', arrival: { process: 'burst', count: 50, atMs: 100 } },
    ] }));
    sim.runUntil(5_000);
    const s = summarize(sim);
    expect(s.functions.shop.throttled).toBe(200);
    expect(s.functions.mail.throttled).toBe(0);
    expect(sim.state.counting.accountInUse).toBe(100);
    expect(sim.state.moreCounting[0].accountInUse).toBe(50);
  });

  it('all accounts share the worker fleet: their environments sit side by side on a worker, each behind its own microVM', () => {
    const sim = simulate(two({ fleet: { workers: 1 }, workload: [
      { function: 'shop', arrival: { process: 'burst', count: 3, atMs: 0 } },
      { function: 'mail', arrival: { process: 'burst', count: 3, atMs: 0 } },
    ] }));
    sim.runUntil(2_000);
    const envs = [...sim.state.environments.values()];
    expect(new Set(envs.map((e) => e.worker)).size).toBe(1);
    expect(envs.map((e) => sim.state.scenario.accounts[e.account].id).sort()).toEqual(['acme', 'acme', 'acme', 'globex', 'globex', 'globex']);
    expect(new Set(envs.map((e) => e.microvm)).size).toBe(6);
  });

  it('an execution environment never serves a function of another account, even one of the same name', () => {
    const sim = simulate({
      accounts: [{ id: 'acme' }, { id: 'globex' }],
      functions: [{ name: 'a', account: 'acme', cpuBoundFraction: 0 }, { name: 'b', account: 'globex', cpuBoundFraction: 0 }],
      workload: [{ function: 'a', arrival: { process: 'poisson', ratePerSec: 20 } }, { function: 'b', arrival: { process: 'poisson', ratePerSec: 20 } }],
    });
    sim.runUntil(60_000);
    for (const inv of sim.recentInvocations()) {
      if (inv.env === 0) continue;
      expect(sim.state.functions[inv.fn].account).toBe(inv.fn === 0 ? 0 : 1);
    }
    expect(Object.keys(summarize(sim).cost.byAccount)).toEqual(['acme', 'globex']);
  });

  it("each account scales at its own rate: another account's empty scaling bucket does not throttle it", () => {
    const sim = simulate({
      accounts: [{ id: 'slow', concurrencyLimit: 1000, scaling: { environments: 10, perMs: 10_000 } }, { id: 'fast', concurrencyLimit: 1000 }],
      functions: [{ name: 'a', account: 'slow', ...long }, { name: 'b', account: 'fast', ...long }],
      workload: [{ function: 'a', arrival: { process: 'burst', count: 50, atMs: 0 } }, { function: 'b', arrival: { process: 'burst', count: 50, atMs: 0 } }],
    });
    sim.runUntil(1_000);
    const s = summarize(sim);
    expect(s.functions.a.throttled).toBe(40);
    expect(s.functions.b.throttled).toBe(0);
  });
});
