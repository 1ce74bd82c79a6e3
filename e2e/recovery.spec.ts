import { test, expect, openPaused, type Sim } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Crash recovery loses nothing: after a failure the run resumes exactly at the last good
 * moment — same time, same event — with every input the user gave, and the banner says so.
 */
const empty = {
  name: 'recovery', seed: 11, durationMs: 3_600_000,
  functions: [{ name: 'hello', runtime: 'nodejs20.x', memoryMb: 512, durationMs: { dist: 'constant', value: 80 } }],
  workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 5 } }],
};

/** Inputs right up to the failure: a burst at 5 s, and two more invocations at that very moment. */
async function actThenRecord(page: Page, sim: Sim) {
  await openPaused(page, 'scenario=default');
  await sim.load(empty);
  await sim.seek(5_000);
  await sim.invoke({ function: 'hello', count: 20 });
  await sim.invoke({ function: 'hello', mode: 'Event', count: 2 });
  await expect.poll(async () => (await sim.snapshot()).timeMs).toBe(5_000);
  return sim.snapshot();
}

/** The same run done straight, in the same page, for comparison. */
async function straightRun(sim: Sim, untilMs: number) {
  await sim.load(empty);
  await sim.seek(5_000);
  await sim.invoke({ function: 'hello', count: 20 });
  await sim.invoke({ function: 'hello', mode: 'Event', count: 2 });
  await sim.seek(untilMs);
  return sim.snapshot();
}

const comparable = (s: { timeMs: number; summary: object }) => JSON.stringify({ ...s.summary, wallMs: 0, timeMs: s.timeMs });

test.describe('when the simulation fails', () => {
  test('an error in the worker: the restart resumes at the very moment, with the inputs given just before', async ({ page, sim, consoleErrors }) => {
    const before = await actThenRecord(page, sim);
    await sim.crash('throw');
    await expect(page.getByTestId('worker-error')).toContainText('injected crash (diagnostics)');
    await expect(page.getByTestId('worker-error.plan')).toContainText('t = 5.000 s');
    await expect(page.getByTestId('worker-error.plan')).toContainText('all 2 of your recorded inputs');
    await expect(page.locator('[data-component="frontend"] [data-label]')).toBeVisible(); // never blank
    await page.getByTestId('worker-error.restart').click();
    await expect(page.getByTestId('worker-error')).toHaveCount(0);
    await expect(page.getByTestId('notice').filter({ hasText: 'Resumed at t = 5,000 ms' })).toBeVisible();
    const after = await sim.snapshot();
    expect(comparable(after)).toBe(comparable(before));
    await sim.seek(30_000);
    const resumed = await sim.snapshot();
    expect(comparable(resumed)).toBe(comparable(await straightRun(sim, 30_000)));
    void consoleErrors;
  });

  for (const mode of ['uncaught', 'die'] as const) {
    test(`a worker that ${mode === 'die' ? 'stops answering' : 'fails outside its handlers'} is replaced by a new one, with the scenario, every input and the moment`, async ({ page, sim }) => {
      test.setTimeout(90_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const before = await actThenRecord(page, sim);
      await sim.crash(mode);
      await expect(page.getByTestId('worker-error')).toContainText(mode === 'die' ? 'stopped answering' : 'failed outside its handlers', { timeout: 20_000 });
      await expect(page.getByTestId('worker-error.plan')).toContainText('A new worker will replay the scenario, its seed and all 2 of your recorded inputs');
      await page.getByTestId('worker-error.restart').click();
      await expect(page.getByTestId('notice').filter({ hasText: 'A new simulation worker resumed the run at t = 5.000 s' })).toBeVisible();
      const after = await sim.snapshot();
      expect(comparable(after)).toBe(comparable(before));
      await sim.seek(30_000);
      expect(comparable(await sim.snapshot())).toBe(comparable(await straightRun(sim, 30_000)));
      expect(errors).toEqual([]);
    });
  }
});
