import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { parseArgs } from './args';

/**
 * npm run bench:ui — frame times of the built app in Chromium with the frame rate uncapped
 * (--disable-gpu-vsync --disable-frame-rate-limit): a fleet of ~5,000 execution environments
 * under 1,000 invocations/s, at 1× and at 100×. Prints median / p95 frame time (rAF to rAF
 * while frames arrive) and how much virtual time the worker covered per wall second.
 * Figures only; nothing is asserted.
 */
const args = parseArgs(process.argv.slice(2), { '--json': { kind: 'bool' }, '--seconds': { kind: 'number', min: 1 }, '--view': { kind: 'string' }, '--seek-hours': { kind: 'number', min: 0.01 } });
if (args.problems.length) {
  process.stderr.write(args.problems.map((p) => `error: ${p}`).join('\n') + '\nusage: npm run bench:ui [-- --json] [--seconds N] [--view scene|architecture|fleet|timeline|lifecycle|charts|log] [--seek-hours H]\n');
  process.exit(2);
}
const seconds = (args.flags['--seconds'] as number | undefined) ?? 8;
/** Length of the run the browser seek figures are measured in (simulated hours). */
const seekHours = (args.flags['--seek-hours'] as number | undefined) ?? 24;
const PORT = Number(process.env.BENCH_UI_PORT ?? process.env.E2E_PORT ?? 4179); // a free port: several checkouts may run this at once

const scenario = {
  name: 'bench-ui-5000', seed: 1, durationMs: 3_600_000,
  account: { concurrencyLimit: 20_000, unreservedMinimum: 100, scaling: { environments: 20_000, perMs: 10_000 } },
  fleet: { workers: 16, workerMemoryMb: 196_608, prebootedPoolSize: 8 },
  functions: [{ name: 'api', runtime: 'nodejs20.x', memoryMb: 512, timeoutMs: 60_000, durationMs: { dist: 'lognormal', median: 4800, sigma: 0.2 }, keepAliveMs: { dist: 'constant', value: 600_000 } }],
  workload: [{ function: 'api', mode: 'RequestResponse', arrival: { process: 'poisson', ratePerSec: 1000 } }],
};

const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // tsx (esbuild keepNames) wraps functions in __name(); functions sent to page.evaluate need it.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  // --view NAME measures one view alone (embed mode), to find where frame time goes.
  const view = args.flags['--view'] as string | undefined;
  await page.goto(`${base}/?scenario=default${view ? `&embed=1&view=${view}` : ''}`);
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  await page.evaluate(async (s) => { await window.lambdaSim.load(s); await window.lambdaSim.seek(60_000); }, scenario);
  const envs = await page.evaluate(async () => (await window.lambdaSim.snapshot()).environments.length);
  // Two places on the page: the scene (the first screen: the whole system, microVMs on its
  // canvas layer, request tokens and flows) and the fleet view below it (canvas).
  const targets: { name: string; onScreen: boolean }[] = [];
  const results = [];
  for (const target of view ? ['view'] : ['scene', 'fleet']) {
    if (target === 'scene') await page.evaluate(() => window.scrollTo(0, 0));
    if (target === 'fleet') {
      await page.locator('figure.fleet').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('figure.fleet')?.scrollIntoView({ block: 'start' }));
    }
    const onScreen = await page.evaluate((t) => {
      const el = t === 'scene' ? document.querySelector('[data-testid="scene"]') : t === 'fleet' ? document.querySelector('figure.fleet') : document.querySelector('[data-view]');
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    }, target);
    targets.push({ name: target, onScreen });
    for (const speed of [1, 100]) {
      const r = await page.evaluate(async ({ speed, ms }) => {
        const sim = window.lambdaSim;
        sim.setSpeed(speed);
        const t0 = (await sim.snapshot()).timeMs;
        const gaps: number[] = [];
        let last = performance.now();
        let running = true;
        const loop = (now: number) => { gaps.push(now - last); last = now; if (running) requestAnimationFrame(loop); };
        requestAnimationFrame(loop);
        (window as unknown as { __resetFrameStats?: () => void }).__resetFrameStats?.();
        const frames0 = sim.frameStats().frames;
        sim.play();
        const w0 = performance.now();
        await new Promise((res) => setTimeout(res, ms));
        running = false;
        sim.pause();
        const wall = performance.now() - w0;
        const t1 = (await sim.snapshot()).timeMs;
        const sorted = gaps.slice(5).sort((a, b) => a - b);
        const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        return { speed, wallMs: Math.round(wall), virtualMs: Math.round(t1 - t0), rafFrames: sorted.length, simFrames: sim.frameStats().frames - frames0, medianFrameMs: q(0.5), p95FrameMs: q(0.95), frameStats: sim.frameStats() };
      }, { speed, ms: seconds * 1000 });
      results.push({ target, ...r, keepsUp: r.virtualMs / (r.wallMs * speed) });
    }
  }
  const onScreen = targets.every((t) => t.onScreen);
  // Time travel in the browser: a long run of steady 1,000 req/s traffic (24 simulated hours
  // by default), then seeks to fixed pseudo-random moments of it, each timed from the call to
  // its answer. The worker answers a snapshot() during the long first run: timed too.
  const seek = await page.evaluate(async (spanMs) => {
    const sim = window.lambdaSim;
    sim.pause();
    await sim.load('steady-traffic');
    const t0 = performance.now();
    const first = sim.seek(spanMs);
    await new Promise((r) => setTimeout(r, 2000));
    const a0 = performance.now();
    await sim.snapshot();
    const snapshotDuringSeekMs = performance.now() - a0;
    await first;
    const firstRunMs = performance.now() - t0;
    const times: number[] = [];
    let x = 12345;
    for (let i = 0; i < 12; i++) {
      x = (x * 1103515245 + 12345) % 2147483648; // fixed targets, same every run
      const target = Math.floor((x / 2147483648) * spanMs);
      const s0 = performance.now();
      await sim.seek(target);
      times.push(performance.now() - s0);
    }
    times.sort((a, b) => a - b);
    return { firstRunMs: Math.round(firstRunMs), snapshotDuringSeekMs: Math.round(snapshotDuringSeekMs), medianMs: Math.round(times[times.length >> 1]), maxMs: Math.round(times[times.length - 1]) };
  }, seekHours * 3_600_000);
  const out = { environmentsOnScreen: envs, targets, results, seekInLongRun: { hours: seekHours, ...seek } };
  if (args.flags['--json']) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  else {
    process.stdout.write(`Lambdascope UI benchmark — Chromium, uncapped frame rate, ${envs} environments ${onScreen ? 'on screen' : '(a measured view was NOT on screen)'}, 1,000 invocations/s\n\n`);
    process.stdout.write(`${'view'.padEnd(7)}${'speed'.padEnd(7)}${'median frame'.padStart(14)}${'p95 frame'.padStart(12)}${'render median'.padStart(15)}${'render p95'.padStart(12)}${'sim frames/s'.padStart(14)}${'virtual/wall'.padStart(14)}${'keeps up'.padStart(10)}\n`);
    for (const r of results) {
      process.stdout.write(`${r.target.padEnd(7)}${(r.speed + '×').padEnd(7)}${(r.medianFrameMs.toFixed(1) + ' ms').padStart(14)}${(r.p95FrameMs.toFixed(1) + ' ms').padStart(12)}${(r.frameStats.medianMs.toFixed(1) + ' ms').padStart(15)}${(r.frameStats.p95Ms.toFixed(1) + ' ms').padStart(12)}${(r.simFrames / (r.wallMs / 1000)).toFixed(1).padStart(14)}${((r.virtualMs / r.wallMs).toFixed(1) + '×').padStart(14)}${((r.keepsUp * 100).toFixed(0) + ' %').padStart(10)}\n`);
    }
    process.stdout.write('\nscene = the first screen (the whole-system diagram); fleet = the fleet view below it. frame = interval between animation frames while frames arrive; render = a frame\'s arrival from the worker to the next animation frame after React drew it; keeps up = virtual time covered / (wall time × speed).\n');
    process.stdout.write(`\nTime travel in the browser (steady-traffic, 1,000 req/s): simulating ${seekHours} h took ${(seek.firstRunMs / 1000).toFixed(1)} s (a snapshot() during it answered in ${seek.snapshotDuringSeekMs} ms); then 12 seeks to random moments: median ${seek.medianMs} ms, worst ${seek.maxMs} ms\n`);
  }
} finally {
  await browser.close();
  server.kill();
}
