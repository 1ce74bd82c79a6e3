import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTraceEvents } from '../core/export/traceEventParser';

const sim = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

const tmp = mkdtempSync(join(tmpdir(), 'lambdascope-wb-'));
const file = (name: string, content: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const fns = [{ name: 'checkout' }, { name: 'thumbnail' }, { name: 'nightly' }];
const a = file('a.json', { seed: 3, durationMs: 1_900_000, functions: fns, workload: [{ function: 'checkout', arrival: { process: 'poisson', ratePerSec: 0.1 } }] });
const b = file('b.json', { seed: 3, durationMs: 1_900_000, functions: [{ name: 'checkout', keepAliveMs: { dist: 'constant', value: 30_000 } }, fns[1], fns[2]], workload: [{ function: 'checkout', arrival: { process: 'poisson', ratePerSec: 0.1 } }] });

describe('npm run sim -- a.json --compare b.json (CONTRACTS.md §2)', () => {
  it('prints { a, b, delta } with --json; both runs saw the same requests', { timeout: 60_000 }, () => {
    const r = sim(a, '--compare', b, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['a', 'b', 'delta', 'pairs']));
    expect(out.a.invocations.total).toBe(out.b.invocations.total);
    expect(out.delta.coldStarts).toBe(out.b.coldStarts - out.a.coldStarts);
    expect(out.pairs.paired).toBe(out.a.invocations.total);
    expect(out.pairs.warmToCold).toBeGreaterThan(0);
  });

  it('refuses a B whose workload differs, with exit 2 and the reason', { timeout: 60_000 }, () => {
    const c = file('c.json', { seed: 3, functions: fns, workload: [{ function: 'checkout', arrival: { process: 'poisson', ratePerSec: 1 } }] });
    const r = sim(a, '--compare', c);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('workload[0].arrival.ratePerSec: ');
    expect(r.stderr).toContain('identical traffic');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('prints both summaries and a table of B − A without --json', { timeout: 60_000 }, () => {
    const r = sim(a, '--compare', b);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/=== A: .*a\.json[\s\S]*=== B: .*b\.json[\s\S]*=== B − A/);
    expect(r.stdout).toMatch(/cold starts\s+\d+\s+\d+\s+[+-]?\d+/);
  });
});

describe('npm run sim -- scenario.json --trace FILE', () => {
  it('replays an Azure 2021 sample onto the functions of the same name', { timeout: 60_000 }, () => {
    const r = sim(a, '--trace', 'traces/azure2021-sample.csv', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.functions.thumbnail.invocations).toBe(337);
    expect(out.trace).toMatchObject({ format: 'azure2021', fired: 1289, clamped: 0 });
    expect(r.stderr).toContain('1289 invocations of 3 functions');
  });

  it('names the line and the column of a malformed row, and exits 2', { timeout: 60_000 }, () => {
    const bad = file('bad.csv', 'app,func,end_timestamp,duration\nshop,checkout,1.5,0.1\nshop,checkout,oops,0.1\n');
    const r = sim(a, '--trace', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.csv: line 3: end_timestamp: must be a number of seconds ≥ 0 (got "oops")');
  });

  it('says which formats it knows when the header is not one of them', { timeout: 60_000 }, () => {
    const r = sim(a, '--trace', file('x.csv', 'when,what\n1,2\n'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unrecognised trace header: expected Azure 2021/);
  });

  it('rejects a bad --trace-map value', { timeout: 60_000 }, () => {
    const r = sim(a, '--trace', 'traces/timestamps-sample.csv', '--trace-map', 'top:0');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--trace-map: must be name, rank or top:N');
  });

  it('--perfetto writes a trace that parses as the Trace Event Format, one that Perfetto opens', { timeout: 60_000 }, () => {
    const out = join(tmp, 'run.json');
    const r = sim(a, '--trace', 'traces/timestamps-sample.csv', '--trace-map', 'rank', '--perfetto', out, '--duration-ms', '700000');
    expect(r.status).toBe(0);
    const p = parseTraceEvents(readFileSync(out, 'utf8'));
    expect(p.problems).toEqual([]);
    expect([...p.threadNames.values()].some((n) => n.startsWith('env-'))).toBe(true);
  });
});
