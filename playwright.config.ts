import { defineConfig } from '@playwright/test';

// Chromium comes from the OS (Debian: `apt-get install -y chromium`); Playwright's own browser
// download is not reachable here. CHROMIUM_PATH overrides the location.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets several checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  // The suite drives the build made for tests (`--mode e2e`, into dist-e2e/: the app plus its
  // diagnostics hooks), built here from the current sources; the default dist/ has no hooks
  // (e2e/buildHygiene.spec.ts proves it).
  webServer: {
    command: `npx vite build --mode e2e --logLevel warn && npx vite preview --mode e2e --strictPort --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
