import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, openPaused, simOn } from './fixtures';

test.describe('teaching, slides and sharing', () => {
  test('a tour opens from a link, the keyboard (PageDown, as a clicker) walks it to step 3, each step plays its window, and a prediction is checked', async ({ page, consoleErrors }) => {
    await page.goto('/?tour=sync-invoke&step=1');
    await expect(page.getByTestId('tour.title')).toHaveText('A function with no environment');
    await expect(page.getByTestId('tour.count')).toHaveText('Step 1 of 6');
    await page.getByTestId('tour.guess').fill('280');
    await page.getByTestId('tour.check').click();
    await expect(page.getByTestId('tour.result')).toContainText('the run gives');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('tour.count')).toHaveText('Step 2 of 6');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('tour.title')).toContainText('Assignment finds nothing');
    await expect(page).toHaveURL(/tour=sync-invoke&step=3/);
    // The step plays its window (Counting's answer to Placement's) in slow motion, then pauses at its end.
    await expect.poll(async () => (await simOn(page).snapshot()).timeMs, { timeout: 20_000 }).toBe(1026.6);
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('tour.count')).toHaveText('Step 2 of 6');
    await page.screenshot({ path: 'test-results/screenshots/tour-step.png' });
    void consoleErrors;
  });

  test('every tour chapter opens and its prediction can be checked against the run', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.goto('/?tour=sync-invoke&step=1');
    for (const id of ['cold-vs-warm', 'async', 'scaling', 'workers', 'provisioned', 'isolation']) {
      await page.getByTestId('tour.chapter').selectOption(id);
      await expect(page).toHaveURL(new RegExp(`tour=${id}&step=1`));
      await page.getByTestId('tour.guess').fill('1');
      await page.getByTestId('tour.check').click();
      await expect(page.getByTestId('tour.result')).toContainText('the run gives');
    }
    void consoleErrors;
  });

  test('the embed URL renders only the chosen view, with no page chrome, and the keyboard still works', async ({ page, consoleErrors }) => {
    await page.goto('/?embed=1&view=fleet&theme=dark&scenario=default&autoplay=1');
    await page.waitForFunction(() => document.body.dataset.loaded === 'true');
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.locator('[data-view="fleet"]')).toBeVisible();
    await expect(page.locator('[data-view="architecture"]')).toHaveCount(0);
    await expect(page.locator('.controls')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('playback.play')).toHaveText(/Pause/);
    await page.keyboard.press('.');
    await expect(page.getByTestId('playback.play')).toHaveText(/Play/);
    await page.setViewportSize({ width: 480, height: 320 });
    await expect(page.locator('[data-view="fleet"]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/embed-fleet-dark.png' });
    void consoleErrors;
  });

  test('copy link, open it in a new page: the same scenario, seed and moment', async ({ page, context, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load({ name: 'shared', seed: 99, functions: [{ name: 'f', durationMs: { dist: 'exponential', mean: 300 } }], workload: [{ function: 'f', arrival: { process: 'poisson', ratePerSec: 30 } }] });
    await sim.seek(20_000);
    const before = await sim.snapshot();
    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => (window as unknown as { __lastLink: string }).__lastLink);
    expect(link).toContain('seed=99');
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => document.body.dataset.loaded === 'true');
    const after = await simOn(other).snapshot();
    expect(after.timeMs).toBe(before.timeMs);
    expect({ ...after.summary, wallMs: 0 }).toEqual({ ...before.summary, wallMs: 0 });
    expect(after.environments).toEqual(before.environments);
    void consoleErrors;
  });

  test('scrubbing back and forth: the state at time t is identical both ways', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.seek(30_000);
    const forwards = await sim.snapshot();
    await sim.seek(90_000);
    await sim.seek(5_000);
    await sim.seek(30_000);
    const again = await sim.snapshot();
    expect({ ...again.summary, wallMs: 0 }).toEqual({ ...forwards.summary, wallMs: 0 });
    expect(again.environments).toEqual(forwards.environments);
    // Step back undoes exactly one event.
    await sim.step();
    await page.getByTestId('playback.back').click();
    await expect.poll(async () => JSON.stringify((await sim.snapshot()).environments)).toBe(JSON.stringify(forwards.environments));
    void consoleErrors;
  });

  test('exports produce valid files: PNG, SVG, metrics CSV, run JSON, scenario JSON', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await simOn(page).seek(20_000);
    const save = async (testId: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return readFileSync(await d.path());
    };
    await page.getByTestId('export.view').selectOption('scene');
    const svg = (await save('export.svg')).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-label="Frontend Invoke"');
    const png = await save('export.png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = (await save('export.csv')).toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('t_ms,concurrency,environments,busy,idle,initializing,throttled_total,cold_starts_total,invocations_total,queue_depth,oldest_event_age_ms,scaling_tokens');
    expect(csv.length).toBeGreaterThan(1);
    const run = JSON.parse((await save('export.run')).toString('utf8'));
    expect(run.format).toBe('lambdascope-run/1');
    expect(run.seed).toBe(42);
    expect(run.eventLog.included).toBe(run.eventLog.records); // the whole log
    expect(run.eventLog.sha256).toMatch(/^[0-9a-f]{64}$/);
    const scenario = JSON.parse((await save('scenario.save')).toString('utf8'));
    expect(scenario.seed).toBe(42);
    expect(scenario.functions[0].name).toBe('hello');
    void consoleErrors;
  });

  test('opening a bad scenario file explains the problem and keeps the current run', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await page.getByTestId('scenario.open').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ seed: 1, functions: [{ name: 'f', timeoutMs: 1 }] })) });
    await expect(page.getByTestId('notice').filter({ hasText: 'functions[0].timeoutMs: must be an integer from 1000 to 900000' })).toBeVisible();
    expect((await simOn(page).snapshot()).summary.seed).toBe(42);
    void consoleErrors;
  });

  test('axe-core finds no serious accessibility violations on the main page or in embed mode', async ({ page, consoleErrors }) => {
    test.setTimeout(240_000); // three pages, each fully analysed, on a shared 2-core machine
    for (const url of ['/?scenario=default&t=20000', '/?embed=1&view=timeline&scenario=default&t=20000', '/?tour=cold-vs-warm&step=2']) {
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.loaded === 'true');
      await page.waitForTimeout(300);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`), url).toEqual([]);
    }
    void consoleErrors;
  });
});
