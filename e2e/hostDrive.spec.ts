import { test, expect } from './fixtures';
import type { Frame, Page } from '@playwright/test';
import { chapterById } from '../src/app/tours/chapters';

/** A tour step's window: the moment a step is opened lies in it (it plays from its start). */
const windowOf = (tour: string, step: number) => { const st = chapterById(tour)!.steps[step - 1]; return { from: st.fromMs, to: st.toMs }; };

/**
 * A slide deck on another origin embeds Lambdascope and drives it with postMessage
 * (CONTRACTS.md §5), never giving the frame focus. The host is public/embed-host.html opened
 * at http://localhost:PORT while the frame is at http://127.0.0.1:PORT: two origins, so the
 * frame is cross-origin, as on a real slide site.
 */
async function openHost(page: Page, baseURL: string, query: string): Promise<Frame> {
  const src = `${baseURL}/?embed=1&${query}`;
  await page.goto(`${baseURL.replace('127.0.0.1', 'localhost')}/embed-host.html?src=${encodeURIComponent(src)}`);
  await page.waitForFunction(() => (window as unknown as { readyEvents: number }).readyEvents > 0, null, { timeout: 20_000 });
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  if (!frame) throw new Error('no embedded frame');
  return frame;
}

type Reply = { lambdascope: 1; ok: boolean; action: string | null; timeMs: number; error?: string; playing?: boolean };
const ask = (page: Page, m: unknown) => page.evaluate((msg) => (window as unknown as { ask(x: unknown): Promise<Reply> }).ask(msg), m);

test.describe('a host page drives an embedded view by postMessage, without giving it focus', () => {
  test('play, pause, seek, step, previous and load each get one answer with the frame’s time', async ({ page, baseURL, consoleErrors }) => {
    const frame = await openHost(page, baseURL!, 'view=timeline&scenario=default&t=1000');
    expect(await ask(page, { lambdascope: 1, action: 'play' })).toMatchObject({ lambdascope: 1, ok: true, action: 'play', playing: true });
    const paused = await ask(page, { lambdascope: 1, action: 'pause' });
    expect(paused).toMatchObject({ ok: true, action: 'pause', playing: false });
    expect(paused.timeMs).toBeGreaterThanOrEqual(1000);
    expect(await ask(page, { lambdascope: 1, action: 'seek', timeMs: 5000 })).toMatchObject({ ok: true, action: 'seek', timeMs: 5000 });
    const stepped = await ask(page, { lambdascope: 1, action: 'step' });
    expect(stepped.ok).toBe(true);
    expect(stepped.timeMs).toBeGreaterThanOrEqual(5000);
    const next = await ask(page, { lambdascope: 1, action: 'next' }); // no tour open: one event forwards
    expect(next.ok).toBe(true);
    const back = await ask(page, { lambdascope: 1, action: 'previous' }); // and one back
    expect(back).toMatchObject({ ok: true, timeMs: stepped.timeMs });
    expect(await ask(page, { lambdascope: 1, action: 'load', scenario: 'cold-vs-warm' })).toMatchObject({ ok: true, action: 'load', timeMs: 0 });
    await expect(frame.getByTestId('clock')).toHaveText('t = 0.0 ms');
    // The frame never had focus: the host kept it.
    expect(await frame.evaluate(() => document.hasFocus())).toBe(false);
    void consoleErrors;
  });

  test('a bad message gets ok: false and an error naming the field and the rule; the frame keeps working', async ({ page, baseURL, consoleErrors }) => {
    const frame = await openHost(page, baseURL!, 'view=fleet&scenario=default&t=2000');
    const cases: [unknown, RegExp][] = [
      [{ lambdascope: 1, action: 'fly' }, /action must be one of play, pause, step, next, previous, seek, load; got "fly"/],
      [{ lambdascope: 2, action: 'play' }, /lambdascope must be 1 .*got 2/],
      [{ lambdascope: 1, action: 'seek' }, /seek needs timeMs: a finite number of virtual ms, at least 0; got nothing/],
      [{ lambdascope: 1, action: 'seek', timeMs: -5 }, /at least 0; got -5/],
      [{ lambdascope: 1, action: 'play', timeMs: 5 }, /timeMs is only for action "seek"/],
      [{ lambdascope: 1, action: 'load' }, /load needs scenario/],
      [{ lambdascope: 1, action: 'load', scenario: { seed: 1, functions: [{ name: 'x', memoryMb: 1 }] } }, /functions\[0\]\.memoryMb: must be an integer from 128 to 10240/],
      [{ lambdascope: 1, action: 'play', speed: 3 }, /unknown field "speed"/],
    ];
    for (const [m, error] of cases) {
      const r = await ask(page, m);
      expect(r.ok, JSON.stringify(m)).toBe(false);
      expect(r.error).toMatch(error);
      expect(r.timeMs).toBe(2000);
    }
    expect(await ask(page, { lambdascope: 1, action: 'seek', timeMs: 3000 })).toMatchObject({ ok: true, timeMs: 3000 });
    await expect(frame.getByTestId('clock')).toHaveText('t = 3.000 s');
    void consoleErrors;
  });

  test('next and previous walk the open tour, and say so at its last step', async ({ page, baseURL, consoleErrors }) => {
    const frame = await openHost(page, baseURL!, 'tour=cold-vs-warm&step=4');
    const narration = frame.locator('[data-tour-narration]');
    await expect(narration).toContainText('Keep-alive expires');
    const next = await ask(page, { lambdascope: 1, action: 'next' });
    expect(next).toMatchObject({ ok: true, action: 'next' });
    expect(next.timeMs).toBeGreaterThanOrEqual(windowOf('cold-vs-warm', 5).from);
    expect(next.timeMs).toBeLessThanOrEqual(windowOf('cold-vs-warm', 5).to);
    await expect(narration).toContainText('Cold again');
    const end = await ask(page, { lambdascope: 1, action: 'next' });
    expect(end).toMatchObject({ ok: false, action: 'next' });
    expect(end.error).toContain('already at the last step (5 of 5)');
    const previous = await ask(page, { lambdascope: 1, action: 'previous' });
    expect(previous).toMatchObject({ ok: true });
    expect(previous.timeMs).toBeGreaterThanOrEqual(windowOf('cold-vs-warm', 4).from);
    expect(previous.timeMs).toBeLessThanOrEqual(windowOf('cold-vs-warm', 4).to);
    await expect(narration).toContainText('Keep-alive expires');
    void consoleErrors;
  });

  test('with focus inside the frame, clicker keys still work: PageDown, PageUp, "." and Space', async ({ page, baseURL, consoleErrors }) => {
    const frame = await openHost(page, baseURL!, 'tour=sync-invoke&step=1');
    const narration = frame.locator('[data-tour-narration]');
    await narration.click(); // a click on the picture, not on a button, gives the frame focus
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText('1 Frontend Invoke, 2 Counting');
    await page.keyboard.press('PageUp');
    await expect(narration).toContainText('A function with no environment');
    // The step plays its window in slow motion, then pauses: wait for that before toggling.
    await expect(frame.getByTestId('playback.play')).toHaveText(/Play/, { timeout: 15_000 });
    await page.keyboard.press('.');
    await expect(frame.getByTestId('playback.play')).toHaveText(/Pause/);
    await page.keyboard.press(' ');
    await expect(frame.getByTestId('playback.play')).toHaveText(/Play/);
    void consoleErrors;
  });
});

test('the example deck drives its frames from its own keys', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/deck/index.html');
  await expect(page.locator('.slide.current h1')).toContainText('What happens when Lambda runs your function');
  await page.keyboard.press('ArrowRight');
  const tourFrame = page.frameLocator('.slide.current iframe');
  await expect(tourFrame.locator('[data-tour-narration]')).toContainText('A function with no environment', { timeout: 20_000 });
  await page.keyboard.press('ArrowRight'); // the frame's tour moves, the deck stays
  await expect(tourFrame.locator('[data-tour-narration]')).toContainText('1 Frontend Invoke, 2 Counting');
  await expect(page.locator('#reply')).toContainText(/next → t = \d+\.\d{3} s/); // the host hears where the step starts
  await page.screenshot({ path: 'test-results/screenshots/deck-tour-1280x720.png' });
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight'); // the rest of the tour, then the next slide
  await expect(page.locator('.slide.current h2')).toContainText('3,000 requests at once');
  const fleet = page.frameLocator('.slide.current iframe');
  await expect(fleet.getByTestId('playback.play')).toHaveText(/Pause/, { timeout: 20_000 }); // data-autoplay
  await page.keyboard.press('.');
  await expect(fleet.getByTestId('playback.play')).toHaveText(/Play/);
  await page.keyboard.press('r'); // back to the slide's moment
  await expect(fleet.getByTestId('clock')).toHaveText('t = 990.0 ms');
  await page.screenshot({ path: 'test-results/screenshots/deck-fleet-1280x720.png' });
  void consoleErrors;
});
