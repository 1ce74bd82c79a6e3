import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openPaused, simOn } from './fixtures';

/** One function and no workload of its own: the traffic comes from the trace. */
const quiet = { name: 'trace-target', seed: 3, durationMs: 1_900_000, functions: [{ name: 'hello', memoryMb: 512, timeoutMs: 30_000 }], workload: [] };
const poisson = {
  name: 'ab', seed: 4, durationMs: 600_000,
  functions: [{ name: 'hello', memoryMb: 512, durationMs: { dist: 'constant', value: 100 }, keepAliveMs: { dist: 'constant', value: 600_000 } }],
  workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0.1 } }],
};

test.describe('the engineer’s workbench', () => {
  test('a trace file dropped on the page is streamed by the worker and replayed to its count', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load(quiet);
    await page.getByTestId('wb.tab.trace').click();
    await page.getByTestId('wb.traceMap').selectOption('rank');
    // Drop it as a person would: a DataTransfer holding the file, dropped on the zone.
    const csv = readFileSync('traces/azure2021-sample.csv', 'utf8');
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'azure2021-sample.csv', { type: 'text/csv' }));
      return d;
    }, csv);
    await page.getByTestId('wb.dropzone').dispatchEvent('drop', { dataTransfer: dt });
    await expect(page.getByTestId('wb.traceLoaded')).toContainText('1289');
    await expect(page.getByTestId('wb.traceLoaded')).toContainText('hello (916)');
    await sim.seek(1_900_000);
    const s = await sim.snapshot();
    expect(s.summary.functions.hello.invocations).toBe(916); // rank: the busiest trace function, checkout
    await sim.seek(600_000); // back in time: a checkpoint and the trace reader resume where that state was
    await sim.seek(1_900_000);
    expect((await sim.snapshot()).summary.functions.hello.invocations).toBe(916);
    void consoleErrors;
  });

  test('a malformed trace is refused with its line and column, and the page keeps running', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await simOn(page).load(quiet);
    await page.getByTestId('wb.tab.trace').click();
    await page.getByTestId('wb.traceFile').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('app,func,end_timestamp,duration\na,f,1,0.1\na,f,x,0.1\n') });
    await expect(page.getByTestId('wb.traceProblems')).toContainText('bad.csv: line 3: end_timestamp: must be a number of seconds ≥ 0 (got "x")');
    await page.getByText('not replayed').first().waitFor();
    void consoleErrors;
  });

  test('compare mode runs A and B on the same arrivals and highlights the requests that flipped', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    await simOn(page).load(poisson);
    await page.getByTestId('wb.tab.compare').click();
    await page.getByTestId('wb.b.keepAliveS').fill('2');
    await page.getByTestId('wb.compare.run').click();
    await expect(page.getByTestId('wb.compare.result')).toBeVisible({ timeout: 30_000 });
    const pairs = await page.getByTestId('wb.compare.pairs').innerText();
    const [paired, , warmToCold] = pairs.match(/\d+/g)!.map(Number);
    expect(paired).toBeGreaterThan(30);
    expect(warmToCold).toBeGreaterThan(paired * 0.5); // a 2-s keep-alive against a gap of 10 s on average
    await expect(page.getByTestId('wb.flips').locator('rect.flip-wc').first()).toBeVisible();
    for (const c of ['cold', 'p99', 'concurrency', 'envs']) await expect(page.getByTestId(`wb.chart.${c}`)).toBeVisible();
    await expect(page.getByTestId('wb.compare.table')).toContainText('cold starts');
    // B may not change the traffic.
    await page.getByText('B as JSON').click();
    const b = JSON.parse(await page.getByTestId('wb.b.json').inputValue());
    b.workload[0].arrival.ratePerSec = 5;
    await page.getByTestId('wb.b.json').fill(JSON.stringify(b));
    await page.getByTestId('wb.compare.run').click();
    await expect(page.getByTestId('wb.compare.problems')).toContainText('workload[0].arrival.ratePerSec');
    await expect(page.getByTestId('wb.compare.problems')).toContainText('identical traffic');
    await page.screenshot({ path: 'test-results/screenshots/workbench-compare.png', fullPage: false });
    void consoleErrors;
  });

  test('a sweep result draws P(cold) against keep-alive with its confidence band', async ({ page, consoleErrors }) => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-e2e-'));
    const scenarioFile = join(dir, 's.json');
    writeFileSync(scenarioFile, JSON.stringify(poisson));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sweep.ts', scenarioFile, '--set', 'functions[0].keepAliveMs.value=1000..31000:4', '--seeds', '3', '--json', '--duration-ms', '300000'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    await openPaused(page, 'scenario=default');
    await page.getByTestId('wb.tab.sweep').click();
    await page.getByTestId('wb.sweepFile').setInputFiles({ name: 'sweep.json', mimeType: 'application/json', buffer: Buffer.from(r.stdout) });
    await expect(page.getByTestId('wb.sweepInfo')).toContainText('4 grid points × 3 seeds');
    const chart = page.getByTestId('wb.sweepChart.coldStartRatio');
    await expect(chart).toBeVisible();
    await expect(chart.locator('circle')).toHaveCount(4);
    expect(await chart.locator('path[data-band]').getAttribute('d')).toMatch(/^M/);
    await page.getByTestId('wb.sweepFile').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await expect(page.getByTestId('wb.sweepError')).toContainText('not a sweep result');
    void consoleErrors;
  });

  test('bookmarks travel in the link and take you back to their moment', async ({ page, context, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.seek(42_000);
    await page.getByTestId('wb.tab.tools').click();
    await page.getByTestId('wb.bookmark.label').fill('first cold start, again');
    await page.getByTestId('wb.bookmark.add').click();
    await expect(page.getByTestId('bookmark-mark')).toHaveCount(1);
    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => (window as unknown as { __lastLink: string }).__lastLink);
    expect(link).toContain('bm=42000');
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => document.body.dataset.loaded === 'true');
    await other.getByTestId('wb.tab.tools').click();
    await expect(other.getByTestId('wb.bookmark')).toHaveText(/first cold start, again/);
    await simOn(other).seek(100_000);
    await other.getByTestId('bookmark-mark').click();
    await expect.poll(async () => (await simOn(other).snapshot()).timeMs).toBe(42_000);
    void consoleErrors;
  });

  test('run until 3 cold starts stops on the event that made the third', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load({ ...poisson, functions: [{ ...poisson.functions[0], keepAliveMs: { dist: 'constant', value: 1000 } }] });
    await page.getByTestId('wb.tab.tools').click();
    await page.getByTestId('wb.until.value').fill('3');
    await page.getByTestId('wb.until.run').click();
    await expect(page.getByTestId('wb.until.result')).toContainText('3 cold starts: t =');
    const s = await sim.snapshot();
    expect(s.summary.invocations.total + s.summary.invocations.inFlight).toBeGreaterThanOrEqual(3);
    void consoleErrors;
  });
});

test('the Stately Inspector bridge loads only when asked, then opens the inspector for the selected environment', async ({ page, consoleErrors }) => {
  const scripts: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
  // Records where window.open goes (the real window.open still runs).
  await page.addInitScript(() => {
    const open = window.open.bind(window);
    window.open = (...a: Parameters<typeof window.open>) => { (window as unknown as { __opened: string }).__opened = String(a[0]); return open(...a); };
  });
  await openPaused(page, 'scenario=cold-vs-warm&inspect=1');
  await simOn(page).seek(2_000);
  expect(scripts.some((u) => /inspector-|\/dist-/.test(u))).toBe(false); // not loaded with the page
  await page.locator('[data-view="fleet"]').scrollIntoViewIfNeeded(); // a view out of sight draws when shown
  await page.locator('[data-testid^="fleet.env."]').first().click();
  await page.getByTestId('wb.tab.tools').click();
  const popup = page.waitForEvent('popup');
  await page.getByTestId('wb.inspect').click();
  await popup;
  expect(await page.evaluate(() => (window as unknown as { __opened: string }).__opened)).toContain('stately.ai');
  await expect(page.getByText(/env-\d+: \d+ transitions replayed into the Stately Inspector/)).toBeVisible();
  expect(scripts.some((u) => /inspector-/.test(u))).toBe(true);
  void consoleErrors;
});

test('every workbench tab passes axe-core with no serious accessibility violation', async ({ page, consoleErrors }) => {
  test.setTimeout(240_000);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await openPaused(page, 'scenario=default&t=20000');
  for (const tab of ['trace', 'compare', 'sweep', 'models', 'tools']) {
    await page.getByTestId(`wb.tab.${tab}`).click();
    const results = await new AxeBuilder({ page }).include('[data-testid="workbench"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`), tab).toEqual([]);
  }
  void consoleErrors;
});
