import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sim = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

const tmp = mkdtempSync(join(tmpdir(), 'lambdascope-'));
const file = (name: string, content: string) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('npm run sim (CONTRACTS.md §2)', { timeout: 60_000 }, () => {
  it('with --json prints exactly one JSON summary on stdout, with every contract field', () => {
    const r = sim('scenarios/cold-vs-warm.json', '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const key of ['seed', 'simulatedMs', 'wallMs', 'invocations', 'coldStarts', 'coldStartRatio', 'throttleRatio', 'environments', 'utilization', 'latencyMs', 'async', 'functions', 'eventLogSha256']) {
      expect(s).toHaveProperty(key);
    }
    for (const key of ['total', 'succeeded', 'functionErrors', 'timedOut', 'throttled', 'dryRun', 'inFlight']) expect(s.invocations).toHaveProperty(key);
    for (const key of ['created', 'reclaimed', 'peak', 'meanTotal', 'meanBusy', 'meanIdle', 'meanInitializing']) expect(s.environments).toHaveProperty(key);
    for (const key of ['mean', 'p50', 'p90', 'p99', 'p999']) expect(s.latencyMs.cold).toHaveProperty(key);
    expect(s).toMatchObject({ seed: 42, simulatedMs: 1_200_000, coldStarts: 2, invocations: { total: 3, succeeded: 3 } });
    expect(s.eventLogSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--seed changes the run and the same seed reproduces it', () => {
    const a = JSON.parse(sim('scenarios/steady-traffic.json', '--json', '--duration-ms', '2000', '--seed', '5').stdout);
    const b = JSON.parse(sim('scenarios/steady-traffic.json', '--json', '--duration-ms', '2000', '--seed', '5').stdout);
    const c = JSON.parse(sim('scenarios/steady-traffic.json', '--json', '--duration-ms', '2000', '--seed', '6').stdout);
    expect(a.simulatedMs).toBe(2000);
    expect(b.eventLogSha256).toBe(a.eventLogSha256);
    expect(c.eventLogSha256).not.toBe(a.eventLogSha256);
  });

  it('a bad scenario exits 2 and lists every problem by JSON path, with no stack trace', () => {
    const p = file('bad.json', JSON.stringify({ seed: 1, functions: [{ name: 'f', memoryMb: 64, timeoutMs: 0 }], workload: [{ function: 'g', arrival: { process: 'poisson' } }] }));
    const r = sim(p);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('functions[0].memoryMb: must be an integer from 128 to 10240');
    expect(r.stderr).toContain('functions[0].timeoutMs: must be an integer from 1000 to 900000');
    expect(r.stderr).toContain('workload[0].function: must name a function in "functions" (f)');
    expect(r.stderr).toContain('workload[0].arrival.ratePerSec: is required');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('bad flags, a missing file and invalid JSON exit 2 with a precise message', () => {
    const flag = sim('scenarios/cold-vs-warm.json', '--seed', 'abc', '--speed', '3');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--seed: must be an integer of at least 0 (got "abc")');
    expect(flag.stderr).toContain('--speed: unknown flag');
    const missing = sim(join(tmp, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
    const broken = sim(file('broken.json', '{ "seed": 1,'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.json: not valid JSON');
    const none = sim();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('<scenario.json>: a scenario file is required');
  });
});
