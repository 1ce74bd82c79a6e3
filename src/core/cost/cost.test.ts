import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { invokeAt, simulate } from '../testing/scenarios';
import { createMeter, meterInvoke } from './meter';
import { PRICING, gbSeconds } from './pricing';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';

/** A meter exercised directly, like AWS's pricing-page examples (a month of usage in a loop). */
function month(requests: number, ms: number, memoryMb: number, architecture: 'x86_64' | 'arm64') {
  const fn = { cost: createMeter() } as FunctionRuntime;
  const v = { cfg: { architecture } } as VersionRuntime;
  for (let i = 0; i < requests; i++) meterInvoke(fn, v, ms, memoryMb, false);
  return fn.cost;
}

describe('what a run costs (us-east-1 prices, cost/pricing.ts)', () => {
  it('AWS\'s example: 3 million requests of 1 s at 512 MB — 1.5 million GB-s — cost $25.60, or $18.73 after the free tier', () => {
    const m = month(3_000_000, 1000, 512, 'x86_64');
    expect(m.invokeGbSeconds).toBeCloseTo(1_500_000, 3);
    // 1,500,000 GB-s × $0.0000166667 = $25.00005; 3 M requests × $0.20/M = $0.60.
    expect(m.usd).toBeCloseTo(25.60005, 4);
    // Free tier: (1,500,000 − 400,000) GB-s × $0.0000166667 + (3 M − 1 M) × $0.20/M = $18.33337 + $0.40.
    const billable = (m.invokeGbSeconds - PRICING.freeTier.gbSeconds) * PRICING.durationPerGbSecond.x86_64 + (m.requests - PRICING.freeTier.requests) * PRICING.perRequest;
    expect(billable).toBeCloseTo(18.73337, 4);
  });

  it('the same month on arm64 costs 20 % less for its duration', () => {
    const arm = month(3_000_000, 1000, 512, 'arm64');
    // 1,500,000 GB-s × $0.0000133334 = $20.0001, + $0.60 of requests.
    expect(arm.usd).toBeCloseTo(20.6001, 3);
  });

  it('duration is billed in whole milliseconds, rounded up: 1.2 ms at 128 MB bills 2 ms', () => {
    expect(gbSeconds(1.2, 128)).toBeCloseTo(0.002 * 0.125, 12);
  });

  it('a cold start bills its Init as well as its Invoke: the INIT phase is billed on demand since 1 August 2025', () => {
    const sim = simulate({}, { memoryMb: 512 }); // Init 200 ms, handler 100 ms
    invokeAt(sim, 0);
    sim.runUntil(10_000);
    const c = summarize(sim).cost;
    expect(c.invokeGbSeconds).toBeCloseTo(0.05, 6); // 0.1 s × 0.5 GB
    expect(c.initGbSeconds).toBeCloseTo(0.1, 6); // 0.2 s × 0.5 GB
    expect(c.requests).toBe(1);
    expect(c.usd).toBeCloseTo(0.15 * 0.0000166667 + 0.0000002, 7);
    expect(c.byFunction.hello.lines).toMatchObject({ requests: 0.0000002 });
    expect(c.pricing).toBe(PRICING.id);
  });

  it('provisioned concurrency is billed per GB-s allocated, rounded up to 5 minutes, and its invocations at the lower duration rate', () => {
    const sim = simulate({}, { memoryMb: 1024, provisionedConcurrency: 2 });
    sim.runUntil(400_000); // enabled at t = 0: 400 s bills as 600 s
    const c = summarize(sim).cost;
    expect(c.provisionedGbSeconds).toBeCloseTo(2 * 1 * 600, 6);
    const pcUsd = 1200 * 0.0000041667;
    const initUsd = 2 * 0.2 * 1 * 0.0000097222; // each environment's 200 ms Init, at the provisioned duration rate [INF]
    expect(c.usd).toBeCloseTo(pcUsd + initUsd, 7); // the summary keeps 8 decimals
    invokeAt(sim, 400_000, { function: 'hello:live' });
    sim.runUntil(410_000);
    const after = summarize(sim).cost.byFunction.hello;
    expect(after.provisionedInvokeGbSeconds).toBeCloseTo(0.1, 6);
    expect(after.lines.provisionedInvoke).toBeCloseTo(0.1 * 0.0000097222, 8); // the summary keeps 8 decimals
  });

  it('SnapStart for Python bills its snapshot cache (at least 3 hours) and each restore; Java\'s SnapStart is free', () => {
    const run = (runtime: string) => {
      const sim = simulate({ controlPlane: [{ atMs: 0, action: 'PublishVersion', function: 'hello' }] }, { runtime, snapStart: true, memoryMb: 512 });
      invokeAt(sim, 60_000, { function: 'hello:1' });
      sim.runUntil(120_000);
      return summarize(sim).cost.byFunction.hello;
    };
    const py = run('python3.12');
    expect(py.snapStartCacheGbSeconds).toBeCloseTo(0.5 * 10_800, 3); // 3 h minimum × 0.5 GB
    expect(py.snapStartRestoredGb).toBeCloseTo(0.5);
    expect(py.lines.snapStart).toBeGreaterThan(5400 * 0.0000015046 + 0.5 * 0.0001397998);
    const java = run('java21');
    expect(java.snapStartCacheGbSeconds).toBe(0);
    expect(java.lines.snapStart).toBe(0);
  });

  it('the free tier is off unless the scenario asks for it', () => {
    const sim = simulate({}, { memoryMb: 512 });
    invokeAt(sim, 0);
    sim.runUntil(10_000);
    expect(summarize(sim).cost).toMatchObject({ freeTier: false, freeTierUsd: 0 });
    const free = simulate({ cost: { freeTier: true } }, { memoryMb: 512 });
    invokeAt(free, 0);
    free.runUntil(10_000);
    expect(summarize(free).cost).toMatchObject({ freeTier: true, usd: 0 });
  });
});
