import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

const slow = { durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 };
const burst = (count: number, atMs = 0) => ({ function: 'hello', arrival: { process: 'burst', count, atMs } });

describe('Counting service: concurrency and the scaling rate', () => {
  it('3,000 simultaneous requests to a cold function start about 1,000 environments; the rest get 429', () => {
    const sim = simulate({ account: { concurrencyLimit: 10_000 }, workload: [burst(3000, 1000)] }, slow);
    sim.runUntil(2000);
    expect(sim.state.functions[0].stats.coldStarts).toBe(1000);
    expect(sim.state.metrics.throttled).toBe(2000);
    expect(sim.state.metrics.throttleReasons).toEqual({ FunctionInvocationRateLimitExceeded: 2000 });
    expect(sim.state.environments.size).toBe(1000);
  });

  it('the scaling bucket refills continuously: 5 s later, about 500 more environments may start', () => {
    const sim = simulate({ account: { concurrencyLimit: 10_000 }, workload: [burst(1000, 0), burst(1000, 5000)] }, slow);
    sim.runUntil(6000);
    expect(sim.state.environments.size).toBe(1500);
    expect(sim.state.metrics.throttled).toBe(500);
  });

  it('unused scaling capacity is not banked: after a quiet hour the bucket still holds only 1,000', () => {
    const sim = simulate({ account: { concurrencyLimit: 10_000 }, workload: [burst(2000, 3_600_000)] }, slow);
    sim.runUntil(3_600_001);
    expect(sim.state.environments.size).toBe(1000);
  });

  it('reserved concurrency 0 throttles every invocation', () => {
    const sim = simulate({ workload: [burst(5)] }, { reservedConcurrency: 0 });
    sim.runUntil(1000);
    expect(sim.state.metrics.throttled).toBe(5);
    expect(sim.state.metrics.throttleReasons).toEqual({ ReservedFunctionConcurrentInvocationLimitExceeded: 5 });
    expect(sim.state.environments.size).toBe(0);
  });

  it('reserved concurrency is a ceiling: a function reserved at 10 never runs 11 at once', () => {
    const sim = simulate({ workload: [burst(25)] }, { ...slow, reservedConcurrency: 10 });
    sim.runUntil(1000);
    expect(sim.state.functions[0].inUse).toBe(10);
    expect(sim.state.metrics.throttled).toBe(15);
  });

  it('reserved concurrency is a floor: other functions cannot take the reserved units', () => {
    const sim = simulate({
      account: { concurrencyLimit: 200, unreservedMinimum: 100 },
      functions: [
        { name: 'reserved', reservedConcurrency: 50, durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 },
        { name: 'other', durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 },
      ],
      workload: [{ function: 'other', arrival: { process: 'burst', count: 200, atMs: 0 } }, { function: 'reserved', arrival: { process: 'burst', count: 50, atMs: 100 } }],
    });
    sim.runUntil(1000);
    expect(sim.functionNamed('other')!.inUse).toBe(150); // 200 − 50 reserved
    expect(sim.functionNamed('other')!.stats.throttled).toBe(50);
    expect(sim.functionNamed('reserved')!.inUse).toBe(50); // all of its floor is still there
    expect(sim.state.metrics.throttleReasons.ConcurrentInvocationLimitExceeded).toBe(50);
  });

  it('the account concurrency limit throttles with ConcurrentInvocationLimitExceeded', () => {
    const sim = simulate({ account: { concurrencyLimit: 100, unreservedMinimum: 100 }, workload: [burst(150)] }, slow);
    sim.runUntil(1000);
    expect(sim.state.counting.accountInUse).toBe(100);
    expect(sim.state.metrics.throttleReasons).toEqual({ ConcurrentInvocationLimitExceeded: 50 });
  });

  it('a concurrency unit is released when the invocation ends, so the next request may run', () => {
    const sim = simulate({}, { reservedConcurrency: 1 });
    invokeAt(sim, 0);
    invokeAt(sim, 100); // first still running: throttled
    invokeAt(sim, 2000); // first done: warm
    sim.runUntil(3000);
    expect(sim.recentInvocations().map((i) => i.state)).toEqual(['Throttled', 'Succeeded', 'Succeeded']);
  });

  it('a client with 3 attempts retries a throttled request with backoff', () => {
    const sim = simulate({}, { reservedConcurrency: 1, durationMs: { dist: 'constant', value: 1500 } });
    invokeAt(sim, 0);
    invokeAt(sim, 100, { function: 'hello', maxAttempts: 3 });
    sim.runUntil(30_000);
    const retried = sim.recentInvocations().filter((i) => i.source === -1 && i.attempt > 1);
    expect(retried.length).toBeGreaterThan(0);
    const final = sim.recentInvocations().filter((i) => i.attempt === Math.max(...sim.recentInvocations().map((x) => x.attempt)));
    expect(final[0].attempt).toBeLessThanOrEqual(3);
  });
});
