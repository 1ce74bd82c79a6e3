import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from './args';
import { UserError, guard, type FailureContext } from './failures';
import { runReproducer, runSeed, type Reproducer } from './fuzz/batch';
import { runBatch, type BatchReport } from './fuzz/watchdog';

/**
 * npm run fuzz -- [--runs N] [--seed S] [--jobs J] [--case-timeout-ms MS] [--out DIR] [--json]
 * npm run fuzz -- --replay SEED | --replay FILE
 *
 * A seeded simulation fuzzer in the manner of TigerBeetle's VOPR and FoundationDB's
 * simulation tests: N random scenarios, each with a random script of user inputs, faults
 * and time travel, every invariant checked after every event, every path to every moment
 * held against the straight run, and the page's hashing against node:crypto's. A failure is
 * shrunk (fast-check) and printed as its seed and a minimal reproducer, written to DIR.
 * Exit 0 when every case passes, 1 when one fails, 2 for bad flags.
 */
const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--jobs J] [--case-timeout-ms MS] [--shrink-ms MS] [--out DIR] [--json] | --replay SEED|FILE';
const argv = process.argv.slice(2);
const ctx: FailureContext = { usage: USAGE, debug: argv.includes('--debug') };

guard(ctx, async () => {
  const args = parseArgs(argv, {
    '--runs': { kind: 'int', min: 1, max: 100_000_000 },
    '--seed': { kind: 'int', min: 0, max: 2 ** 31 - 1 },
    '--jobs': { kind: 'int', min: 1, max: 64 },
    '--case-timeout-ms': { kind: 'int', min: 1000, max: 3_600_000 },
    '--shrink-ms': { kind: 'int', min: 0, max: 3_600_000 },
    '--out': { kind: 'string' },
    '--replay': { kind: 'string' },
    '--json': { kind: 'bool' },
    '--debug': { kind: 'bool' },
  });
  if (args.positional.length) args.problems.push(`unexpected argument: ${args.positional[0].slice(0, 80)}`);
  if (args.problems.length) throw new UserError(args.problems);
  const out = (args.flags['--out'] as string | undefined) ?? 'fuzz-failures';
  const shrinkMs = (args.flags['--shrink-ms'] as number | undefined) ?? 60_000;

  const replay = args.flags['--replay'] as string | undefined;
  if (replay !== undefined) {
    process.exit(replayOne(replay, shrinkMs, out));
  }
  const runs = (args.flags['--runs'] as number | undefined) ?? 100;
  const seed = (args.flags['--seed'] as number | undefined) ?? Math.floor(Math.random() * 2 ** 31);
  const report = await runBatch({
    runs, seed, jobs: (args.flags['--jobs'] as number | undefined) ?? 1, shrinkMs,
    caseTimeoutMs: (args.flags['--case-timeout-ms'] as number | undefined) ?? 300_000,
    onProgress: (done, failures) => {
      if (process.stderr.isTTY) process.stderr.write(`\rfuzz: ${done}/${runs} cases, ${failures} failing`);
      else if (done % Math.max(1, Math.round(runs / 10)) === 0) process.stderr.write(`fuzz: ${done}/${runs} cases, ${failures} failing\n`);
    },
    onFailure: (f) => process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}FAIL case ${f.seed} (saved to ${save(f, out)}): ${f.message.slice(0, 200)}\n`),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(args.flags['--json'] ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, out));
  process.exit(report.failures.length ? 1 : 0);
});

/** --replay SEED regenerates and shrinks case SEED; --replay FILE reruns a saved reproducer exactly. */
function replayOne(what: string, shrinkMs: number, out: string): number {
  const t0 = performance.now();
  if (/^\d+$/.test(what)) {
    const r = runSeed(Number(what), { shrinkMs });
    if (r.ok) {
      process.stdout.write(`case ${what} passes: ${r.result.events} events, ${r.result.invocations} invocations, ${Math.round(performance.now() - t0)} ms\n`);
      return 0;
    }
    save(r.failure, out);
    process.stdout.write(formatFailure(r.failure, out));
    return 1;
  }
  let saved: Reproducer;
  try {
    saved = JSON.parse(readFileSync(what, 'utf8'));
  } catch (e) {
    throw new UserError([`${what}: is neither a case seed (an integer) nor a readable reproducer file (${(e as Error).message.slice(0, 120)})`]);
  }
  if (!saved || typeof saved !== 'object' || !saved.case) throw new UserError([`${what}: not a reproducer (no "case" field)`]);
  const r = runReproducer(saved);
  process.stdout.write(r.ok ? `${what} passes now: ${r.result.events} events, ${r.result.invocations} invocations\n` : `${what} still fails: ${r.message}\n`);
  return r.ok ? 0 : 1;
}

function save(f: Reproducer, out: string): string {
  mkdirSync(out, { recursive: true });
  const path = join(out, `case-${f.seed}.json`);
  writeFileSync(path, JSON.stringify(f, null, 2) + '\n');
  return path;
}

function formatFailure(f: Reproducer, out: string): string {
  return [
    `FAIL case ${f.seed} — ${f.message}`,
    `  shrunk in ${f.shrinks} steps to this reproducer (scenario + input script):`,
    `  ${JSON.stringify(f.case)}`,
    `  rerun: npm run fuzz -- --replay ${f.seed}    or exactly: npm run fuzz -- --replay ${join(out, `case-${f.seed}.json`)}`,
    '',
  ].join('\n');
}

function formatReport(r: BatchReport, out: string): string {
  const lines = [
    `fuzz: ${r.cases} cases from seed ${r.seed} in ${(r.wallMs / 1000).toFixed(1)} s wall — ${r.events.toLocaleString('en-US')} events, ${r.invocations.toLocaleString('en-US')} invocations in the straight runs`,
    `      ${r.failures.length ? `${r.failures.length} failing` : 'all passed'}; slowest case ${Math.round(r.slowest.wallMs)} ms (seed ${r.slowest.seed})`,
    '',
    ...r.failures.map((f) => formatFailure(f, out)),
  ];
  return lines.join('\n') + '\n';
}
