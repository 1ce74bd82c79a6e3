import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

/**
 * The default build (what `npm run build` ships in dist/) carries no diagnostics: no
 * window.lambdaSimDebug, no crashWorker, no debugCrash message in the worker. It does carry
 * the Content-Security-Policy. Built here, into a temporary directory, from the sources.
 */
test('the default build has no debug hooks, and its page carries the Content-Security-Policy', async () => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'lambdascope-dist-'));
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { encoding: 'utf8' });
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(js.some((f) => f.startsWith('sim.worker'))).toBe(true);
    for (const f of js) {
      const text = readFileSync(join(out, 'assets', f), 'utf8');
      for (const hook of ['lambdaSimDebug', 'crashWorker', 'debugCrash', 'injected crash']) expect(text.includes(hook), `${hook} in ${f}`).toBe(false);
    }
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'[^"]*"/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
