import { test, expect, openPaused } from './fixtures';

/**
 * The built page runs under its Content-Security-Policy with nothing refused: every view
 * draws, the worker runs, tours open and exports render, with no `securitypolicyviolation`
 * and no console error.
 */
test('the page runs under its Content-Security-Policy with no violation', async ({ page, sim, consoleErrors }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto('/');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("worker-src 'self'");
  await sim.waitFor((s) => s.summary.invocations.total > 3, 'traffic from the default scenario');
  for (const view of ['scene', 'fleet', 'timeline', 'lifecycle', 'charts', 'log']) {
    await page.locator(`[data-view="${view}"]`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
  }
  await openPaused(page, 'tour=cold-vs-warm&step=2');
  await sim.seek(20_000);
  const download = page.waitForEvent('download');
  await page.getByTestId('export.png').click();
  await download;
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  void consoleErrors;
});
