import { MAX_SIMULATED_MS } from '../core/limits';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../core/scenario/parseScenario';
import { Simulation } from '../core/simulation';
import { summarize } from '../core/summary';
import { parseArgs } from './args';
import { referenceModel } from './fidelityReference';

/**
 * npm run fidelity [-- --quick] [--seeds N] [--json]
 *
 * Our model against published measurements of real AWS Lambda: the SimFaaS authors' 20
 * experiments (Poisson traffic, ~2 s handlers, 10-minute keep-alive; fixture
 * test/fixtures/simfaas-aws-experiments.json with its citation). For each arrival rate it
 * runs, over several seeds and long enough for tight intervals:
 * - ours: the default platform (proactive replacement, recycling, the cell of workers);
 * - ours without proactive replacement (drains and recycles cost cold starts, as before issue #10);
 * - ours in the reference semantics (newest routing, fixed 600 s expiry);
 * - the SimFaaS reference model (fidelityReference.ts), same semantics, written independently;
 * and prints P(cold) and the mean instance count beside AWS's, with its standard error.
 * Figures only; nothing here is asserted (it is slow: run it with `nice`).
 */
const args = parseArgs(process.argv.slice(2), { '--json': { kind: 'bool' }, '--quick': { kind: 'bool' }, '--seeds': { kind: 'int', min: 2 } });
if (args.problems.length || args.positional.length) {
  process.stderr.write([...args.problems, ...args.positional.map((p) => `${p}: unexpected argument`)].map((p) => `error: ${p}`).join('\n') + '\nusage: npm run fidelity [-- --quick] [--seeds N] [--json]\n');
  process.exit(2);
}
const quick = args.flags['--quick'] === true;
const seeds = (args.flags['--seeds'] as number | undefined) ?? (quick ? 3 : 5);
/** Requests per experiment (all seeds together), and the bounds of its simulated time. */
const TARGET_REQUESTS = quick ? 40_000 : 250_000;
const MIN_HOURS = quick ? 24 : 100, MAX_HOURS = quick ? 400 : 2500, WARMUP_MS = 3_600_000;

interface Row { experiment: string; arrivalRatePerSec: number; serviceTimeWarmMs: number; serviceTimeColdMs: number; averageInstanceCount: number; coldStartProbability: number; coldStartProbabilitySE: number }
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/simfaas-aws-experiments.json', import.meta.url), 'utf8')) as { source: string; rows: Row[] };

type Variant = 'ours' | 'noProactive' | 'oursReference';
/** Our model for one experiment and seed, measured after a one-hour warm-up. */
function runOurs(r: Row, variant: Variant, seed: number, horizonMs: number): { pCold: number; mean: number; cold: number; ran: number } {
  // The cold path adds placement (~12 ms) and the 5 MB zip's download (~15 ms) before Init.
  const initMs = Math.max(1, r.serviceTimeColdMs - r.serviceTimeWarmMs - 27);
  const parsed = parseScenario({
    seed, durationMs: horizonMs,
    platform: {
      proactiveReplacement: variant !== 'noProactive',
      ...(variant === 'oursReference' ? { environmentRecycleMs: { dist: 'constant', value: MAX_SIMULATED_MS } /* never within the run */ } : {}),
    },
    functions: [{
      name: 'f', runtime: 'python3.13', memoryMb: 1024, timeoutMs: 60_000, cpuBoundFraction: 0,
      durationMs: { dist: 'constant', value: r.serviceTimeWarmMs }, initMs: { dist: 'constant', value: initMs },
      keepAliveMs: { dist: 'constant', value: 600_000 }, routing: variant === 'oursReference' ? 'newest' : 'mru',
    }],
    workload: [{ function: 'f', arrival: { process: 'poisson', ratePerSec: r.arrivalRatePerSec } }],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const sim = new Simulation(parsed.scenario, { hashEventLog: false, logRingSize: 16, recentInvocations: 0 });
  sim.runUntil(WARMUP_MS);
  const a = summarize(sim);
  sim.runUntil(horizonMs);
  const b = summarize(sim);
  const instances = (s: typeof a) => (s.environments.meanTotal - s.environments.meanShuttingDown) * s.simulatedMs;
  const ran = b.latencyMs.all.count - a.latencyMs.all.count;
  const cold = b.coldStarts - a.coldStarts;
  return { pCold: cold / ran, mean: (instances(b) - instances(a)) / (horizonMs - WARMUP_MS), cold, ran };
}

/** Mean and 95 % half-width (Student t) of per-seed values. */
function ci(xs: number[]): { mean: number; half: number } {
  const n = xs.length, mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const T95: Record<number, number> = { 2: 12.706, 3: 4.303, 4: 3.182, 5: 2.776, 6: 2.571, 7: 2.447, 8: 2.365, 9: 2.306, 10: 2.262 };
  return { mean, half: (T95[n] ?? 1.96) * sd / Math.sqrt(n) };
}

const results = fixture.rows.map((r) => {
  const hours = Math.min(MAX_HOURS, Math.max(MIN_HOURS, TARGET_REQUESTS / r.arrivalRatePerSec / 3600));
  const perSeedMs = Math.round((hours * 3_600_000) / seeds) + WARMUP_MS;
  process.stderr.write(`${r.experiment}: λ = ${r.arrivalRatePerSec.toFixed(4)} req/s, ${seeds} seeds × ${(perSeedMs / 3_600_000).toFixed(0)} h…\n`);
  const variants = (['ours', 'noProactive', 'oursReference'] as Variant[]).map((v) => {
    const runs = Array.from({ length: seeds }, (_, k) => runOurs(r, v, 1000 + k, perSeedMs));
    return { variant: v, pCold: ci(runs.map((x) => x.pCold)), mean: ci(runs.map((x) => x.mean)), coldStarts: runs.reduce((a, x) => a + x.cold, 0) };
  });
  const ref = Array.from({ length: seeds }, (_, k) => referenceModel({
    ratePerSec: r.arrivalRatePerSec, warmMs: r.serviceTimeWarmMs, coldMs: r.serviceTimeColdMs, expiryMs: 600_000, horizonMs: perSeedMs - WARMUP_MS, seed: 2000 + k,
  }));
  return {
    experiment: r.experiment, ratePerSec: r.arrivalRatePerSec,
    aws: { pCold: r.coldStartProbability, se: r.coldStartProbabilitySE, meanInstances: r.averageInstanceCount },
    ours: variants[0], noProactive: variants[1], oursReference: variants[2],
    reference: { pCold: ci(ref.map((x) => x.pCold)), mean: ci(ref.map((x) => x.meanInstances)) },
  };
});

if (args.flags['--json']) {
  process.stdout.write(JSON.stringify({ source: fixture.source, seeds, results }, null, 2) + '\n');
} else {
  const p = (x: number) => x.toFixed(5);
  const pm = (c: { mean: number; half: number }, d = 5) => `${c.mean.toFixed(d)} ±${c.half.toFixed(d)}`;
  const z = (ours: number, aws: number, se: number) => ((ours - aws) / se).toFixed(1).padStart(5);
  const lines = [
    `Cold-start probability and mean instance count: ours vs AWS (${seeds} seeds per row; ± is a 95 % interval; z = (ours − AWS) / AWS's SE)`,
    `source: ${fixture.source}`,
    '',
    `${'λ req/s'.padStart(8)} | ${'AWS P(cold) ± SE'.padEnd(19)} | ${'ours'.padEnd(19)} ${'z'.padStart(5)} | ${'no proactive'.padEnd(19)} ${'z'.padStart(5)} | ${'ours, ref. semantics'.padEnd(20)} | ${'reference model'.padEnd(19)} | instances: AWS / ours / reference`,
    ...results.map((x) => [
      x.ratePerSec.toFixed(4).padStart(8),
      `${p(x.aws.pCold)} ±${p(x.aws.se)}`.padEnd(19),
      `${pm(x.ours.pCold).padEnd(19)} ${z(x.ours.pCold.mean, x.aws.pCold, x.aws.se)}`,
      `${pm(x.noProactive.pCold).padEnd(19)} ${z(x.noProactive.pCold.mean, x.aws.pCold, x.aws.se)}`,
      pm(x.oursReference.pCold).padEnd(20),
      pm(x.reference.pCold).padEnd(19),
      `${x.aws.meanInstances.toFixed(2)} / ${x.ours.mean.mean.toFixed(2)} / ${x.reference.mean.mean.toFixed(2)}`,
    ].join(' | ')),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
