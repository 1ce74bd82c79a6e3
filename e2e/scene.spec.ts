import { test, expect, openPaused, simOn } from './fixtures';
import { inViewport, labelOverlaps, sceneFill, sceneTextOverlaps, smallestText, topbarCollisions } from './sceneChecks';

/**
 * The scene (view=scene), as a person sees it. Text floors, in CSS px:
 * - a 1280×720 slide (embed): 16 px — the bar;
 * - an 800×450 slide (embed): 9.5 px — the same picture scaled to 800 wide (16 × 800/1280 = 10),
 *   less the clock line the frame keeps;
 * - the full page at 1280×720 and 1400×900: 11 px (the scene shares the screen with the dock).
 */
const ONE = { name: 'one', seed: 1, durationMs: 60_000, functions: [{ name: 'hello', runtime: 'nodejs20.x', memoryMb: 512, extensions: 1, durationMs: { dist: 'constant', value: 80 } }], workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [1000] } }] };
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

for (const [w, h, floor] of [[1280, 720, 16], [800, 450, 9.5]] as const) {
  test(`embedded at ${w}×${h}, the scene fills the frame, no text is under ${floor} px, and no two part labels overlap`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const q of ['scenario=default&t=20100', 'scenario=burst-scaling-limit&t=1004', 'scenario=async-retries-dlq&t=95000']) {
      await openPaused(page, `embed=1&view=scene&${q}`);
      await expect(page.locator('[data-component="frontend"]')).toBeVisible();
      const fill = await sceneFill(page);
      expect(fill.scene, `${q}: the scene's share of the frame`).toBeGreaterThanOrEqual(0.85);
      expect(fill.drawn, `${q}: the picture's share of the frame`).toBeGreaterThanOrEqual(0.85);
      const small = await smallestText(page, '[data-testid="scene"]');
      expect(small.px, `${q}: smallest text "${small.text}"`).toBeGreaterThanOrEqual(floor);
      expect(await labelOverlaps(page), q).toEqual([]);
      for (const part of ['clients', 'frontend', 'counting', 'assignment', 'placement', 'worker', 'queue', 'pollers', 'dlq']) {
        await expect(page.locator(`[data-component="${part}"] [data-label]`).first(), part).toBeVisible();
      }
    }
    await page.screenshot({ path: `test-results/screenshots/scene-embed-${w}x${h}.png` });
    void consoleErrors;
  });
}

for (const [w, h] of [[1400, 900], [1280, 720]] as const) {
  test(`on the full page at ${w}×${h} the scene is the first thing on screen, its text is at least 11 px and its labels do not overlap`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    await openPaused(page, 'scenario=default&t=20100');
    expect(await inViewport(page, '[data-testid="scene"]')).toBe(true);
    const topbar = await page.locator('.topbar').boundingBox();
    expect(topbar!.height, 'the top bar is one line').toBeLessThanOrEqual(56);
    expect(await topbarCollisions(page), 'top bar controls drawn over one another').toEqual([]);
    const small = await smallestText(page, '[data-testid="scene"]');
    expect(small.px, `smallest text "${small.text}"`).toBeGreaterThanOrEqual(11);
    expect(await labelOverlaps(page)).toEqual([]);
    const box = await page.locator('[data-testid="scene"]').boundingBox();
    expect(box!.width * box!.height, 'the scene takes most of the first screen').toBeGreaterThan(0.55 * w * h);
    await page.screenshot({ path: `test-results/screenshots/default-${w}x${h}.png` });
    void consoleErrors;
  });
}

test('a request token follows its real path: Frontend, Counting, Assignment, Placement, then its microVM', async ({ page, consoleErrors }) => {
  await openPaused(page, `scenario=${b64(ONE)}&t=999`);
  const sim = simOn(page);
  await sim.setSpeed(0.004); // 1 s of wall time = 4 ms of the run: the hops take ~3 ms each
  const samples = await page.evaluate(() => new Promise<{ at: string; x: number; y: number }[]>((resolve) => {
    const out: { at: string; x: number; y: number }[] = [];
    window.lambdaSim.play();
    let faster = false;
    const t0 = performance.now();
    const tick = () => {
      const el = document.querySelector('[data-invocation="inv-1"]');
      const dot = el?.querySelector('.token-dot');
      if (el && dot) {
        const r = dot.getBoundingClientRect();
        out.push({ at: el.getAttribute('data-at') ?? '', x: r.x, y: r.y });
      }
      const dt = performance.now() - t0;
      if (dt > 3500 && !faster) { faster = true; window.lambdaSim.setSpeed(0.05); } // then faster, to Placement and the microVM
      if (dt < 6000) requestAnimationFrame(tick); else resolve(out);
    };
    requestAnimationFrame(tick);
  }));
  await sim.pause();
  const order = samples.map((s) => s.at).filter((a, i, all) => a !== all[i - 1]);
  expect(order, `${samples.length} samples`).toEqual(['frontend', 'counting', 'assignment', 'placement', 'microvm']);
  const moved = new Set(samples.map((s) => `${Math.round(s.x)},${Math.round(s.y)}`)).size;
  expect(moved, 'distinct positions over the frames').toBeGreaterThan(6);
  void consoleErrors;
});

test('clicking a request shows why it was cold, told as far as the moment shown', async ({ page, consoleErrors }) => {
  await openPaused(page, `scenario=${b64(ONE)}&t=1100`); // inv-1 is in Init on its microVM
  await page.locator('[data-invocation="inv-1"]').click();
  const callout = page.getByTestId('scene.callout');
  await expect(callout).toContainText('Cold: first request to this version');
  await expect(callout).toContainText('Init is running');
  await expect(callout).not.toContainText('Response at');
  await expect(page.locator('[data-invocation="inv-1"].selected')).toHaveCount(1);
  await simOn(page).seek(2000);
  await expect(callout).toContainText('Response at t=1.339'); // the handler's CPU-bound quarter at 128 MB (cpuShare.ts)
  void consoleErrors;
});

test('in a large fleet drawn on the canvas, clicking a microVM or a worker selects it', async ({ page, consoleErrors }) => {
  // A small cell (4 workers), so each host holds hundreds of microVMs and the canvas draws them.
  const big = { name: 'big', seed: 2, durationMs: 600_000, fleet: { workers: 4 }, account: { concurrencyLimit: 5000, scaling: { environments: 5000, perMs: 10_000 } },
    functions: [{ name: 'f', durationMs: { dist: 'constant', value: 120_000 }, timeoutMs: 300_000 }],
    workload: [{ function: 'f', arrival: { process: 'burst', count: 900, atMs: 100 } }] };
  await openPaused(page, `scenario=${b64(big)}&t=20000`);
  await expect(page.getByTestId('scene.canvas')).toBeVisible();
  const at = (attr: string) => page.evaluate((a) => {
    const hit = document.querySelector('[data-testid="scene.fleetHit"]')!;
    const [x, y] = hit.getAttribute(a)!.split(' ').map(Number);
    const svg = document.querySelector('svg.scene-svg') as SVGSVGElement;
    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM()!);
    return { x: p.x, y: p.y };
  }, attr);
  const point = await at('data-first-cell');
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('scene.callout')).toContainText(/env-\d+ · /);
  await expect(page.getByTestId('scene.callout')).toContainText('Function f, version $LATEST');
  // The host's own header: the worker.
  const host = await at('data-first-host');
  await page.mouse.click(host.x, host.y);
  await expect(page.getByTestId('scene.callout')).toContainText(/worker-\d+ · Active/);
  void consoleErrors;
});

test('a 1,000-request burst reads as a burst: counts at each part, never spilling out of its box', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=burst-scaling-limit&t=1004');
  await expect(page.getByTestId('scene.throttled')).toContainText('429 ×');
  const inBox = await page.evaluate(() => {
    const box = document.querySelector('[data-component="counting"] .part-box')!.getBoundingClientRect();
    const t = document.querySelector('[data-testid="scene.throttled"]')!.getBoundingClientRect();
    return t.left >= box.left && t.right <= box.right && t.top >= box.top && t.bottom <= box.bottom;
  });
  expect(inBox, '"429 × N" stays inside Counting').toBe(true);
  await expect(page.locator('[data-testid^="scene.here."]').first()).toContainText('here now');
  await page.screenshot({ path: 'test-results/screenshots/scene-burst-3000.png' });
  void consoleErrors;
});

for (const [w, h] of [[1100, 700], [800, 450], [390, 844]] as const) {
  test(`at ${w}×${h} the top bar takes two lines rather than drawing its controls over one another`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    await openPaused(page, 'scenario=default&t=5000');
    expect(await topbarCollisions(page)).toEqual([]);
    await expect(page.getByTestId('clock')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('copy-link')).toBeInViewport({ ratio: 1 });
    expect(await inViewport(page, '[data-testid="scene"]'), 'the scene still fits the first screen').toBe(true);
    void consoleErrors;
  });
}

test('a burst held at Counting does not yet flow to the microVMs; flows appear only where requests have gone, and no text in the picture is drawn over another', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Scaling tour, step 2: 3,000 requests at Counting at t = 1.006 s, none placed yet.
  await page.goto('/?tour=scaling&step=2');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  const sim = simOn(page);
  await sim.pause();
  await sim.seek(1006);
  await expect(page.getByTestId('scene')).toHaveAttribute('data-time', '1006');
  await expect(page.locator('[data-component="placement"]'), 'nothing placed yet').toContainText('0 placed');
  const width = (id: string) => page.locator(`[data-arrow="${id}"] .arrow-line`).getAttribute('stroke-width').then(Number);
  expect(await width('payload'), 'payload lane: nothing has gone to a microVM').toBe(3);
  expect(await width('response'), 'no response has come back').toBe(2);
  expect(await width('count'), 'the burst did reach Counting').toBeGreaterThan(3);
  expect(await sceneTextOverlaps(page)).toEqual([]);
  // The default run in its steady state: responses do come back, and that arrow carries them.
  await page.goto('/?scenario=default&t=19000');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await sim.play();
  await sim.waitFor((s) => s.timeMs >= 19_600, 'the run to play on');
  await sim.pause();
  await expect.poll(() => width('response')).toBeGreaterThan(3);
  expect(await sceneTextOverlaps(page)).toEqual([]);
  void consoleErrors;
});

test('a burst of 1,000 into the default run: the crowd badges and flow labels stay clear of every other text', async ({ page, sim, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPaused(page, 'scenario=default&t=9000');
  await sim.invoke({ function: 'hello', count: 1000 });
  for (const t of [9005, 9300]) {
    await sim.seek(t);
    await expect(page.getByTestId('scene')).toHaveAttribute('data-time', String(t));
    await expect(page.locator('[data-testid^="scene.here."]').first()).toBeVisible();
    expect(await sceneTextOverlaps(page), `t=${t}`).toEqual([]);
    expect(await labelOverlaps(page), `t=${t}`).toEqual([]);
  }
  void consoleErrors;
});

test('on a first visit at 800×450 the welcome fits the scene: its text and both buttons are on screen', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto('/');
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  for (const id of ['welcome.tour', 'welcome.close']) {
    await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
    // Nothing drawn over it (the phone bar, a notice): the button itself is what a click at its centre hits.
    const hit = await page.getByTestId(id).evaluate((b) => { const r = b.getBoundingClientRect(); return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); });
    expect(hit, id).toBe(true);
  }
  await expect(page.getByTestId('welcome')).toContainText('Each dot is one request');
  void consoleErrors;
});
