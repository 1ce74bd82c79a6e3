import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    // e2e/*.spec.ts belong to Playwright, not Vitest.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // CI asks for a JSON report as well, to print one closing line of totals.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
