import { test, expect, openPaused, simOn } from './fixtures';
import type { Page } from '@playwright/test';

type Box = { x: number; y: number; w: number; h: number; text: string };
const overlap = (a: Box, b: Box, tol = 1) => a.x + tol < b.x + b.w && b.x + tol < a.x + a.w && a.y + tol < b.y + b.h && b.y + tol < a.y + a.h;

/** Screen boxes of the lifecycle's labels, state boxes and arrow ends. */
async function lifecycleGeometry(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-view="lifecycle"]')!;
    const box = (el: Element, text = '') => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, text }; };
    const labels = Array.from(root.querySelectorAll('[data-label]')).map((el) => box(el, el.textContent ?? ''));
    const edgeLabels = Array.from(root.querySelectorAll('[data-label-of]')).map((el) => box(el, el.textContent ?? ''));
    const states = Array.from(root.querySelectorAll('.lc-node rect, .lc-node circle.lc-final')).map((el) => box(el, el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''));
    const arrows = Array.from(root.querySelectorAll('.lc-arrow path, .lc-inner line')).map((el) => {
      const g = el as SVGGeometryElement;
      const end = g.getPointAtLength(g.getTotalLength());
      const m = g.getScreenCTM()!;
      const marker = g.getAttribute('marker-end') ?? '';
      const head = marker ? document.querySelector(`${marker.slice(4, -1)} path`) : null;
      return {
        id: g.closest('[data-edge]')?.getAttribute('data-edge') ?? '', marker,
        end: { x: m.a * end.x + m.c * end.y + m.e, y: m.b * end.x + m.d * end.y + m.f },
        headFill: head ? getComputedStyle(head).fill : 'none',
      };
    });
    return { labels, edgeLabels, states, arrows };
  });
}

test.describe('the lifecycle diagram is laid out to be read', () => {
  for (const [name, url] of [['on the page', '/?scenario=default&t=20000'], ['in a 1280×720 slide', '/?embed=1&view=lifecycle&scenario=default&t=20000']]) {
    test(`${name}: no two labels overlap, no label sits on a box, and every arrowhead is visible`, async ({ page, consoleErrors }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.loaded === 'true');
      await page.locator('[data-view="lifecycle"] [data-testid="lifecycle.svg"]').scrollIntoViewIfNeeded();
      await page.locator('[data-view="lifecycle"] [data-label-of]').first().waitFor();
      const g = await lifecycleGeometry(page);
      expect(g.edgeLabels.length).toBeGreaterThan(15); // every arrow names its events
      for (let i = 0; i < g.labels.length; i++) {
        for (let j = i + 1; j < g.labels.length; j++) {
          expect(overlap(g.labels[i], g.labels[j]), `"${g.labels[i].text}" overlaps "${g.labels[j].text}"`).toBe(false);
        }
      }
      for (const l of g.edgeLabels) for (const s of g.states) expect(overlap(l, s), `label "${l.text}" on box ${s.text}`).toBe(false);
      expect(g.arrows.length).toBeGreaterThan(15);
      for (const a of g.arrows) {
        expect(a.marker, `${a.id} has an arrowhead`).toMatch(/^url\(#lc-arrow-/);
        expect(a.headFill, `${a.id}'s arrowhead is painted`).not.toMatch(/none|rgba\(0, 0, 0, 0\)/);
        // The tip ends on a box's edge, not under it (boxes are drawn over arrows).
        for (const s of g.states) {
          const inside = a.end.x > s.x + 2 && a.end.x < s.x + s.w - 2 && a.end.y > s.y + 2 && a.end.y < s.y + s.h - 2;
          expect(inside, `${a.id} ends inside ${s.text}`).toBe(false);
        }
      }
      await page.screenshot({ path: `test-results/screenshots/lifecycle-${name.replace(/\W+/g, '-')}.png` });
      void consoleErrors;
    });
  }

  test('the transitions environments just crossed are lit, with how many crossed', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load({ name: 'lit', seed: 1, functions: [{ name: 'hello', durationMs: { dist: 'constant', value: 80 } }], workload: [] });
    await sim.invoke({ function: 'hello', count: 3 });
    await page.locator('[data-view="lifecycle"]').scrollIntoViewIfNeeded();
    await sim.seek(150); // a short move forwards is not a jump: what happened on the way is lit
    const provisioned = page.locator('[data-view="lifecycle"] [data-edge="Provisioning>Initializing:Provisioning"]');
    await expect(provisioned).toHaveAttribute('data-recent', '3');
    await expect(page.getByTestId('lifecycle.busiest')).toContainText('×3 provisioned');
    void consoleErrors;
  });
});

test.describe('the timeline', () => {
  test('a throttled request shows no Assignment, its 429 reason is never over a bar, and every row names its function', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=burst-scaling-limit&t=1300');
    await page.locator('[data-view="timeline"]').scrollIntoViewIfNeeded(); // a view out of sight draws when shown
    const rows = page.locator('[data-view="timeline"] [data-state="Throttled"]');
    await expect(rows.first()).toBeVisible();
    const n = await rows.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const phases = await row.locator('[data-phase]').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')));
      expect(phases).toEqual(['frontend', 'response']);
      await expect(row).toHaveAttribute('data-function', 'api');
      await expect(row.locator('.tl-label')).toContainText('api');
    }
    const clash = await page.evaluate(() => {
      const root = document.querySelector('[data-view="timeline"]')!;
      const bars = Array.from(root.querySelectorAll('.tl-seg')).map((e) => e.getBoundingClientRect());
      return Array.from(root.querySelectorAll('[data-testid="timeline.reason"]')).filter((t) => {
        const r = t.getBoundingClientRect();
        return bars.some((b) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom);
      }).length;
    });
    expect(clash).toBe(0);
    await page.locator('[data-view="timeline"]').screenshot({ path: 'test-results/screenshots/timeline-429.png' });
    void consoleErrors;
  });

  test('each phase has its own colour and the legend names them all', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=20000');
    const swatches = await page.locator('[data-view="timeline"] .legend .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(swatches.length).toBe(13);
    expect(new Set(swatches).size).toBe(13);
    void consoleErrors;
  });
});

test.describe('the fleet', () => {
  test('above 400 environments it is a canvas, and clicking a cell selects that environment', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=burst-scaling-limit&t=1300');
    await page.locator('[data-view="fleet"]').scrollIntoViewIfNeeded(); // below the scene: a view off screen waits
    const canvas = page.getByTestId('fleet.canvas');
    await canvas.scrollIntoViewIfNeeded();
    await expect(canvas).toBeVisible();
    const cell = Number(await canvas.getAttribute('data-cell'));
    const boxes = JSON.parse((await canvas.getAttribute('data-boxes'))!) as { id: number; x: number; y: number; n: number }[];
    const s = await simOn(page).snapshot();
    const busy = boxes.filter((b) => b.n > 0); // the cell also shows a few empty workers
    expect(busy.length).toBeGreaterThan(1);
    for (const b of [busy[0], busy[busy.length - 1]]) {
      // Slot 0 of a worker holds its lowest environment id (cells are grouped by function, then id).
      const first = Math.min(...s.environments.filter((e) => e.worker === `worker-${b.id}`).map((e) => Number(e.id.slice(4))));
      await canvas.click({ position: { x: b.x + 4 + cell / 2, y: b.y + 44 + cell / 2 } });
      await expect(page.getByTestId('details')).toContainText(`env-${first}`);
      await expect(page.getByTestId('details')).toContainText(`on worker-${b.id}`);
    }
    void consoleErrors;
  });

  test('a failed worker is shown failed, with what it took down', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=faults&t=125000');
    const s = await simOn(page).snapshot();
    await page.locator('[data-view="fleet"]').scrollIntoViewIfNeeded(); // below the scene: a view off screen waits
    const failed = page.locator('[data-testid^="fleet.failed."]');
    await failed.first().scrollIntoViewIfNeeded();
    await expect(failed).toHaveCount(1);
    const id = (await failed.getAttribute('data-testid'))!.split('.').pop();
    expect(s.workers.map((w) => w.id)).not.toContain(`worker-${id}`);
    await expect(failed).toContainText(`worker-${id} · failed`);
    await expect(failed).toContainText(/\d+ environments? lost/);
    await page.locator('[data-view="fleet"]').screenshot({ path: 'test-results/screenshots/fleet-failed-worker.png' });
    void consoleErrors;
  });

  test('functions are told apart: a pattern per function, named in the legend', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default');
    const sim = simOn(page);
    await sim.load({ name: 'two', seed: 2, functions: [{ name: 'api', durationMs: { dist: 'constant', value: 5000 }, timeoutMs: 10000 }, { name: 'worker', durationMs: { dist: 'constant', value: 5000 }, timeoutMs: 10000 }], workload: [] });
    await sim.invoke({ function: 'api', count: 3 });
    await sim.invoke({ function: 'worker', count: 3 });
    await sim.seek(1000);
    await page.locator('[data-view="fleet"]').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('fleet.fn.api')).toBeVisible();
    await expect(page.getByTestId('fleet.fn.worker')).toBeVisible();
    await expect(page.locator('[data-function="worker"] rect[fill^="url("]')).toHaveCount(3);
    await expect(page.locator('[data-function="api"] rect[fill^="url("]')).toHaveCount(0); // the first function: plain
    await page.locator('[data-view="fleet"]').screenshot({ path: 'test-results/screenshots/fleet-two-functions.png' });
    void consoleErrors;
  });
});
