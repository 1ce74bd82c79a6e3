import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The built page's Content-Security-Policy: scripts and the simulation worker only from the
 * page's own origin (no inline script, no eval); styles only from the page's stylesheet —
 * React's `style={…}` and D3's `.style()` set properties through the CSSOM, which CSP allows,
 * so no 'unsafe-inline' is needed (markup strings with style="…" would be refused); images
 * also from data: and blob: URLs (PNG export rasterizes an SVG blob); no plugins, no form
 * posts. Applied to builds only: Vite's dev server injects inline scripts for hot reload.
 * e2e/csp.spec.ts drives the built page and fails on any violation.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'lambdascope-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

// `vite build --mode e2e` makes the build the e2e suite drives: the same app plus its
// diagnostics hooks (window.lambdaSimDebug, the worker's debugCrash), which the default
// build leaves out entirely (import.meta.env.MODE is replaced at build time).
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: mode === 'e2e' ? { outDir: 'dist-e2e' } : {},
  test: {
    // e2e/*.spec.ts belong to Playwright, not Vitest.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // CI asks for a JSON report as well, to print one closing line of totals.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
}));
