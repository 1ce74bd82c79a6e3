import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sweep = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sweep.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const tmp = mkdtempSync(join(tmpdir(), 'lambdascope-sweep-'));
const scenarioFile = join(tmp, 's.json');
writeFileSync(scenarioFile, JSON.stringify({
  seed: 1, durationMs: 600_000, functions: [{ name: 'hello', durationMs: { dist: 'constant', value: 50 } }],
  workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0.2 } }],
}));
const SET = 'functions[0].keepAliveMs.value=1000..61000:3';

describe('npm run sweep (CONTRACTS.md §2)', () => {
  it('writes CSV on stdout — a header, one row per grid point with means and 95 % bounds — and progress on stderr', { timeout: 60_000 }, () => {
    const r = sweep(scenarioFile, '--set', SET, '--seeds', '3', '--metrics', 'coldStartRatio,environments.meanTotal');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('functions[0].keepAliveMs.value,seeds,coldStartRatio_mean,coldStartRatio_ci95_low,coldStartRatio_ci95_high,environments.meanTotal_mean,environments.meanTotal_ci95_low,environments.meanTotal_ci95_high');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1000', '31000', '61000']);
    const cold = lines.slice(1).map((l) => Number(l.split(',')[2]));
    expect(cold[0]).toBeGreaterThan(cold[2]); // a longer keep-alive, fewer cold starts
    for (const l of lines.slice(1)) {
      const [, , mean, low, high] = l.split(',').map(Number);
      expect(low).toBeLessThanOrEqual(mean);
      expect(high).toBeGreaterThanOrEqual(mean);
    }
    expect(r.stderr).toMatch(/3 grid points × 3 seeds = 9 runs/);
    expect(r.stderr).toContain('9/9');
  });

  it('two shards merged give the same result as the whole sweep', { timeout: 120_000 }, () => {
    const whole = sweep(scenarioFile, '--set', SET, '--set', 'functions[0].memoryMb=512,1024', '--seeds', '2', '--json');
    const parts = ['1/2', '2/2'].map((s, i) => {
      const out = join(tmp, `part${i}.json`);
      expect(sweep(scenarioFile, '--set', SET, '--set', 'functions[0].memoryMb=512,1024', '--seeds', '2', '--json', '--shard', s, '--out', out).status).toBe(0);
      return out;
    });
    expect(JSON.parse(readFileSync(parts[0], 'utf8')).points.map((p: { index: number }) => p.index)).toEqual([0, 2, 4]);
    const merged = sweep('--merge', ...parts, '--json');
    expect(merged.status).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
  });

  it('validates --set against the scenario schema with the field and the rule', { timeout: 60_000 }, () => {
    const r = sweep(scenarioFile, '--set', 'functions[0].memoryMb=64,512', '--set', 'functions[3].timeoutMs=3000', '--set', 'functions[0].keepalive.value=1..2:2');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--set functions[3].timeoutMs: functions has 1 entry: index 3 is past its end');
    expect(sweep(scenarioFile, '--set', 'functions[0].memoryMb=64,512').stderr).toContain('--set functions[0].memoryMb=64: functions[0].memoryMb: must be an integer from 128 to 10240');
    expect(sweep(scenarioFile, '--set', 'functions[0].keepalive.value=1..2:2').stderr).toMatch(/functions\[0\]\.keepalive: is not a known field/);
  });
});
