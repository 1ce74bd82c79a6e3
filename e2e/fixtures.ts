import { test as base, expect, type Page } from '@playwright/test';
import type { Snapshot } from '../src/protocol/pageApi';
import type { RunExport } from '../src/protocol/messages';

/**
 * A typed handle on `window.lambdaSim` (CONTRACTS.md §4) and console-error capture: every
 * spec fails if the page logged an error it did not expect.
 */
export interface Sim {
  load(scenario: object | string): Promise<void>;
  snapshot(): Promise<Snapshot>;
  invoke(req: { function: string; mode?: string; count?: number }): Promise<void>;
  seek(t: number): Promise<void>;
  step(): Promise<void>;
  pause(): Promise<void>;
  play(): Promise<void>;
  setSpeed(x: number): Promise<void>;
  waitFor(pred: (s: Snapshot) => boolean, what: string, timeoutMs?: number): Promise<Snapshot>;
  series(name: string): Promise<{ timeMs: number[]; values: number[] }>;
  exportRun(): Promise<RunExport>;
  setLiveLoad(entry: object | null): Promise<void>;
  /** Diagnostics (builds made for tests): make the worker fail. */
  crash(mode?: 'throw' | 'uncaught' | 'die'): Promise<void>;
}

export const test = base.extend<{ sim: Sim; consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
  sim: async ({ page }, use) => {
    await use(simOn(page));
  },
});

export function simOn(page: Page): Sim {
  const call = <T,>(fn: string, ...args: unknown[]) =>
    page.evaluate(([f, a]) => (window.lambdaSim as unknown as Record<string, (...x: unknown[]) => unknown>)[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
  return {
    load: (s) => call('load', s),
    snapshot: () => call<Snapshot>('snapshot'),
    invoke: (r) => call('invoke', r),
    seek: (t) => call('seek', t),
    step: () => call('step'),
    pause: () => call('pause'),
    play: () => call('play'),
    setSpeed: (x) => call('setSpeed', x),
    series: (name) => call('series', name),
    exportRun: () => call<RunExport>('exportRun'),
    setLiveLoad: (entry) => call('setLiveLoad', entry),
    crash: (mode = 'throw') => page.evaluate((m) => {
      const debug = (window as unknown as { lambdaSimDebug?: { crashWorker(mode: string): void } }).lambdaSimDebug;
      if (!debug) throw new Error('window.lambdaSimDebug is missing: the e2e suite needs the build made for tests (vite build --mode e2e; playwright.config.ts builds it)');
      debug.crashWorker(m);
    }, mode),
    async waitFor(pred, what, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      let last: Snapshot | null = null;
      while (Date.now() < until) {
        last = await call<Snapshot>('snapshot');
        if (pred(last)) return last;
        await page.waitForTimeout(100);
      }
      throw new Error(`timed out waiting for ${what}; last snapshot at t=${last?.timeMs}: ${JSON.stringify(last?.summary.invocations)}`);
    },
  };
}

/** Opens the page on a scenario, paused at t=0, and waits until the worker has loaded it. */
export async function openPaused(page: Page, query: string): Promise<void> {
  await page.goto(`/?${query}`);
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
}

export { expect };
