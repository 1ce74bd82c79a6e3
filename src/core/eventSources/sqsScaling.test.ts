import { describe, expect, it } from 'vitest';
import { runChecked, source, withSources } from './testing';

/** A deep backlog: 100,000 messages at once, each batch taking 10 s. */
const backlog = (extra: Record<string, unknown> = {}) => ({
  type: 'sqs', function: 'hello', name: 'orders', batchSize: 10,
  producer: { process: 'burst', count: 100_000, atMs: 0 }, queue: { visibilityTimeoutMs: 120_000 }, ...extra,
});
const slow = { durationMs: { dist: 'constant', value: 10_000 }, timeoutMs: 20_000 };
const bigAccount = { account: { concurrencyLimit: 5000 }, fleet: { workers: 8 } };

/** Concurrency (batches being invoked) sampled every second up to `untilMs`. */
function concurrencyOverTime(sim: ReturnType<typeof withSources>, untilMs: number): { t: number; c: number }[] {
  const out: { t: number; c: number }[] = [];
  for (let t = 1000; t <= untilMs; t += 1000) {
    sim.runUntil(t);
    out.push({ t, c: source(sim).invoking });
  }
  return out;
}

describe('SQS standard queue scaling', { timeout: 120_000 }, () => {
  it('an SQS mapping starts with five concurrent batches when messages are available', () => {
    const sim = withSources([backlog()], slow, bigAccount);
    sim.runUntil(900);
    expect(source(sim).invoking).toBe(5);
  });

  it('an SQS mapping adds at most 300 concurrent batches per minute while messages wait', () => {
    const sim = withSources([backlog()], slow, bigAccount);
    const points = concurrencyOverTime(sim, 150_000);
    for (const { t, c } of points) expect(c, `at ${t} ms`).toBeLessThanOrEqual(5 + Math.ceil((300 * t) / 60_000));
    const at60 = points.find((p) => p.t === 60_000)!.c;
    expect(at60).toBeGreaterThan(250); // it does scale, close to the documented rate
    expect(points.find((p) => p.t === 120_000)!.c).toBeGreaterThan(at60 + 250);
  });

  it('an SQS mapping never processes more than 1,000 batches at once', () => {
    const sim = withSources([backlog({ producer: { process: 'constant', ratePerSec: 300_000, endMs: 999.999 } })], slow, bigAccount);
    const points = concurrencyOverTime(sim, 260_000);
    expect(Math.max(...points.map((p) => p.c))).toBe(1000);
    expect(source(sim).peakConcurrency).toBe(1000);
  });

  it('maximumConcurrency caps the batches a mapping runs', () => {
    const sim = withSources([backlog({ scalingConfig: { maximumConcurrency: 40 } })], slow, bigAccount);
    runChecked(sim, 60_000, 50);
    expect(source(sim).peakConcurrency).toBe(40);
  });

  it('when traffic drops the mapping falls back to five batches, and to two after a quiet spell', () => {
    const sim = withSources([backlog({ producer: { process: 'burst', count: 20_000, atMs: 0 } })], slow, bigAccount);
    sim.runUntil(200_000); // the backlog is gone long before
    expect(source(sim).pool.size).toBe(0);
    expect(source(sim).target).toBe(2);
  });

  it('with maximumConcurrency set the mapping does not go below five batches', () => {
    const sim = withSources([backlog({ producer: { process: 'burst', count: 2000, atMs: 0 }, scalingConfig: { maximumConcurrency: 100 } })], slow, bigAccount);
    sim.runUntil(300_000);
    expect(source(sim).target).toBe(5);
  });

  it('function errors make the mapping back off; errors reported as batch item failures do not', () => {
    const failing = { errorRate: 1 }; // 100 ms handler: errors every second
    const plain = withSources([backlog()], failing, bigAccount);
    const reported = withSources([backlog({ functionResponseTypes: ['ReportBatchItemFailures'], producer: { process: 'burst', count: 100_000, atMs: 0, poisonRate: 1 } })], {}, bigAccount);
    plain.runUntil(20_000);
    reported.runUntil(20_000);
    expect(source(plain).target).toBe(5); // errors every second keep it at its floor
    expect(source(reported).target).toBeGreaterThan(80); // +5 a second
  });

  it("the mapping's invocations count against the function's reserved concurrency, and are throttled beyond it", () => {
    const sim = withSources([backlog()], { ...slow, reservedConcurrency: 20 }, bigAccount);
    runChecked(sim, 30_000, 100);
    const fn = sim.state.functions[0];
    expect(fn.inUse).toBeLessThanOrEqual(20);
    expect(source(sim).counters.throttles).toBeGreaterThan(0);
    expect(sim.state.metrics.throttleReasons.ReservedFunctionConcurrentInvocationLimitExceeded).toBeGreaterThan(0);
  });

  it('provisioned mode keeps minimumPollers × 10 batches ready and scales three times faster', () => {
    const sim = withSources([backlog({ provisionedPollerConfig: { minimumPollers: 5, maximumPollers: 200 } })], slow, bigAccount);
    sim.runUntil(900);
    expect(source(sim).invoking).toBe(50);
    sim.runUntil(60_000);
    expect(source(sim).invoking).toBeGreaterThan(50 + 800);
    expect(source(sim).invoking).toBeLessThanOrEqual(50 + 900 + 15);
  });
});
