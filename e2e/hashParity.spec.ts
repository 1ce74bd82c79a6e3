import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, openPaused } from './fixtures';

/**
 * The same run in every engine: for every example scenario, the event-log SHA-256 the page
 * exports (Chromium's V8) equals the one `npm run sim` prints (Node's V8).
 *
 * This holds since the core computes exp/log/pow/sin with its own fdlibm port (engine/fmath.ts):
 * V8 in Node and in Chromium differ in the last bit of Math.exp & co. for a few percent of inputs.
 * (e2e/engineParity.spec.ts checks the bare core; this checks the page's own export path.)
 */
const files = readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort();

for (const file of files) {
  test(`scenarios/${file}: the page's exported event-log hash equals the CLI's`, async ({ page, sim, consoleErrors }) => {
    test.setTimeout(1_800_000); // steady-traffic: a simulated hour at 1,000 req/s, then its replay with hashing
    const json = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
    const cli = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', `scenarios/${file}`, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    await openPaused(page, 'scenario=default');
    await sim.load(json);
    await sim.seek(cli.simulatedMs);
    const run = await sim.exportRun();
    expect(run.summary).toMatchObject({ invocations: cli.invocations, coldStarts: cli.coldStarts });
    expect(run.eventLog.sha256).toBe(cli.eventLogSha256);
    void consoleErrors;
  });
}
