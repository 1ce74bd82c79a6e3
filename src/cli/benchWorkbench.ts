import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../core/scenario/parseScenario';
import { Simulation } from '../core/simulation';
import { parseTraceMap } from '../core/traces/mapping';
import { prepareTrace } from '../io/traceLoad';
import { fileBytes } from './fileBytes';
import { nodeHasher } from './nodeHasher';

/**
 * npm run bench:workbench [-- --rows N] — the workbench's figures (printed, never asserted):
 * 1. trace replay speed: a synthetic Azure 2021 file of N rows (200 invocations/s over 50
 *    functions, written to /tmp), replayed with top:50, against the same traffic as Poisson
 *    workload entries with no trace;
 * 2. sweep speed on 1 worker thread against all cores.
 */
const argRows = process.argv.indexOf('--rows');
const rows = argRows > 0 ? Number(process.argv[argRows + 1]) : 1_000_000;
const file = `/tmp/lambdascope-bench-2021-${rows}.csv`;

function synthetic(): void {
  let s = 7, t = 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const out: string[] = ['app,func,end_timestamp,duration'];
  for (let i = 0; i < rows; i++) {
    t += -Math.log(1 - rand()) / 200;
    const f = Math.floor(rand() ** 2 * 50);
    const d = Math.round(-Math.log(1 - rand()) * 150) / 1000 + 0.001;
    out.push(`app${f % 10},fn${f},${(t + d).toFixed(3)},${d.toFixed(3)}`);
  }
  writeFileSync(file, out.join('\n') + '\n');
}

const base = (durationMs: number, extra: Record<string, unknown> = {}) => {
  const r = parseScenario({ seed: 1, durationMs, account: { concurrencyLimit: 10_000 }, functions: [{ name: 'template', timeoutMs: 60_000 }], workload: [], ...extra });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
};

synthetic();
const durationMs = Math.ceil(rows / 200) * 1000 + 60_000;
const t0 = performance.now();
const opened = fileBytes(file);
if (!opened.ok) throw new Error(opened.problem);
const mode = parseTraceMap('top:50');
if ('error' in mode) throw new Error(mode.error);
const prepared = await prepareTrace(opened.file, base(durationMs), mode);
if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
const t1 = performance.now();
const sim = new Simulation(prepared.trace.scenario, { hasher: nodeHasher(), recentInvocations: 0, logRingSize: 16 });
sim.runUntil(durationMs);
const t2 = performance.now();
const invocations = sim.state.nextInvocationId - 1;
// The same traffic as Poisson workload entries: what the core costs without reading a file.
const names = prepared.trace.scenario.functions.slice(1);
const counts = prepared.trace.plan.targets.map((x) => x.invocations);
const poisson = base(durationMs, {
  functions: [{ name: 'template', timeoutMs: 60_000 }, ...names.map((f) => ({ name: f.name, timeoutMs: 60_000, durationMs: { dist: 'exponential', mean: 150 } }))],
  workload: names.map((f, i) => ({ function: f.name, arrival: { process: 'poisson', ratePerSec: counts[i] / (durationMs / 1000) } })),
});
const t3 = performance.now();
const plain = new Simulation(poisson, { hasher: nodeHasher(), recentInvocations: 0, logRingSize: 16 });
plain.runUntil(durationMs);
const t4 = performance.now();
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} invocations/s`;
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
console.log(`trace replay (${rows.toLocaleString('en')} rows, ${Math.round(durationMs / 1000)} s simulated):`);
console.log(`  first pass (check + count):      ${((t1 - t0) / 1000).toFixed(2)} s (${Math.round(rows / ((t1 - t0) / 1000)).toLocaleString('en')} rows/s)`);
console.log(`  replay:                          ${((t2 - t1) / 1000).toFixed(2)} s, ${rate(invocations, t2 - t1)}`);
console.log(`  same traffic, Poisson, no trace: ${((t4 - t3) / 1000).toFixed(2)} s, ${rate(plain.state.nextInvocationId - 1, t4 - t3)}`);
prepared.trace.release();

// Sweep: the same grid on one worker thread and on every core.
const sweepScenario = '/tmp/lambdascope-bench-sweep.json';
writeFileSync(sweepScenario, JSON.stringify({ seed: 1, durationMs: 1_800_000, functions: [{ name: 'hello', durationMs: { dist: 'lognormal', median: 80, sigma: 0.6 } }], workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 30 } }] }));
for (const workers of [1, availableParallelism()]) {
  const s0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sweep.ts', sweepScenario, '--set', 'functions[0].keepAliveMs.value=10000..600000:6', '--seeds', '4', '--workers', String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  console.log(`sweep, 6 points × 4 seeds (24 runs of 54,000 invocations) on ${workers} thread${workers > 1 ? 's' : ''}: ${((performance.now() - s0) / 1000).toFixed(1)} s`);
}
