import { test, expect, openPaused, simOn } from './fixtures';

test.describe('keyboard, notices and presenter mode', () => {
  test('the first Tab stop is a skip link to the main view', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=2000');
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-link');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-view')).toBeFocused();
    // The next Tab lands in the scene or its dock (the tours, Invoke), past the toolbar and the controls below.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#main-view'))).toBe(true);
    void consoleErrors;
  });

  test('Escape closes the shortcuts; "b" steps back one event and is in the list', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=5000');
    const sim = simOn(page);
    await page.keyboard.press('?');
    await expect(page.getByTestId('help')).toBeVisible();
    await expect(page.getByTestId('help')).toContainText('step back one simulation event');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help')).toHaveCount(0);
    // The state, as a person could see it: the clock, the environments, the counts.
    const state = async () => { const s = await sim.snapshot(); return JSON.stringify([s.timeMs, s.environments, s.summary.invocations, s.summary.environments]); };
    const before = await state();
    await page.keyboard.press('s');
    await expect.poll(state).not.toBe(before);
    await page.keyboard.press('b');
    await expect.poll(state).toBe(before);
    void consoleErrors;
  });

  test('the notice list is bounded: the newest five, older ones counted, all dismissable', async ({ page, consoleErrors }) => {
    const bad = Array.from({ length: 8 }, (_, i) => `nope${i}=1`).join('&');
    await page.goto(`/?scenario=default&${bad}`);
    await page.waitForFunction(() => document.body.dataset.loaded === 'true');
    await expect(page.getByTestId('notice')).toHaveCount(5);
    await expect(page.getByTestId('notices.older')).toHaveText('3 older notices — show');
    await expect(page.getByTestId('notice').last()).toContainText('"nope7" is not known');
    await page.getByTestId('notices.older').click();
    await expect(page.getByTestId('notice')).toHaveCount(8);
    await page.getByTestId('notices.dismissAll').click();
    await expect(page.getByTestId('notices')).toHaveCount(0);
    void consoleErrors;
  });

  test('presenter mode: "p" shows one view in large type with no controls; the clicker drives it; Escape leaves', async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?tour=cold-vs-warm&step=2');
    await page.waitForFunction(() => document.body.dataset.loaded === 'true');
    await page.locator('body').press('p');
    await expect(page.getByTestId('presenter')).toBeVisible();
    await expect(page.locator('.workbench-controls')).toHaveCount(0);
    await expect(page.getByTestId('playback.play')).toHaveCount(0);
    await expect(page.locator('[data-tour-narration]')).toContainText('The first is cold');
    const size = await page.locator('[data-tour-narration] h2').evaluate((h) => parseFloat(getComputedStyle(h).fontSize) * h.getBoundingClientRect().height / (h as HTMLElement).offsetHeight);
    expect(size).toBeGreaterThanOrEqual(24); // large type
    await page.keyboard.press('PageDown');
    await expect(page.locator('[data-tour-narration]')).toContainText('The second is warm');
    // The step plays its window in slow motion (5 s); the clicker's "." pauses and resumes it.
    await expect(page.getByTestId('clock')).toContainText('playing');
    await page.keyboard.press('.');
    await expect(page.getByTestId('clock')).toContainText('paused');
    await page.keyboard.press('.');
    await expect(page.getByTestId('clock')).toContainText('playing');
    await page.keyboard.press('v'); // another view
    await expect(page.locator('[data-view]')).not.toHaveAttribute('data-view', 'timeline');
    await page.screenshot({ path: 'test-results/screenshots/presenter-1280x720.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter')).toHaveCount(0);
    await expect(page.getByTestId('playback.play')).toBeVisible();
    await expect(page.locator('.workbench-controls')).toHaveCount(1);
    void consoleErrors;
  });

  test('presenter=1 in the URL opens presenter mode', async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openPaused(page, 'presenter=1&view=lifecycle&scenario=default&t=20000');
    await expect(page.getByTestId('presenter')).toBeVisible();
    await expect(page.locator('[data-view="lifecycle"]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/presenter-lifecycle-1400x900.png' });
    void consoleErrors;
  });
});

test('on a phone you can act and watch at once: Invoke is on the first screen, beside the picture', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPaused(page, 'scenario=default&t=5000');
  const invoke = page.getByTestId('phone.invoke.sync');
  await expect(invoke).toBeInViewport({ ratio: 1 });
  await expect(page.locator('[data-view="scene"] svg.scene-svg')).toBeInViewport();
  const sim = simOn(page);
  await sim.load({ name: 'quiet', seed: 1, functions: [{ name: 'hello' }], workload: [] });
  await invoke.click();
  await sim.seek(100); // paused: let the request arrive
  expect((await sim.snapshot()).summary.invocations.total).toBe(1);
  // Scrolled down to another view, the bar is still there.
  await page.locator('[data-view="fleet"]').scrollIntoViewIfNeeded();
  await expect(invoke).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('phone.play')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/phone-390x844.png' });
  void consoleErrors;
});
