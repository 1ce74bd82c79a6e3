import { test, expect } from './fixtures';
import { measureLayout } from './helpers/layoutMetrics';

/** Every view a slide can embed; the scene is checked as soon as the page knows it. */
const VIEWS = ['scene', 'architecture', 'fleet', 'timeline', 'lifecycle', 'charts', 'log'];
const SLIDE = { width: 1280, height: 720 };
const THUMB = { width: 800, height: 450 };

async function openEmbed(page: import('@playwright/test').Page, query: string) {
  await page.goto(`/?embed=1&${query}`);
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await page.locator('[data-view] :is([data-time], svg, canvas)').first().waitFor();
  await page.waitForTimeout(300); // the views' throttled redraw after the last frame
}

test.describe('embedded in a slide, every view fills its frame and stays legible', () => {
  for (const view of VIEWS) {
    test(`${view}: fills a 1280×720 slide with no text under 16 px, and nothing overflows at 800×450`, async ({ page, consoleErrors }) => {
      await page.setViewportSize(SLIDE);
      await page.goto(`/?embed=1&view=${view}&scenario=default&t=20000`);
      await page.waitForFunction(() => document.body.dataset.loaded === 'true');
      const unknown = await page.getByTestId('notice').filter({ hasText: `view="${view}" ignored` }).count();
      test.skip(unknown > 0, `this build has no ${view} view`);
      await openEmbed(page, `view=${view}&scenario=default&t=20000`);
      const big = await page.evaluate(measureLayout, '[data-view]');
      await page.screenshot({ path: `test-results/screenshots/embed-${view}-1280x720.png` });
      expect(big.fill, 'share of the frame the view fills').toBeGreaterThanOrEqual(0.85);
      expect(big.texts).toBeGreaterThan(3);
      expect(big.minFontPx, `smallest text: "${big.minFontText}"`).toBeGreaterThanOrEqual(16);
      expect(big.clipped).toEqual([]);

      await page.setViewportSize(THUMB);
      await page.waitForTimeout(400);
      const small = await page.evaluate(measureLayout, '[data-view]');
      await page.screenshot({ path: `test-results/screenshots/embed-${view}-800x450.png` });
      expect(small.fill).toBeGreaterThanOrEqual(0.85);
      expect(small.scrolls, 'the frame scrolls').toBe(false);
      expect(small.clipped, 'text cut off at 800×450').toEqual([]);
      void consoleErrors;
    });
  }

  test('a burst fleet (canvas), a 40-worker fleet and a throttled timeline also fit a thumbnail-sized frame', async ({ page, consoleErrors }) => {
    await page.setViewportSize(THUMB);
    const wide = { name: 'wide', seed: 3, fleet: { workers: 40 }, functions: [{ name: 'f', durationMs: { dist: 'constant', value: 60000 }, timeoutMs: 120000 }], workload: [{ function: 'f', arrival: { process: 'burst', count: 300, atMs: 10 } }] };
    const b64 = Buffer.from(JSON.stringify(wide)).toString('base64url');
    for (const [view, scenario] of [['fleet', 'burst-scaling-limit&t=1300'], ['fleet', `${b64}&t=2000`], ['timeline', 'burst-scaling-limit&t=1300']]) {
      await openEmbed(page, `view=${view}&scenario=${scenario}`);
      const m = await page.evaluate(measureLayout, '[data-view]');
      await page.screenshot({ path: `test-results/screenshots/embed-${view}-${scenario.slice(0, 5)}-800x450.png` });
      expect(m.fill).toBeGreaterThanOrEqual(0.85);
      expect(m.scrolls).toBe(false);
      expect(m.clipped).toEqual([]);
    }
    void consoleErrors;
  });

  test('controls=clock (the default) shows only the clock and play state; none shows nothing; full the playback bar', async ({ page, consoleErrors }) => {
    await page.setViewportSize(SLIDE);
    await openEmbed(page, 'view=timeline&scenario=default&t=5000');
    await expect(page.getByTestId('clock')).toHaveText('t = 5.000 s');
    await expect(page.getByTestId('playback.play')).toHaveText(/Play/);
    await expect(page.getByTestId('scrubber')).toHaveCount(0);
    await expect(page.getByTestId('copy-link')).toHaveCount(0);
    await openEmbed(page, 'view=timeline&scenario=default&t=5000&controls=none');
    await expect(page.getByTestId('clock')).toHaveCount(0);
    await expect(page.getByTestId('playback.play')).toHaveCount(0);
    await openEmbed(page, 'view=timeline&scenario=default&t=5000&controls=full');
    await expect(page.getByTestId('scrubber')).toBeVisible();
    await expect(page.getByTestId('copy-link')).toBeVisible();
    void consoleErrors;
  });

  test('a tour in a slide shows its step beside the view the step is about, and the clicker walks it', async ({ page, consoleErrors }) => {
    await page.setViewportSize(SLIDE);
    await openEmbed(page, 'tour=cold-vs-warm&step=2');
    await expect(page.locator('[data-tour-narration]')).toContainText('The first is cold');
    await expect(page.locator('[data-view="scene"]')).toBeVisible(); // tour steps play in the scene
    const m = await page.evaluate(measureLayout, '[data-view]');
    expect(m.fill).toBeGreaterThanOrEqual(0.7); // the narration takes the rest
    expect(m.minFontPx).toBeGreaterThanOrEqual(16);
    await page.keyboard.press('PageDown');
    await expect(page.locator('[data-tour-narration]')).toContainText('The second is warm');
    await page.screenshot({ path: 'test-results/screenshots/embed-tour-1280x720.png' });
    void consoleErrors;
  });

  test('"?" opens the shortcuts in an embed, Escape closes them', async ({ page, consoleErrors }) => {
    await page.setViewportSize(THUMB);
    await openEmbed(page, 'view=fleet&scenario=default&t=5000');
    await page.keyboard.press('?');
    await expect(page.getByTestId('help')).toBeVisible();
    await expect(page.getByTestId('help')).toContainText('step back one simulation event');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help')).toHaveCount(0);
    void consoleErrors;
  });
});
