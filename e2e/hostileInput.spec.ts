import { expect, openPaused, test } from './fixtures';

/**
 * Hostile and huge input through the page API (issue #8): every bad call settles with a
 * bounded, precise rejection; the page never gets an uncaught error and the run that was
 * loaded before stays.
 */
test.describe('hostile input through window.lambdaSim', () => {
  test('load() of 3,000 long names and 3,000 references to an unknown function rejects with at most 50 short messages', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const result = await page.evaluate(async () => {
      const scenario = {
        seed: 1,
        functions: Array.from({ length: 3000 }, (_, i) => ({ name: `fn${i}_`.padEnd(64, 'x') })),
        workload: Array.from({ length: 3000 }, () => ({ function: 'nope', arrival: { process: 'poisson', ratePerSec: 1 } })),
      };
      // A promise that never settled would hang here: race it against a generous deadline.
      const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('never settled'), 20_000));
      return Promise.race([window.lambdaSim.load(scenario).then(() => 'resolved', (e: Error) => e.message), deadline]);
    });
    const lines = result.split('\n');
    expect(lines[0]).toBe('load(scenario): invalid scenario:');
    expect(lines[1]).toBe('workload[0].function: must name a function in "functions" (3000 defined; none close to "nope")');
    expect(lines).toHaveLength(52);
    expect(lines[51]).toBe('… and 2950 more problems');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(400);
    expect(await page.evaluate(async () => (await window.lambdaSim.snapshot()).summary.seed)).toBe(42);
    void consoleErrors;
  });

  test('equal lease and drain, or provisioned concurrency of 1,000,000, are refused at load instead of hanging the worker', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const err = (s: object) => page.evaluate(async (x) => window.lambdaSim.load(x).then(() => 'resolved', (e: Error) => e.message), s);
    expect(await err({ seed: 1, fleet: { leaseMs: 3_600_000 }, platform: { drainBeforeLeaseEndMs: 3_600_000 }, functions: [{ name: 'a' }] }))
      .toContain('platform.drainBeforeLeaseEndMs: must be at most half of fleet.leaseMs (1800000)');
    expect(await err({ seed: 1, functions: [{ name: 'a', runtime: 'java21', provisionedConcurrency: 1_000_000 }] }))
      .toContain('functions[0].provisionedConcurrency: must be an integer from 0 to 900');
    // The worker still answers.
    await page.evaluate(() => window.lambdaSim.invoke({ function: 'hello' }));
    void consoleErrors;
  });

  test('invoke() with a hostile request rejects with the core validator’s message', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const err = (r: object) => page.evaluate(async (x) => window.lambdaSim.invoke(x as never).then(() => 'resolved', (e: Error) => e.message), r);
    expect(await err({ function: 'x'.repeat(100_000) })).toMatch(/^invoke\(req\): req\.function: must name a function, optionally with :version or :alias/);
    expect(await err({ function: 'hello', count: 1e9 })).toBe('invoke(req): req.count: must be an integer from 1 to 100000');
    void consoleErrors;
  });
});
