import { test, expect, openPaused } from './fixtures';

const empty = {
  name: 'e2e', seed: 7, durationMs: 3_600_000,
  functions: [{ name: 'hello', runtime: 'nodejs20.x', memoryMb: 512, extensions: 1, durationMs: { dist: 'constant', value: 80 } }],
  workload: [],
};

test.describe('the live view', () => {
  test('a view scrolled out of sight catches up as soon as it is shown again', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load({ ...empty });
    await sim.invoke({ function: 'hello', count: 3 });
    await sim.play();
    await sim.waitFor((s) => s.summary.invocations.succeeded === 3, 'three invocations');
    await page.getByTestId('log.list').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('log.list')).toContainText('inv-3 Succeeded');
    void consoleErrors;
  });

  test('the page opens on the default scenario, already playing, with no console errors', async ({ page, sim, consoleErrors }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Lambdascope' })).toBeVisible();
    await expect(page.getByTestId('playback.play')).toHaveText(/Pause/);
    const s = await sim.waitFor((x) => x.summary.invocations.total > 3, 'traffic from the default scenario');
    expect(s.environments.length).toBeGreaterThan(0);
    await expect(page.locator('[data-component="frontend"] [data-label]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/default-playing.png', fullPage: true });
    void consoleErrors;
  });

  test('one synchronous invoke is a cold start — an environment appears, initializes, goes idle — and a second is warm', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load(empty);
    await sim.setSpeed(0.05); // 1 wall second = 50 virtual ms: slow enough to see Init
    await sim.play();
    await page.getByTestId('invoke.sync').click();
    const initializing = await sim.waitFor((s) => s.environments.some((e) => e.state.startsWith('Initializing') || e.state === 'Provisioning'), 'an environment initializing');
    const envId = initializing.environments[0].id;
    await expect(page.locator(`[data-component="microvm"][data-env="${envId.slice(4)}"]`)).toBeVisible(); // in the scene
    await page.getByTestId('fleet').scrollIntoViewIfNeeded(); // and in the fleet view below it
    await expect(page.getByTestId(`fleet.env.${envId.slice(4)}`)).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/cold-start-initializing.png' });
    await sim.setSpeed(10);
    await sim.waitFor((s) => s.environments[0]?.state === 'Idle', 'the environment to go idle');
    await page.getByTestId('invoke.sync').click();
    const s = await sim.waitFor((x) => x.summary.invocations.succeeded === 2, 'the second invocation');
    expect(s.summary.coldStarts).toBe(1);
    expect(s.environments).toHaveLength(1);
    await page.locator('[data-view="timeline"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-testid^="timeline.inv."][data-cold="false"]')).toHaveCount(1);
    await page.locator('[data-testid^="timeline.inv."][data-cold="true"]').click();
    await expect(page.getByTestId('details')).toContainText('Cold: first request to this version');
    await expect(page.getByTestId('details')).toContainText('Init: extension');
    await page.screenshot({ path: 'test-results/screenshots/cold-vs-warm.png', fullPage: true });
    void consoleErrors;
  });

  test('an Event invoke is accepted with 202 and goes through the queue and a poller', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load(empty);
    await sim.play();
    await page.getByTestId('invoke.event').click();
    const s = await sim.waitFor((x) => x.summary.async.succeeded === 1, 'the event to succeed');
    expect(s.summary.async.accepted).toBe(1);
    expect(s.summary.invocations.total).toBe(1); // the poller's attempt
    await page.getByTestId('kpis').scrollIntoViewIfNeeded(); // views off screen do not redraw
    await expect(page.getByTestId('kpi.async')).toHaveText('1');
    void consoleErrors;
  });

  test('pause stops virtual time, step runs exactly one event, and speed changes the pace', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=1000');
    await expect(page.getByTestId('playback.play')).toHaveText(/Play/);
    const a = await sim.snapshot();
    await page.waitForTimeout(500);
    const b = await sim.snapshot();
    expect(b.timeMs).toBe(a.timeMs); // paused
    await page.getByTestId('playback.step').click();
    await expect.poll(async () => (await sim.snapshot()).timeMs).toBeGreaterThan(a.timeMs);
    await sim.setSpeed(1000);
    await page.getByTestId('playback.play').click();
    await sim.waitFor((s) => s.timeMs > 60_000, 'a minute of virtual time at 1000×', 10_000);
    await expect(page.getByTestId('playback.speedValue')).toHaveText('1000×');
    void consoleErrors;
  });

  test('a burst beyond the scaling bucket shows throttles (429)', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load({ ...empty, account: { concurrencyLimit: 3000, scaling: { environments: 50, perMs: 10_000 } } });
    await page.getByTestId('invoke.burstCount').fill('200');
    await page.getByTestId('invoke.burst').click();
    await sim.play();
    const s = await sim.waitFor((x) => x.summary.invocations.throttled > 0, 'throttles');
    expect(s.summary.invocations.throttled).toBe(150);
    await page.getByTestId('kpis').scrollIntoViewIfNeeded(); // views off screen do not redraw
    await expect(page.getByTestId('kpi.throttled')).toHaveText('150');
    await page.screenshot({ path: 'test-results/screenshots/burst-throttles.png', fullPage: true });
    void consoleErrors;
  });

  test('invalid input in a field is explained next to it and never applied', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await page.getByTestId('invoke.burstCount').fill('12.5');
    await expect(page.getByText('Burst size must be a whole number from 1 to 100,000.')).toBeVisible();
    await expect(page.getByTestId('invoke.burst')).toBeDisabled();
    await page.getByTestId('config.memoryMb').fill('64');
    await expect(page.getByTestId('config.memoryMb.error')).toHaveText('Must be an integer from 128 to 10240 MB.');
    await expect(page.getByTestId('config.apply')).toBeDisabled();
    void consoleErrors;
  });

  test('a bad URL parameter shows a message and the page falls back to defaults', async ({ page, sim, consoleErrors }) => {
    await page.goto('/?speed=fast&seed=-3&scenario=nope&theme=purple');
    await page.waitForFunction(() => document.body.dataset.loaded === 'true');
    const notices = page.getByTestId('notice');
    await expect(notices.filter({ hasText: 'speed="fast" ignored' })).toBeVisible();
    await expect(notices.filter({ hasText: 'seed="-3" ignored: must be a non-negative integer' })).toBeVisible();
    await expect(notices.filter({ hasText: 'theme="purple" ignored' })).toBeVisible();
    await expect(notices.filter({ hasText: '"nope" is neither a preset' })).toBeVisible();
    const s = await sim.snapshot();
    expect(s.summary.seed).toBe(42); // the default scenario
    await notices.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect(notices).toHaveCount(3);
    void consoleErrors;
  });

  test('the page API rejects bad calls with a precise message', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const err = (expr: string) => page.evaluate(async (e) => {
      try { await (new Function('return ' + e))(); return 'no error'; } catch (x) { return (x as Error).message; }
    }, expr);
    expect(await err('window.lambdaSim.setSpeed(-1)')).toContain('setSpeed(x): x must be a number from 0.001 to 10000');
    expect(await err('window.lambdaSim.seek("soon")')).toContain('seek(timeMs): timeMs must be a finite number');
    expect(await err("window.lambdaSim.invoke({ function: 'hello', mode: 'Sync' })")).toContain('invoke(req): req.mode: must be one of RequestResponse, Event, DryRun');
    expect(await err("window.lambdaSim.load({ seed: 1, functions: [{ name: 'x', memoryMb: 1 }] })")).toContain('functions[0].memoryMb: must be an integer from 128 to 10240');
    // The run that was loaded before is still there.
    expect(await page.evaluate(async () => (await window.lambdaSim.snapshot()).summary.seed)).toBe(42);
    void consoleErrors;
  });
});

test('on a phone-sized screen the page has no horizontal scroll and the controls stay reachable', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?scenario=default&t=5000');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('invoke.sync')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/phone.png', fullPage: false });
  void consoleErrors;
});

test('with reduced motion, requests do not travel as tokens: each part of the scene shows how many are there', async ({ page, sim, consoleErrors }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPaused(page, 'scenario=default');
  await sim.load({ name: 'rm', seed: 3, functions: [{ name: 'slow', durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 }], workload: [] });
  await sim.invoke({ function: 'slow', count: 5 });
  await sim.seek(5_000);
  await expect(page.locator('[data-invocation]')).toHaveCount(0);
  await expect(page.getByTestId('scene.here.worker')).toHaveText('5 here now');
  void consoleErrors;
});

test('the fleet shows the pre-booted microVMs in each worker’s pool, and the theme can be switched', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=default');
  await expect(page.getByTestId('fleet.pooled').first()).toBeAttached();
  expect(await page.getByTestId('fleet.pooled').count()).toBe(16); // 4 workers × pool of 4
  await page.getByTestId('theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
  void consoleErrors;
});
