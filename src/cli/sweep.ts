import { availableParallelism } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseScenario } from '../core/scenario/parseScenario';
import { gridSize, inShard, parseSet, parseShard, pointValues, type Parameter } from '../core/sweep/grid';
import { applySet } from '../core/sweep/setPath';
import { mergeSweeps } from '../core/sweep/merge';
import { DEFAULT_METRICS, SWEEP_FORMAT, metricOf, pointResult, toCsv, type SweepResult } from '../core/sweep/result';
import { parseArgs } from './args';
import { progressBar } from './progressBar';
import { runPool } from './sweepPool';

/**
 * npm run sweep -- scenario.json --set 'PATH=FROM..TO:N' [--set …] [--seeds K] [--shard i/n]
 *   [--metrics a,b] [--workers N] [--json] [--out FILE]
 * npm run sweep -- --merge shard1.json shard2.json … [--json] [--out FILE]
 * (CONTRACTS.md §2). Exit 2 with every problem on stderr for bad flags or a bad grid.
 */
const USAGE = `usage: npm run sweep -- <scenario.json> --set 'PATH=FROM..TO:N' [--set 'PATH=a,b,c' …] [--seeds K] [--seed N] [--duration-ms N]
         [--shard i/n] [--metrics a,b,…] [--workers N] [--json] [--out FILE]
       npm run sweep -- --merge a.json b.json … [--json] [--out FILE]`;

function fail(problems: string[]): never {
  process.stderr.write(problems.map((p) => `error: ${p}`).join('\n') + `\n${USAGE}\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const sets: string[] = [];
const rest: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--set') { if (argv[i + 1] === undefined) fail(['--set: needs PATH=VALUES']); sets.push(argv[++i]); }
  else if (argv[i].startsWith('--set=')) sets.push(argv[i].slice(6));
  else rest.push(argv[i]);
}
const args = parseArgs(rest, {
  '--seeds': { kind: 'int', min: 1 }, '--seed': { kind: 'int', min: 0 }, '--duration-ms': { kind: 'number', min: 1 },
  '--shard': { kind: 'string' }, '--metrics': { kind: 'string' }, '--workers': { kind: 'int', min: 1 },
  '--json': { kind: 'bool' }, '--out': { kind: 'string' }, '--merge': { kind: 'bool' }, '--help': { kind: 'bool' },
});
if (args.flags['--help']) { process.stdout.write(USAGE + '\n'); process.exit(0); }
if (args.problems.length) fail(args.problems);

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fail([err.code === 'ENOENT' ? `${file}: no such file` : err instanceof SyntaxError ? `${file}: not valid JSON (${err.message})` : `${file}: cannot be read (${err.message})`]);
  }
};

function write(r: SweepResult): void {
  const text = args.flags['--json'] ? JSON.stringify(r, null, 1) + '\n' : toCsv(r);
  if (typeof args.flags['--out'] === 'string') writeFileSync(args.flags['--out'], text);
  else process.stdout.write(text);
}

if (args.flags['--merge']) {
  if (args.positional.length === 0) fail(['--merge: give the JSON files of the shards']);
  const m = mergeSweeps(args.positional.map((name) => ({ name, json: readJson(name) })));
  if (!m.ok) fail(m.problems);
  if (m.missing.length) process.stderr.write(`note: grid points ${m.missing.slice(0, 20).join(', ')}${m.missing.length > 20 ? ', …' : ''} are in none of the files (a shard missing?)\n`);
  write(m.result);
  process.exit(0);
}

if (args.positional.length !== 1) fail([args.positional.length === 0 ? '<scenario.json>: a scenario file is required' : `too many arguments: ${args.positional.join(' ')}`]);
if (sets.length === 0) fail(['--set: at least one parameter to sweep is required']);
const file = args.positional[0];
const raw = readJson(file);
const problems: string[] = [];
const params: Parameter[] = [];
for (const s of sets) {
  const p = parseSet(s);
  if ('error' in p) problems.push(p.error);
  else params.push(p);
}
const shard = typeof args.flags['--shard'] === 'string' ? parseShard(args.flags['--shard']) : null;
if (shard && 'error' in shard) problems.push(shard.error);
const metrics = typeof args.flags['--metrics'] === 'string' ? args.flags['--metrics'].split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_METRICS;
if (problems.length) fail(problems);

const base = parseScenario(raw, { seed: args.flags['--seed'] as number | undefined, durationMs: args.flags['--duration-ms'] as number | undefined });
if (!base.ok) fail(base.problems.map((p) => `${file}: ${p}`));
const size = gridSize(params);
if (size > 100_000) fail([`--set: the grid has ${size} points; at most 100000`]);

// Every grid point must be a valid scenario: the schema's own rules, with the --set that broke them.
const jsons: string[] = [];
const seen = new Set<string>();
for (let i = 0; i < size; i++) {
  const vals = pointValues(params, i);
  let json: unknown = raw;
  for (let k = 0; k < params.length; k++) {
    const r = applySet(json, params[k].segs, vals[k]);
    if (!r.ok) { const msg = `--set ${params[k].path}: ${r.error}`; if (!seen.has(msg)) { seen.add(msg); problems.push(msg); } json = null; break; }
    json = r.json;
  }
  if (json === null) { jsons.push(''); continue; }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      const msg = `--set ${params.map((q, k) => `${q.path}=${JSON.stringify(vals[k])}`).join(' ')}: ${p}`;
      if (problems.length < 20 && !seen.has(p)) { seen.add(p); problems.push(msg); }
    }
  }
  jsons.push(JSON.stringify(json));
}
if (problems.length) fail(problems);

const seeds = (args.flags['--seeds'] as number | undefined) ?? 10;
const baseSeed = base.scenario.seed;
const points = Array.from({ length: size }, (_, i) => i).filter((i) => !shard || inShard(i, shard as { index: number; count: number }));
const tasks = points.flatMap((i) => Array.from({ length: seeds }, (_, k) => ({ json: jsons[i], seed: baseSeed + k, durationMs: args.flags['--duration-ms'] as number | undefined })));
const workers = (args.flags['--workers'] as number | undefined) ?? availableParallelism();
process.stderr.write(`sweep: ${points.length} grid points${shard ? ` (shard ${(shard as { index: number }).index}/${(shard as { count: number }).count} of ${size})` : ''} × ${seeds} seeds = ${tasks.length} runs on ${Math.min(workers, tasks.length)} threads\n`);
const bar = progressBar(tasks.length, 'runs');
const replies = await runPool(tasks, workers, (d) => bar.update(d));
bar.end();
const failed = replies.find((r) => !r.ok);
if (failed && !failed.ok) fail(failed.problems);
const summaries = replies.map((r) => (r.ok ? r.summary : null));
// The default list names fields some summaries lack (cost): keep those the runs have. A list the user gave must exist.
const used = metrics === DEFAULT_METRICS ? metrics.filter((m) => summaries.some((s) => metricOf(s, m) !== undefined)) : metrics;
const missing = used.filter((m) => summaries.every((s) => metricOf(s, m) === undefined));
if (missing.length) fail(missing.map((m) => `--metrics: "${m}" is not a number in the summary (e.g. coldStartRatio, latencyMs.all.p99, environments.meanTotal)`));
const result: SweepResult = {
  format: SWEEP_FORMAT, scenario: file, baseSeed, seeds,
  parameters: params.map((p) => ({ path: p.path, values: p.values })), metrics: used,
  shard: shard ? (shard as { index: number; count: number }) : null,
  points: points.map((i, j) => pointResult(i, params, pointValues(params, i), Array.from({ length: seeds }, (_, k) => baseSeed + k), summaries.slice(j * seeds, (j + 1) * seeds), used)),
};
write(result);
