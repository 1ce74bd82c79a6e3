import { meanCi } from '../analytic/studentT';
import type { Parameter } from './grid';

/**
 * A sweep's result (`npm run sweep -- … --json`, and what `--merge` joins): per grid point,
 * every seed's value of every metric, and their mean with a 95 % confidence interval
 * (Student's t over the seeds: mean ± t₀.₉₇₅,ₖ₋₁ · s/√k). Keeping the per-seed values makes
 * a merge exact and lets anyone recompute the statistics.
 */
export const SWEEP_FORMAT = 'lambdascope-sweep/1';

export interface MetricStats { mean: number; low: number; high: number; sd: number; n: number }

export interface SweepPoint {
  index: number;
  values: Record<string, unknown>;
  seeds: number[];
  perSeed: Record<string, number[]>;
  stats: Record<string, MetricStats>;
}

export interface SweepResult {
  format: typeof SWEEP_FORMAT;
  scenario: string;
  baseSeed: number;
  seeds: number;
  parameters: { path: string; values: unknown[] }[];
  metrics: string[];
  /** The part of the grid this result holds; null when it holds all of it. */
  shard: { index: number; count: number } | null;
  points: SweepPoint[];
}

/** Summary fields a sweep reports unless `--metrics` says otherwise. */
export const DEFAULT_METRICS = [
  'coldStartRatio', 'coldStarts', 'invocations.total', 'invocations.throttled', 'latencyMs.all.p50', 'latencyMs.all.p99',
  'environments.meanTotal', 'environments.peak', 'utilization', 'cost.usd',
];

/** A number at a dotted path of a summary, or undefined. */
export function metricOf(summary: unknown, path: string): number | undefined {
  let v: unknown = summary;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' ? v : undefined;
}

export function pointResult(index: number, params: readonly Parameter[], values: readonly unknown[], seeds: number[], summaries: unknown[], metrics: readonly string[]): SweepPoint {
  const perSeed: Record<string, number[]> = {};
  const stats: Record<string, MetricStats> = {};
  for (const m of metrics) {
    const xs = summaries.map((s) => metricOf(s, m) ?? NaN);
    perSeed[m] = xs;
    const ci = meanCi(xs);
    stats[m] = { mean: ci.mean, low: ci.low, high: ci.high, sd: ci.sd, n: ci.n };
  }
  return { index, values: Object.fromEntries(params.map((p, i) => [p.path, values[i]])), seeds, perSeed, stats };
}

const num = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(10))) : '');
const cell = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV: a header row, then one row per grid point — parameter values, seeds, mean and 95 % bounds per metric. */
export function toCsv(r: SweepResult): string {
  const head = [...r.parameters.map((p) => p.path), 'seeds', ...r.metrics.flatMap((m) => [`${m}_mean`, `${m}_ci95_low`, `${m}_ci95_high`])];
  const rows = r.points.map((p) => [
    ...r.parameters.map((q) => cell(p.values[q.path])), String(p.seeds.length),
    ...r.metrics.flatMap((m) => [num(p.stats[m].mean), num(p.stats[m].low), num(p.stats[m].high)]),
  ].join(','));
  return [head.map(cell).join(','), ...rows].join('\n') + '\n';
}
