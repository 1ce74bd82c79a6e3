import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Simulation } from '../core/simulation';
import { parseArgs } from './args';
import { WORKLOADS } from './benchWorkloads';
import { nodeHasher } from './nodeHasher';

/**
 * npm run bench [-- --json] — the core's speed on standard workloads: simulated invocations
 * per wall-clock second and events per second; a simulated hour at 1,000 req/s; and peak RSS
 * of a 1-hour against a 4-hour run (each in its own process), to show memory does not grow
 * with simulated length. Figures only; nothing here is asserted.
 */
const args = parseArgs(process.argv.slice(2), { '--json': { kind: 'bool' }, '--quick': { kind: 'bool' }, '--seek-hours': { kind: 'number', min: 0.01 } });
if (args.problems.length || args.positional.length) {
  process.stderr.write([...args.problems, ...args.positional.map((p) => `${p}: unexpected argument`)].map((p) => `error: ${p}`).join('\n') + '\nusage: npm run bench [-- --json] [--quick] [--seek-hours H]\n');
  process.exit(2);
}
const quick = args.flags['--quick'] === true;
/** Length of the run the seek figures are measured in (simulated hours): 24 by default, 1 with --quick. */
const seekHours = (args.flags['--seek-hours'] as number | undefined) ?? (quick ? 1 : 24);
const log = (s: string) => process.stderr.write(s + '\n');

interface Row { workload: string; description: string; simulatedMs: number; wallMs: number; invocations: number; events: number; invocationsPerSec: number; eventsPerSec: number; simulatedPerWall: number }
const rows: Row[] = [];

for (const w of WORKLOADS) {
  log(`running ${w.name}…`);
  const sim = new Simulation(w.scenario, { hasher: nodeHasher(), logRingSize: 16, recentInvocations: 0 });
  sim.runUntil(w.warmupMs);
  const inv0 = sim.state.nextInvocationId, ev0 = sim.eventsProcessed;
  const t0 = performance.now();
  sim.runUntil(w.scenario.durationMs);
  const wallMs = performance.now() - t0;
  const invocations = sim.state.nextInvocationId - inv0, events = sim.eventsProcessed - ev0;
  const simulatedMs = w.scenario.durationMs - w.warmupMs;
  rows.push({
    workload: w.name, description: w.description, simulatedMs, wallMs: Math.round(wallMs), invocations, events,
    invocationsPerSec: Math.round(invocations / (wallMs / 1000)), eventsPerSec: Math.round(events / (wallMs / 1000)),
    simulatedPerWall: Math.round(simulatedMs / wallMs),
  });
}

/** Runs benchChild in a fresh process: wall time and peak RSS of an N-hour steady run. */
function child(hours: number): { hours: number; wallMs: number; invocations: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./benchChild.ts', import.meta.url).pathname, String(hours)], { encoding: 'utf8' });
  return JSON.parse(out);
}
/**
 * Time travel in the page's Session (no event-log hashing, checkpoints as in the page): a
 * long run at 1,000 req/s, then seeks to fixed pseudo-random moments of it. Each seek is a
 * checkpoint restore plus a replay of at most the largest checkpoint gap.
 */
log(`time travel: simulating ${seekHours} h at 1,000 req/s in a Session, then seeking…`);
const { Session } = await import('../worker/session');
const { steadyHour } = await import('./benchWorkloads');
const seekSpanMs = seekHours * 3_600_000;
const session = new Session(steadyHour(seekHours));
const run0 = performance.now();
session.runTo(seekSpanMs);
const firstRunMs = performance.now() - run0;
const seeks: number[] = [];
const seekRng = new (await import('../core/engine/random')).RandomStream(9, 'bench-seek');
for (let i = 0; i < 12; i++) {
  const t = Math.floor(seekRng.next() * seekSpanMs);
  const s0 = performance.now();
  session.seek(t);
  seeks.push(performance.now() - s0);
}
seeks.sort((a, b) => a - b);
const cp = session.checkpointStats;
const seekStats = {
  hours: seekHours, events: session.sim.eventsProcessed, firstRunMs: Math.round(firstRunMs), seeks: seeks.length,
  medianMs: Math.round(seeks[seeks.length >> 1]), maxMs: Math.round(seeks[seeks.length - 1]),
  checkpoints: cp.count, checkpointMb: Math.round(cp.bytes / 1e5) / 10, largestGapEvents: cp.maxGapEvents,
};

log('running steady 1,000 req/s for 1 simulated hour (separate process)…');
const hour1 = child(1);
let hour4 = null;
if (!quick) {
  log('running steady 1,000 req/s for 4 simulated hours (separate process)…');
  hour4 = child(4);
}

const result = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  workloads: rows,
  steadyHour: hour1,
  seekInLongRun: seekStats,
  steadyFourHours: hour4,
  rssGrowth4hVs1h: hour4 ? Math.round((hour4.maxRssMb / hour1.maxRssMb - 1) * 1000) / 10 : null,
};

if (args.flags['--json']) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  const f = (n: number) => n.toLocaleString('en-US');
  const lines = [
    `Lambdascope core benchmark — Node ${result.machine.node}, ${result.machine.cpus} CPUs`,
    '',
    `${'workload'.padEnd(22)} ${'simulated'.padStart(10)} ${'wall'.padStart(9)} ${'invocations'.padStart(12)} ${'inv/s'.padStart(11)} ${'events/s'.padStart(11)} ${'sim/wall'.padStart(9)}`,
    ...rows.map((r) => `${r.workload.padEnd(22)} ${(r.simulatedMs / 1000 + ' s').padStart(10)} ${(r.wallMs + ' ms').padStart(9)} ${f(r.invocations).padStart(12)} ${f(r.invocationsPerSec).padStart(11)} ${f(r.eventsPerSec).padStart(11)} ${(f(r.simulatedPerWall) + '×').padStart(9)}`),
    '',
    `1 simulated hour at 1,000 req/s: ${f(hour1.invocations)} invocations in ${(hour1.wallMs / 1000).toFixed(2)} s wall; peak RSS ${hour1.maxRssMb} MB`,
    `Seeking to random moments of a ${seekHours}-hour, 1,000 req/s run (${f(seekStats.events)} events, simulated in ${(seekStats.firstRunMs / 1000).toFixed(1)} s): median ${seekStats.medianMs} ms, worst ${seekStats.maxMs} ms over ${seekStats.seeks} seeks; ${seekStats.checkpoints} checkpoints, ${seekStats.checkpointMb} MB, largest gap ${f(seekStats.largestGapEvents)} events`,
    hour4 ? `4 simulated hours at 1,000 req/s: ${f(hour4.invocations)} invocations in ${(hour4.wallMs / 1000).toFixed(2)} s wall; peak RSS ${hour4.maxRssMb} MB (${result.rssGrowth4hVs1h! >= 0 ? '+' : ''}${result.rssGrowth4hVs1h} % vs 1 h)` : '(4-hour run skipped: --quick)',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
