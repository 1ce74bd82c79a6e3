import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sim = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
/** The real CLI with a core that throws as a bug would (see testing/breakTheCore.ts). */
const brokenSim = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--import', './src/cli/testing/breakTheCore.ts', 'src/cli/sim.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);

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
    noStack(r.stderr);
  });

  it('bad flags, a missing file and invalid JSON exit 2 with a precise message', () => {
    const flag = sim('scenarios/cold-vs-warm.json', '--seed', 'abc', '--speed', '3');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--seed: must be an integer from 0 to 9007199254740991 (got "abc")');
    expect(flag.stderr).toContain('--speed: unknown flag');
    const missing = sim(join(tmp, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
    const broken = sim(file('broken.json', '{ "seed": 1,'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.json: not valid JSON at line 1, column 13');
    const none = sim();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('<scenario.json>: a scenario file is required');
  });

  it('invalid JSON is reported with the line and column where parsing stopped', () => {
    const r = sim(file('comma.json', '{\n  "seed": 1\n  "functions": []\n}'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`comma.json: not valid JSON at line 3, column 3: Expected ',' or '}' after property value`);
    noStack(r.stderr);
  });

  it('a directory, or a flag value beyond its maximum, is a user error (exit 2)', () => {
    const dir = sim(tmp);
    expect(dir.status).toBe(2);
    expect(dir.stderr).toContain('is a directory, not a scenario file');
    const far = sim('scenarios/cold-vs-warm.json', '--duration-ms', '1e300');
    expect(far.status).toBe(2);
    expect(far.stderr).toContain('--duration-ms: must be a number from 1 to 2592000000 (got "1e300")');
  });

  it('3,000 long names and 3,000 references to an unknown function exit 2 with at most 50 short messages', () => {
    const p = file('names.json', JSON.stringify({
      seed: 1,
      functions: Array.from({ length: 3000 }, (_, i) => ({ name: `fn${i}_`.padEnd(64, 'x') })),
      workload: Array.from({ length: 3000 }, () => ({ function: 'nope', arrival: { process: 'poisson', ratePerSec: 1 } })),
    }));
    const r = sim(p);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('error: '));
    expect(lines).toHaveLength(51); // 50 problems and the count of the rest (then the usage)
    expect(lines[50]).toBe('error: … and 2950 more problems');
    for (const l of lines) expect(l.length).toBeLessThan(600);
    noStack(r.stderr);
  });

  it('an internal failure prints one line saying so, with the seed and the scenario file to report, and exits 1', () => {
    const r = brokenSim('scenarios/cold-vs-warm.json', '--seed', '7');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'internal error: injected failure: the core threw while running — this is a bug in Lambdascope, not in your input; ' +
      'please report it with the seed (7) and the scenario file (scenarios/cold-vs-warm.json) (run again with --debug for the stack trace)',
    ]);
  });

  it('--debug adds the stack trace to an internal failure', () => {
    const r = brokenSim('scenarios/cold-vs-warm.json', '--debug');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^internal error: injected failure/);
    expect(r.stderr).toMatch(/^\s+at .*breakTheCore\.ts/m);
  });
});
