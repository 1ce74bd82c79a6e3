import { mkdirSync } from 'node:fs';
import { test, expect, simOn } from './fixtures';
import { inViewport } from './sceneChecks';
import { CHAPTERS } from '../src/app/tours/chapters';

/** The narration, and — when the step asks — the question and answer box, then Next: all on screen. */
async function narrationOnScreen(page: import('@playwright/test').Page, predict: boolean): Promise<string[]> {
  const missing: string[] = [];
  // The text scrolls inside its own box when it is long: the box must be on screen, and the text's first lines in it.
  const must = ['[data-tour-narration]', '[data-testid="tour.body"]', '[data-testid="tour.next"]', '[data-testid="tour.back"]'];
  if (predict) must.push('[data-testid="tour.predict"] label', '[data-testid="tour.guess"]', '[data-testid="tour.check"]');
  for (const sel of must) if (!(await inViewport(page, sel))) missing.push(sel);
  const textTop = await page.evaluate(() => {
    const body = document.querySelector('[data-testid="tour.body"]')!.getBoundingClientRect();
    const text = document.querySelector('[data-testid="tour.text"]')!.getBoundingClientRect();
    return text.top >= body.top - 0.5 && text.top + 40 <= body.bottom;
  });
  if (!textTop) missing.push('the text’s first lines');
  return missing;
}

test('every tour step keeps its narration, question, answer box and Next on screen at 1280×720, and each is kept as a screenshot', async ({ page, consoleErrors }) => {
  test.setTimeout(900_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  mkdirSync('test-results/screenshots/tours', { recursive: true });
  const sim = simOn(page);
  for (const ch of CHAPTERS) {
    for (let n = 1; n <= ch.steps.length; n++) {
      const step = ch.steps[n - 1];
      await page.goto(`/?tour=${ch.id}&step=${n}`);
      await page.waitForFunction(() => document.body.dataset.loaded === 'true');
      await expect(page.getByTestId('tour.count')).toHaveText(`Step ${n} of ${ch.steps.length}`);
      expect(await narrationOnScreen(page, !!step.predict), `${ch.id} step ${n}`).toEqual([]);
      // The picture at the end of the step's window (what a learner sees when it has played).
      await sim.seek(step.toMs);
      await expect.poll(async () => (await sim.snapshot()).timeMs).toBeCloseTo(step.toMs, 0);
      await expect(page.getByTestId('tour.replay')).toBeVisible();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `test-results/screenshots/tours/${ch.id}-${n}.png` });
    }
  }
  void consoleErrors;
});

for (const [w, h] of [[1400, 900], [800, 450]] as const) {
  test(`at ${w}×${h}, walking every tour with Next keeps its narration, question, answer box and Next on screen`, async ({ page, consoleErrors }) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: w, height: h });
    for (const ch of CHAPTERS) {
      await page.goto(`/?tour=${ch.id}&step=1`);
      await page.waitForFunction(() => document.body.dataset.loaded === 'true');
      for (let n = 1; n <= ch.steps.length; n++) {
        await expect(page.getByTestId('tour.count')).toHaveText(`Step ${n} of ${ch.steps.length}`);
        expect(await narrationOnScreen(page, !!ch.steps[n - 1].predict), `${ch.id} step ${n}`).toEqual([]);
        if (n < ch.steps.length) await page.getByTestId('tour.next').click();
      }
    }
    if (w === 800) await page.screenshot({ path: 'test-results/screenshots/tour-800x450.png' });
    void consoleErrors;
  });
}

test('a playing step’s clock moves through its window in slow motion, stops at its end, and replays', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  const step = CHAPTERS[0].steps[3]; // Init: 167 ms of the run over 9 s
  await page.goto('/?tour=sync-invoke&step=4');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  const sim = simOn(page);
  const a = (await sim.snapshot()).timeMs;
  await page.waitForTimeout(1500);
  const b = (await sim.snapshot()).timeMs;
  expect(a).toBeGreaterThanOrEqual(step.fromMs);
  expect(b).toBeGreaterThan(a);
  expect(b).toBeLessThan(step.toMs); // 1.5 s of wall time is far less than the window
  await expect(page.getByTestId('tour.pause')).toBeVisible();
  await expect.poll(async () => (await sim.snapshot()).timeMs, { timeout: 30_000 }).toBe(step.toMs);
  await expect(page.getByTestId('tour.replay')).toBeVisible();
  await page.getByTestId('tour.replay').click();
  // Replay goes back to the window's start and plays it again: for the ~9 s it takes, the clock
  // is inside the window, short of its end (polling at most every second on a busy machine).
  await expect.poll(async () => (await sim.snapshot()).timeMs, { intervals: [100, 250, 500] }).toBeLessThan(step.toMs);
  expect((await sim.snapshot()).timeMs).toBeGreaterThanOrEqual(step.fromMs);
  void consoleErrors;
});

test('a tour loads its own function into every form', async ({ page, consoleErrors }) => {
  await page.goto('/?scenario=default');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await expect(page.getByTestId('config.errorRate')).toHaveValue('0.02');
  await page.getByTestId('chapter.async').click();
  await expect(page.getByTestId('tour.count')).toHaveText('Step 1 of 7');
  await expect(page.getByTestId('config.errorRate')).toHaveValue('1');
  await expect(page.getByTestId('config.durationMs')).toHaveValue('80');
  void consoleErrors;
});

test('a first visit opens with a welcome that offers the first tour; dismissed, it stays away; never with parameters', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('welcome')).toContainText('Each dot is one request');
  await expect(page.getByTestId('chapters')).toBeVisible(); // the tours, as a list
  await expect(page.getByTestId('scenario.description')).toContainText('One Node.js function');
  await page.getByTestId('welcome.tour').click();
  await expect(page.getByTestId('tour.count')).toHaveText('Step 1 of 6');
  await page.goto('/');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?scenario=default');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  void consoleErrors;
});
