import { parseScenario } from '../core/scenario/parseScenario';
import { LIMITS } from '../core/scenario/limits';
import { parseArgs } from './args';
import { UserError, guard, type FailureContext } from './failures';
import { formatSummary } from './formatSummary';
import { readScenarioFile } from './readScenario';
import { runScenario } from './run';
import { runWorkbench } from './workbench';

/**
 * npm run sim -- <scenario.json> [--seed N] [--duration-ms N] [--json] [--debug]
 * (CONTRACTS.md §2). Exit 0 on success; exit 2 with every problem on stderr for a bad
 * scenario, flag, file or JSON; exit 1 with one line for an internal error (a bug), with
 * its stack trace only under --debug. Never a stack trace for user error.
 */
const USAGE = 'usage: npm run sim -- <scenario.json> [--seed N] [--duration-ms N] [--json] [--debug]\n'
  + '         [--compare b.json] [--trace FILE [--trace-map name|rank|top:N] [--trace-durations FILE] [--trace-memory FILE]]\n'
  + '         [--perfetto FILE] [--otlp FILE]';
const argv = process.argv.slice(2);
const ctx: FailureContext = { usage: USAGE, debug: argv.includes('--debug') };

guard(ctx, async () => {
  const args = parseArgs(argv, {
    '--seed': { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER },
    '--duration-ms': { kind: 'number', min: 1, max: LIMITS.timeMs },
    '--json': { kind: 'bool' },
    '--debug': { kind: 'bool' },
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
    return;
  }
  if (args.positional.length !== 1) args.problems.push(args.positional.length === 0 ? '<scenario.json>: a scenario file is required' : `too many arguments: ${args.positional.join(' ').slice(0, 200)}`);
  if (args.problems.length) throw new UserError(args.problems);

  const file = args.positional[0];
  ctx.file = file;
  const json = readScenarioFile(file);
  const parsed = parseScenario(json, {
    seed: args.flags['--seed'] as number | undefined,
    durationMs: args.flags['--duration-ms'] as number | undefined,
  });
  // The count of problems not shown ("… and K more") is not about one path: no file prefix.
  if (!parsed.ok) throw new UserError(parsed.problems.map((p) => (p.startsWith('… and ') ? p : `${file}: ${p}`)));
  ctx.seed = parsed.scenario.seed;

  const asJson = args.flags['--json'] === true;
  const str = (k: string) => args.flags[k] as string | undefined;
  if (str('--trace') === undefined && ['--trace-map', '--trace-durations', '--trace-memory'].some((k) => str(k) !== undefined)) throw new UserError(['--trace-map, --trace-durations and --trace-memory go with --trace FILE']);
  if (['--compare', '--trace', '--perfetto', '--otlp'].some((k) => str(k) !== undefined)) {
    await runWorkbench({
      fileA: file, asJson, compare: str('--compare'), trace: str('--trace'), traceMap: str('--trace-map'), traceDurations: str('--trace-durations'),
      traceMemory: str('--trace-memory'), perfetto: str('--perfetto'), otlp: str('--otlp'),
      overrides: { seed: args.flags['--seed'] as number | undefined, durationMs: args.flags['--duration-ms'] as number | undefined },
    }, parsed.scenario, (problems) => { throw new UserError(problems); });
    return;
  }
  const summary = runScenario(parsed.scenario, {
    onProgress: (f) => { if (process.stderr.isTTY) process.stderr.write(`\rsimulating… ${Math.round(f * 100)}%`); },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  process.stdout.write(asJson ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary));
});
