import { test, expect, openPaused } from './fixtures';

/**
 * Lambda at scale in the page (issue #10): the live "what this run costs" panel, several
 * customers on one fleet outlined by account, and tenant isolation from the Invoke panel.
 */
const twoCustomers = {
  name: 'two-customers', seed: 5, durationMs: 600_000,
  accounts: [{ id: 'acme', concurrencyLimit: 100 }, { id: 'globex', concurrencyLimit: 50, unreservedMinimum: 10 }],
  fleet: { workers: 2, prebootedPoolSize: 4 },
  functions: [
    { name: 'shop', account: 'acme', memoryMb: 1024, architecture: 'arm64', durationMs: { dist: 'constant', value: 200 } },
    { name: 'render', account: 'globex', memoryMb: 512, durationMs: { dist: 'constant', value: 300 }, tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } },
  ],
  workload: [
    { function: 'shop', arrival: { process: 'poisson', ratePerSec: 10 } },
    { function: 'render', arrival: { process: 'poisson', ratePerSec: 5 }, tenants: { count: 4 } },
  ],
};

test.describe('Lambda at scale in the page', () => {
  test('the cost panel shows what the run costs so far, per function, and it grows as the run goes on', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load(twoCustomers);
    await page.getByTestId('cost').scrollIntoViewIfNeeded(); // panels below the scene redraw when on screen
    await sim.seek(60_000);
    const total = page.getByTestId('cost.total');
    await expect(total).toHaveText(/^\$/);
    const first = Number((await total.textContent())!.replace('$', ''));
    expect(first).toBeGreaterThan(0);
    await expect(page.getByTestId('cost.fn.shop')).toContainText('arm64');
    await expect(page.getByTestId('cost.accounts')).toContainText('acme');
    await sim.seek(300_000);
    await expect.poll(async () => Number((await total.textContent())!.replace('$', ''))).toBeGreaterThan(first * 3);
    const s = await sim.snapshot();
    expect(s.summary.cost.byFunction.shop.usd).toBeGreaterThan(0);
    await page.getByTestId('cost').screenshot({ path: 'test-results/screenshots/cost-panel.png' });
    void consoleErrors;
  });

  test('two customers share the workers: the fleet outlines each microVM in its account\'s colour', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load(twoCustomers);
    await page.locator('[data-view="fleet"]').scrollIntoViewIfNeeded(); // views below the scene redraw when on screen
    await sim.seek(30_000);
    await expect(page.getByTestId('fleet.accounts')).toContainText('globex');
    const accounts = await page.locator('[data-view="fleet"] rect[data-account]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-account')))].sort());
    expect(accounts).toEqual(['acme', 'globex']);
    await page.locator('[data-view="fleet"]').screenshot({ path: 'test-results/screenshots/fleet-two-accounts.png' });
    void consoleErrors;
  });

  test('the Invoke panel asks for a tenant id for a tenant-isolated function, and the request runs in that tenant\'s environment', async ({ page, sim, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await sim.load({ ...twoCustomers, workload: [] });
    await page.getByTestId('invoke.function').selectOption('render');
    await page.getByTestId('invoke.tenant').fill('violet');
    await page.getByTestId('invoke.sync').click();
    await sim.play();
    const s = await sim.waitFor((x) => x.summary.invocations.succeeded === 1, 'the tenant request to succeed');
    expect(s.summary.invocations.rejected).toBe(0);
    expect(s.environments.filter((e) => e.function === 'render')).toHaveLength(1);
    void consoleErrors;
  });
});
