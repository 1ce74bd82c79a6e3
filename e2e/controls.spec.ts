import { test, expect, openPaused, simOn } from './fixtures';

const quiet = { name: 'controls', seed: 5, durationMs: 3_600_000, functions: [{ name: 'hello', memoryMb: 512, durationMs: { dist: 'constant', value: 100 } }], workload: [] };

test.describe('controls, as a person uses them', () => {
  test('the load generator starts a live load, and it can be changed while running', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load(quiet);
    await page.getByTestId('load.process').selectOption('constant');
    await page.getByTestId('load.rate').fill('50');
    await page.getByTestId('load.apply').click();
    await expect(page.getByTestId('load.current')).toContainText('"ratePerSec":50');
    await sim.seek(10_000);
    expect((await sim.snapshot()).summary.invocations.total).toBe(501);
    await page.getByTestId('load.rate').fill('-3');
    await expect(page.getByText('Must be a rate from 0 (exclusive) to 100,000 per second.')).toBeVisible();
    await expect(page.getByTestId('load.apply')).toBeDisabled();
    await page.getByTestId('load.process').selectOption('off');
    await page.getByTestId('load.apply').click();
    await expect(page.getByTestId('load.current')).toContainText('No live load');
    void consoleErrors;
  });

  test('applying a configuration goes through UpdateFunctionConfiguration and PutFunctionConcurrency', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load(quiet);
    await sim.invoke({ function: 'hello' });
    await sim.seek(2_000);
    await page.getByTestId('config.memoryMb').fill('2048');
    await page.getByTestId('config.reserved').fill('0');
    await page.getByTestId('config.apply').click();
    await sim.seek(10_000); // the update takes ~5 s (InProgress), then the old environment is reaped
    await sim.invoke({ function: 'hello' });
    await sim.seek(11_000);
    const s = await sim.snapshot();
    expect(s.summary.invocations.throttled).toBe(1); // reserved concurrency 0
    expect(s.summary.controlPlane.calls).toBeGreaterThanOrEqual(2);
    expect(s.environments).toHaveLength(0); // the old revision's environment was reaped
    void consoleErrors;
  });

  test('UpdateFunctionCode and PublishVersion from the buttons; the new version can be invoked', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load(quiet);
    await page.getByTestId('cp.publish').click();
    await sim.seek(1_000);
    await expect(page.getByTestId('invoke.function').locator('option', { hasText: 'hello:1' })).toBeAttached();
    await page.getByTestId('invoke.function').selectOption('hello:1');
    await page.getByTestId('invoke.sync').click();
    await sim.seek(3_000);
    expect((await sim.snapshot()).environments.map((e) => e.version)).toEqual(['1']);
    await page.getByTestId('cp.updateCode').click();
    await page.getByTestId('cp.updateCode').click(); // a second update while one is in progress
    await expect(page.getByTestId('notice').filter({ hasText: 'ResourceConflictException' })).toBeVisible();
    void consoleErrors;
  });

  test('fault buttons: a worker fails, and an invoke-service outage answers 5xx', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load(quiet);
    await page.getByTestId('fault.worker').click();
    await page.getByTestId('fault.outage').click();
    await sim.invoke({ function: 'hello' });
    await sim.seek(1_000);
    const s = await sim.snapshot();
    expect(s.summary.faults.workersFailed).toBe(1);
    expect(s.summary.invocations.serviceErrors).toBe(1);
    await sim.seek(40_000); // the outage lasts 30 s
    await sim.invoke({ function: 'hello' });
    await sim.seek(41_000);
    expect((await sim.snapshot()).summary.invocations.succeeded).toBe(1);
    void consoleErrors;
  });

  test('"Next interesting" stops at the next cold start; selecting an environment shows its story', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await page.getByTestId('playback.next').click();
    await expect.poll(async () => (await simOn(page).snapshot()).summary.functions.hello.coldStarts).toBe(1);
    const env = (await simOn(page).snapshot()).environments[0];
    await page.getByTestId('fleet').scrollIntoViewIfNeeded(); // the fleet view is below the scene; views off screen do not redraw
    await page.getByTestId(`fleet.env.${env.id.slice(4)}`).click();
    await expect(page.getByTestId('details')).toContainText(`${env.id}`);
    await expect(page.getByTestId('details')).toContainText('Function hello, version $LATEST');
    void consoleErrors;
  });

  test('the event log filter shows only the chosen kind', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=30000');
    await page.getByTestId('log.list').scrollIntoViewIfNeeded();
    await page.getByTestId('log.filter').selectOption('outcome');
    await expect(page.getByTestId('log.list').locator('li').first()).toContainText(/inv-\d+ (Succeeded|FunctionError)/);
    const texts = await page.getByTestId('log.list').locator('li').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => /inv-\d+ [A-Z]/.test(t) && !t.includes('→'))).toBe(true);
    void consoleErrors;
  });
});

test('loading another scenario shows that function’s configuration', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=default');
  await expect(page.getByTestId('config.memoryMb')).toHaveValue('512');
  await simOn(page).load('burst-scaling-limit');
  await expect(page.getByTestId('config.memoryMb')).toHaveValue('256');
  await expect(page.getByTestId('config.runtime')).toHaveValue('python3.13');
  void consoleErrors;
});

test('the fleet is keyboard-operable: focus it and the arrow keys select environments', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=default&t=30000');
  const envs = (await simOn(page).snapshot()).environments.map((e) => Number(e.id.slice(4))).sort((a, b) => a - b);
  await page.getByTestId('fleet').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('details')).toContainText(`env-${envs[0]}`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('details')).toContainText(`env-${envs[1]}`);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('details')).toContainText(`env-${envs[0]}`);
  void consoleErrors;
});
