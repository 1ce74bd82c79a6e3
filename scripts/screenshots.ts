/**
 * Screenshots of the teaching surface as a teacher sees it, for a person to look at (issue #9):
 * the first visit, the default run playing at ~20 s, a burst of 1,000, every tour step (all of
 * them at 1280×720, steps 1–3 at the other sizes), embeds of the pictures in light and dark,
 * and presenter mode, at 1400×900, 1280×720 and 800×450.
 *
 * Run against a built app served on E2E_PORT (default 4173):
 *   npx vite build --mode e2e && npx vite preview --mode e2e --port 4209 &
 *   E2E_PORT=4209 npx tsx scripts/screenshots.ts [filter]
 * Writes shots/<name>-<w>x<h>.png (gitignored). `filter` (comma-separated) keeps only shots whose
 * name contains one of its parts.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHAPTERS } from '../src/app/tours/chapters';

const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const out = 'shots';
const filters = (process.argv[2] ?? '').split(',').filter(Boolean);
const SIZES = [[1400, 900], [1280, 720], [800, 450]] as const;
mkdirSync(out, { recursive: true });

type Api = Record<string, (...a: unknown[]) => Promise<unknown>>;
const call = (page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as { lambdaSim: Api }).lambdaSim[f as string](...(a as unknown[])), [fn, args] as const);
const loaded = (page: Page) => page.waitForFunction(() => document.body.dataset.loaded === 'true');
const settle = (page: Page, ms = 400) => page.waitForTimeout(ms);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let taken = 0;
async function shot(name: string, w: number, h: number, body: (page: Page) => Promise<void>): Promise<void> {
  if (filters.length && !filters.some((f) => name.includes(f))) return;
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`${name}: page error: ${e.message}`));
  try {
    await body(page);
    await page.screenshot({ path: `${out}/${name}-${w}x${h}.png` });
    taken++;
  } catch (e) {
    console.error(`${name} ${w}x${h}: ${(e as Error).message.split('\n')[0]}`);
  }
  await ctx.close();
}

for (const [w, h] of SIZES) {
  // A first visit: the welcome over the scene.
  await shot('01-first-visit', w, h, async (p) => { await p.goto(base + '/'); await loaded(p); await settle(p, 800); });
  // The default run, playing, at about 20 s (seek there, then play a second so tokens move).
  await shot('02-default-20s', w, h, async (p) => {
    await p.goto(base + '/'); await loaded(p);
    await p.getByTestId('welcome.close').click();
    await call(p, 'pause'); await call(p, 'seek', 19_000); await call(p, 'play');
    await settle(p, 1200); await call(p, 'pause'); await settle(p);
  });
  // A burst of 1,000 into the default run: 5 ms and 300 ms after it arrives.
  for (const after of [5, 300]) {
    await shot(`03-burst1000-${after}ms`, w, h, async (p) => {
      await p.goto(base + '/?scenario=default&t=9000'); await loaded(p);
      await call(p, 'invoke', { function: 'hello', count: 1000 });
      await call(p, 'seek', 9000 + after); await settle(p, 600);
    });
  }
  // Tour steps, half-way through their window (what a learner sees while it plays).
  for (const ch of CHAPTERS) {
    const steps = w === 1280 ? ch.steps.length : Math.min(3, ch.steps.length);
    for (let n = 1; n <= steps; n++) {
      const st = ch.steps[n - 1];
      await shot(`10-tour-${ch.id}-${n}`, w, h, async (p) => {
        await p.goto(`${base}/?tour=${ch.id}&step=${n}`); await loaded(p);
        await p.getByTestId('tour.count').waitFor();
        await call(p, 'pause'); await call(p, 'seek', (st.fromMs + st.toMs) / 2); await settle(p, 600);
      });
    }
  }
  // Embeds of the pictures, light and dark; a tour in an embed.
  for (const theme of ['light', 'dark']) {
    for (const view of ['scene', 'timeline', 'fleet', 'lifecycle', 'charts']) {
      await shot(`20-embed-${view}-${theme}`, w, h, async (p) => {
        await p.goto(`${base}/?embed=1&view=${view}&theme=${theme}&scenario=default&t=20000`); await loaded(p); await settle(p, 800);
      });
    }
  }
  await shot('21-embed-tour-cold-vs-warm-2', w, h, async (p) => {
    await p.goto(`${base}/?embed=1&tour=cold-vs-warm&step=2`); await loaded(p);
    await call(p, 'pause'); await call(p, 'seek', 1150); await settle(p, 600);
  });
  // Presenter mode on a tour step and on the default run.
  await shot('30-presenter-tour-sync-invoke-4', w, h, async (p) => {
    await p.goto(`${base}/?presenter=1&tour=sync-invoke&step=4`); await loaded(p);
    await call(p, 'pause'); await call(p, 'seek', 1110); await settle(p, 600);
  });
  await shot('31-presenter-default', w, h, async (p) => {
    await p.goto(`${base}/?presenter=1&scenario=default&t=20000`); await loaded(p); await settle(p, 800);
  });
}
await browser.close();
console.log(`${taken} screenshots in ${out}/`);
