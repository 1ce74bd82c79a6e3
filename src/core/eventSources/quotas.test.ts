import { describe, expect, it } from 'vitest';
import { countingOf } from '../services/counting';
import { batchInvocations, runChecked, source, withSources } from './testing';

/**
 * A mapping's pollers invoke synchronously through the Frontend, so the function's quotas
 * apply to them like to any caller: reserved concurrency, the account's (own) concurrency,
 * each 429 named with its AWS reason (services/throttleReasons.ts).
 */
const backlog = { type: 'sqs', function: 'hello', name: 'orders', batchSize: 10, producer: { process: 'burst', count: 5000, atMs: 0 }, queue: { visibilityTimeoutMs: 60_000 } };
const slow = { durationMs: { dist: 'constant', value: 5000 }, timeoutMs: 10_000, cpuBoundFraction: 0 };

describe('event source mappings under the function’s quotas', { timeout: 60_000 }, () => {
  it('a mapping over the function’s reserved concurrency is throttled with ReservedFunctionConcurrentInvocationLimitExceeded', () => {
    const sim = withSources([backlog], { ...slow, reservedConcurrency: 2 });
    runChecked(sim, 20_000, 20);
    const throttled = batchInvocations(sim).filter((i) => i.state === 'Throttled');
    expect(throttled.length).toBeGreaterThan(0);
    expect(new Set(throttled.map((i) => i.throttleReason))).toEqual(new Set(['ReservedFunctionConcurrentInvocationLimitExceeded']));
    expect(source(sim).counters.throttles).toBe(throttled.length);
    expect(sim.state.functions[0].inUse).toBeLessThanOrEqual(2);
  });

  it('a mapping on a function of a second account uses that account’s concurrency, and its 429s say ConcurrentInvocationLimitExceeded', () => {
    const sim = withSources([backlog], { ...slow, account: 'small' }, {
      accounts: [{ id: 'big', concurrencyLimit: 1000 }, { id: 'small', concurrencyLimit: 3, unreservedMinimum: 0 }],
    });
    let peak = 0;
    for (let t = 500; t <= 20_000; t += 500) {
      runChecked(sim, t, 20);
      peak = Math.max(peak, countingOf(sim.state, 1).accountInUse);
      expect(countingOf(sim.state, 0).accountInUse).toBe(0); // the other account's pool is untouched
    }
    expect(peak).toBe(3);
    const throttled = batchInvocations(sim).filter((i) => i.state === 'Throttled');
    expect(throttled.length).toBeGreaterThan(0);
    expect(new Set(throttled.map((i) => i.throttleReason))).toEqual(new Set(['ConcurrentInvocationLimitExceeded']));
  });

  it('a mapping cannot name a function with tenant isolation (its pollers send no tenant id)', async () => {
    const { parseScenario } = await import('../scenario/parseScenario');
    const r = parseScenario({ functions: [{ name: 'hello', runtime: 'nodejs20.x', tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }], eventSources: [backlog] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/eventSources\[0\]\.function.*tenant isolation/);
  });
});
