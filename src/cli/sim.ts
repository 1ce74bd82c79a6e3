import { readFileSync } from 'node:fs';
import { parseScenario } from '../core/scenario/parseScenario';
import { parseArgs } from './args';
import { formatSummary } from './formatSummary';
import { runScenario } from './run';
import { runWorkbench } from './workbench';

/**
 * npm run sim -- <scenario.json> [--seed N] [--duration-ms N] [--json]
 * (CONTRACTS.md §2). Exit 0 on success; exit 2 with every problem on stderr for a bad
 * scenario or bad flags — never a stack trace for user error.
 */
const USAGE = 'usage: npm run sim -- <scenario.json> [--seed N] [--duration-ms N] [--json]\n'
  + '         [--compare b.json] [--trace FILE [--trace-map name|rank|top:N] [--trace-durations FILE] [--trace-memory FILE]]\n'
  + '         [--perfetto FILE] [--otlp FILE]';

function fail(problems: string[]): never {
  process.stderr.write(problems.map((p) => `error: ${p}`).join('\n') + `\n${USAGE}\n`);
  process.exit(2);
}

const args = parseArgs(process.argv.slice(2), {
  '--seed': { kind: 'int', min: 0 },
  '--duration-ms': { kind: 'number', min: 1 },
  '--json': { kind: 'bool' },
  '--help': { kind: 'bool' },
  // The workbench (src/cli/workbench.ts): A/B, trace replay, exports.
  '--compare': { kind: 'string' },
  '--trace': { kind: 'string' },
  '--trace-map': { kind: 'string' },
  '--trace-durations': { kind: 'string' },
  '--trace-memory': { kind: 'string' },
  '--perfetto': { kind: 'string' },
  '--otlp': { kind: 'string' },
});
if (args.flags['--help']) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
if (args.positional.length !== 1) args.problems.push(args.positional.length === 0 ? '<scenario.json>: a scenario file is required' : `too many arguments: ${args.positional.join(' ')}`);
if (args.problems.length) fail(args.problems);

const file = args.positional[0];
let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  fail([err.code === 'ENOENT' ? `${file}: no such file` : err instanceof SyntaxError ? `${file}: not valid JSON (${err.message})` : `${file}: cannot be read (${err.message})`]);
}

const parsed = parseScenario(json, {
  seed: args.flags['--seed'] as number | undefined,
  durationMs: args.flags['--duration-ms'] as number | undefined,
});
if (!parsed.ok) fail(parsed.problems.map((p) => `${file}: ${p}`));

const asJson = args.flags['--json'] === true;
const str = (k: string) => args.flags[k] as string | undefined;
if (str('--trace') === undefined && ['--trace-map', '--trace-durations', '--trace-memory'].some((k) => str(k) !== undefined)) fail(['--trace-map, --trace-durations and --trace-memory go with --trace FILE']);
if (['--compare', '--trace', '--perfetto', '--otlp'].some((k) => str(k) !== undefined)) {
  await runWorkbench({
    fileA: file, asJson, compare: str('--compare'), trace: str('--trace'), traceMap: str('--trace-map'), traceDurations: str('--trace-durations'),
    traceMemory: str('--trace-memory'), perfetto: str('--perfetto'), otlp: str('--otlp'),
    overrides: { seed: args.flags['--seed'] as number | undefined, durationMs: args.flags['--duration-ms'] as number | undefined },
  }, parsed.scenario, fail);
  process.exit(0);
}
const summary = runScenario(parsed.scenario, {
  onProgress: (f) => { if (process.stderr.isTTY) process.stderr.write(`\rsimulating… ${Math.round(f * 100)}%`); },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
process.stdout.write(asJson ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary));
