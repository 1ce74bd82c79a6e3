import { describe, expect, it } from 'vitest';
import { explainInvocation } from '../explain';
import { invokeAt, simulate } from '../testing/scenarios';

const tiny = { durationMs: { dist: 'constant', value: 1 } };
type Sim = ReturnType<typeof simulate>;
/** Requests received in [fromMs, toMs) and how each ended. */
function window(sim: Sim, fromMs: number, toMs: number) {
  const inWin = sim.recentInvocations().filter((i) => i.receivedMs >= fromMs && i.receivedMs < toMs);
  const reasons: Record<string, number> = {};
  for (const i of inWin) if (i.throttleReason) reasons[i.throttleReason] = (reasons[i.throttleReason] ?? 0) + 1;
  return { total: inWin.length, ok: inWin.filter((i) => i.state === 'Succeeded').length, reasons, all: inWin };
}

describe('the request-rate quotas and the 429 reasons', () => {
  it('20,000 req/s against a 1,000-concurrency account is rate-throttled at 10,000 req/s with reason FunctionInvocationRateLimitExceeded', { timeout: 60_000 }, () => {
    const sim = simulate({ workload: [{ function: 'hello', arrival: { process: 'constant', ratePerSec: 20_000 } }] }, tiny);
    sim.runUntil(3000);
    const w = window(sim, 1500, 2500); // after the first second's full bucket is spent
    expect(w.total).toBeGreaterThan(19_990);
    expect(w.ok).toBeGreaterThan(9_900);
    expect(w.ok).toBeLessThan(10_100);
    expect(Object.keys(w.reasons)).toEqual(['FunctionInvocationRateLimitExceeded']);
    const t = w.all.find((i) => i.throttleReason)!;
    expect(t.statusCode).toBe(429);
    expect(t.throttle).toMatchObject({ cause: 'function-request-rate', limit: 10_000, retryAfterSeconds: 1 });
    expect(explainInvocation(t).join(' ')).toContain('10,000 requests per second');
  });

  it('a function with reserved concurrency 50 is rate-limited at 500 req/s with reason ReservedFunctionInvocationRateLimitExceeded', { timeout: 60_000 }, () => {
    const sim = simulate({ workload: [{ function: 'hello', arrival: { process: 'constant', ratePerSec: 2000 } }] }, { ...tiny, reservedConcurrency: 50 });
    sim.runUntil(4000);
    const w = window(sim, 2000, 3000);
    expect(w.ok).toBeGreaterThan(490);
    expect(w.ok).toBeLessThan(510);
    expect(Object.keys(w.reasons)).toEqual(['ReservedFunctionInvocationRateLimitExceeded']);
  });

  it("the Region's quota (10 × the account's concurrency) throttles callers across functions with CallerRateLimitExceeded", { timeout: 60_000 }, () => {
    const two = [{ name: 'a', durationMs: { dist: 'constant', value: 1 }, cpuBoundFraction: 0 }, { name: 'b', durationMs: { dist: 'constant', value: 1 }, cpuBoundFraction: 0 }];
    const sim = simulate({
      account: { concurrencyLimit: 500, unreservedMinimum: 100 }, functions: two,
      workload: [{ function: 'a', arrival: { process: 'constant', ratePerSec: 4000 } }, { function: 'b', arrival: { process: 'constant', ratePerSec: 4000 } }],
    });
    sim.runUntil(4000);
    const w = window(sim, 2000, 3000);
    // Each function stays under its own 5,000 req/s; together they exceed the account's 5,000.
    expect(w.ok).toBeGreaterThan(4_950);
    expect(w.ok).toBeLessThan(5_050);
    expect(Object.keys(w.reasons)).toEqual(['CallerRateLimitExceeded']);
  });

  it('a version with provisioned concurrency 5 admits 50 requests per second', { timeout: 60_000 }, () => {
    const sim = simulate({ workload: [{ function: 'hello:live', arrival: { process: 'constant', ratePerSec: 200 }, startMs: 120_000 }] }, { ...tiny, provisionedConcurrency: 5 });
    sim.runUntil(125_000);
    const w = window(sim, 122_000, 124_000);
    expect(w.ok).toBeGreaterThan(95);
    expect(w.ok).toBeLessThan(105);
    expect(w.all.find((i) => i.throttle)?.throttle?.cause).toBe('provisioned-request-rate');
  });

  it("Event requests from clients count against the Region's quota only; the pollers' attempts are bounded by concurrency", { timeout: 60_000 }, () => {
    const sim = simulate({ account: { concurrencyLimit: 100, unreservedMinimum: 10 }, workload: [{ function: 'hello', mode: 'Event', arrival: { process: 'constant', ratePerSec: 2000 } }] }, tiny);
    sim.runUntil(3000);
    const direct = sim.recentInvocations().filter((i) => i.asyncEvent === 0 && i.receivedMs >= 1000 && i.receivedMs < 2000);
    // 2,000 Event/s against 1,000/s: about half are refused at the door with 429; the rest are queued (202).
    expect(direct.length).toBeGreaterThan(950);
    expect(direct.every((i) => i.throttleReason === 'CallerRateLimitExceeded')).toBe(true);
    expect(sim.state.asyncQueue.stats.accepted).toBeGreaterThan(2 * 1000);
  });

  it("'why throttled?' states the scaling rate in the scenario's own numbers", () => {
    const sim = simulate({ account: { scaling: { environments: 3, perMs: 5000 } } }, { durationMs: { dist: 'constant', value: 10_000 }, timeoutMs: 20_000 });
    for (let i = 0; i < 4; i++) invokeAt(sim, 0);
    sim.runUntil(100);
    const t = sim.recentInvocations().find((i) => i.throttleReason)!;
    expect(t.throttle).toMatchObject({ cause: 'scaling-rate', limit: 3, perMs: 5000 });
    const text = explainInvocation(t).join(' ');
    expect(text).toContain('3 new environments per 5.00 s');
    expect(text).not.toContain('1,000');
    expect(text).toContain('[INF]'); // the reason for a scaling throttle is not documented
  });
});
