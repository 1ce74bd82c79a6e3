import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { build } from 'vite';

/**
 * The same run in every engine (issue #8): the core, bundled once, runs every preset for two
 * simulated minutes in Node and in Chromium; the event-log SHA-256 must be the same. Before
 * the core used its own fdlibm functions (engine/fmath.ts), 6 of 7 presets differed here,
 * because V8's Math.exp/log/sin/cos differ in the last bit between the two builds.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./support/presetHashes.ts', import.meta.url));

async function coreBundle(): Promise<string> {
  const out = await build({
    configFile: false, root, logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: ENTRY, formats: ['iife'], name: 'parity', fileName: 'parity' } },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!('output' in result)) throw new Error('vite build did not return a bundle');
  return result.output[0].type === 'chunk' ? result.output[0].code : '';
}

test('every preset gives the same event-log hash in Chromium as in Node', async ({ page }) => {
  test.setTimeout(180_000);
  const code = await coreBundle();
  const sandbox: { presetHashes?: () => [string, string][] } = {};
  runInNewContext(code, Object.assign(sandbox, { globalThis: sandbox }));
  const inNode = sandbox.presetHashes!();
  await page.setContent('<!doctype html><title>parity</title>');
  await page.addScriptTag({ content: code });
  const inChromium = await page.evaluate(() => (globalThis as unknown as { presetHashes: () => [string, string][] }).presetHashes());
  expect(inNode.length).toBeGreaterThanOrEqual(7);
  for (const [, hash] of inNode) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(inChromium).toEqual(inNode);
});
