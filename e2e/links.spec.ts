import { test, expect, openPaused, simOn } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Links reproduce the run: a custom scenario travels compressed in the fragment (never sent
 * to a server), a preset is named only when the scenario is identical to it, and the user's
 * inputs travel too.
 */
async function copy(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  return page.evaluate(() => (window as unknown as { __lastLink: string }).__lastLink);
}
const comparable = (s: { timeMs: number; summary: object }) => JSON.stringify({ ...s.summary, wallMs: 0, timeMs: s.timeMs });

test('a custom scenario named like a preset links as itself, in the fragment, not as the preset', async ({ page, context, consoleErrors }) => {
  await openPaused(page, 'scenario=default');
  const sim = simOn(page);
  await sim.load({ name: 'default', seed: 3, functions: [{ name: 'mine', memoryMb: 1024, durationMs: { dist: 'constant', value: 30 } }], workload: [{ function: 'mine', arrival: { process: 'constant', ratePerSec: 4 } }] });
  await sim.seek(10_000);
  const before = await sim.snapshot();
  const link = await copy(page);
  const url = new URL(link);
  expect(url.searchParams.get('scenario')).toBeNull();
  expect(url.hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => document.body.dataset.loaded === 'true');
  const after = await simOn(other).snapshot();
  expect(after.environments.map((e) => e.function)).toContain('mine');
  expect(comparable(after)).toBe(comparable(before));
  void consoleErrors;
});

test('a preset, unchanged, links by its name', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=cold-vs-warm&seed=9');
  const url = new URL(await copy(page));
  expect(url.searchParams.get('scenario')).toBe('cold-vs-warm');
  expect(url.searchParams.get('seed')).toBe('9');
  expect(url.hash).toBe('');
  void consoleErrors;
});

test('"Copy link" carries the user’s inputs: the link reproduces the same run', async ({ page, context, consoleErrors }) => {
  await openPaused(page, 'scenario=cold-vs-warm');
  const sim = simOn(page);
  await sim.seek(2_000);
  await sim.invoke({ function: 'hello', count: 40 });
  await sim.seek(3_000);
  await page.getByTestId('invoke.event').click();
  await sim.seek(8_000);
  const before = await sim.snapshot();
  expect(before.summary.invocations.total).toBeGreaterThan(40);
  const link = await copy(page);
  expect(new URL(link).hash).toMatch(/(^#|&)i=[A-Za-z0-9_-]+/);
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => document.body.dataset.loaded === 'true');
  expect(comparable(await simOn(other).snapshot())).toBe(comparable(before));
  void consoleErrors;
});

test('old ?scenario=<base64url JSON> links keep working', async ({ page, consoleErrors }) => {
  const json = { name: 'old-link', seed: 4, functions: [{ name: 'legacy' }], workload: [] };
  const b64 = Buffer.from(JSON.stringify(json)).toString('base64url');
  await openPaused(page, `scenario=${b64}&t=1000`);
  const sim = simOn(page);
  await sim.invoke({ function: 'legacy' });
  await sim.seek(3_000);
  expect((await sim.snapshot()).summary.functions.legacy.invocations).toBe(1);
  void consoleErrors;
});

test('a damaged fragment gets a notice naming it, and the page falls back', async ({ page, consoleErrors }) => {
  await page.goto('/#s=not*base64&i=AAAA');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await expect(page.getByTestId('notice').filter({ hasText: 'URL fragment s (the scenario): not base64url' })).toBeVisible();
  await expect(page.getByTestId('notice').filter({ hasText: 'URL fragment i (the recorded inputs): not deflate-compressed data' })).toBeVisible();
  expect((await simOn(page).snapshot()).summary.seed).toBe(42);
  void consoleErrors;
});
