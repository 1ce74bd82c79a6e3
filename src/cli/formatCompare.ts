import type { Delta } from '../core/compare/delta';
import type { PairStats } from '../core/compare/pairing';
import type { Summary } from '../core/summary';
import { formatSummary } from './formatSummary';

const ROWS: [string, (s: Summary) => number, 'n' | 'pct' | 'ms'][] = [
  ['invocations', (s) => s.invocations.total, 'n'],
  ['cold starts', (s) => s.coldStarts, 'n'],
  ['cold-start ratio', (s) => s.coldStartRatio, 'pct'],
  ['throttled (429)', (s) => s.invocations.throttled, 'n'],
  ['latency p50', (s) => s.latencyMs.all.p50, 'ms'],
  ['latency p99', (s) => s.latencyMs.all.p99, 'ms'],
  ['latency p99 cold', (s) => s.latencyMs.cold.p99, 'ms'],
  ['environments created', (s) => s.environments.created, 'n'],
  ['mean environments', (s) => s.environments.meanTotal, 'n'],
  ['peak environments', (s) => s.environments.peak, 'n'],
  ['utilization', (s) => s.utilization, 'pct'],
];

const fmt = (x: number, k: 'n' | 'pct' | 'ms') => (k === 'pct' ? `${(x * 100).toFixed(2)} %` : k === 'ms' ? `${x.toFixed(1)} ms` : Number.isInteger(x) ? String(x) : x.toFixed(2));

/** The human-readable A/B report: both summaries, then a table of A, B and B − A. */
export function formatCompare(fileA: string, fileB: string, r: { a: Summary; b: Summary; delta: Delta; pairs: PairStats & { unpaired: number } }): string {
  const cost = (s: Summary) => (s as unknown as { cost?: { usd: number } }).cost?.usd;
  const rows = [...ROWS];
  if (cost(r.a) !== undefined) rows.push(['cost (USD)', (s) => cost(s) ?? 0, 'n']);
  const lines = [
    `=== A: ${fileA}`, formatSummary(r.a), `=== B: ${fileB}`, formatSummary(r.b),
    `=== B − A (same arrivals: ${r.pairs.paired} requests paired by arrival)`,
    `${''.padEnd(22)}${'A'.padStart(14)}${'B'.padStart(14)}${'B − A'.padStart(14)}`,
    ...rows.map(([name, get, kind]) => {
      const x = get(r.a), y = get(r.b), d = y - x;
      return `${name.padEnd(22)}${fmt(x, kind).padStart(14)}${fmt(y, kind).padStart(14)}${((d > 0 ? '+' : '') + fmt(d, kind)).padStart(14)}`;
    }),
    `flipped: ${r.pairs.coldToWarm} cold in A → warm in B, ${r.pairs.warmToCold} warm in A → cold in B; ${r.pairs.bothCold} cold in both, ${r.pairs.bothWarm} warm in both; ${r.pairs.ranInOneOnly} ran in one only`,
  ];
  return lines.join('\n') + '\n';
}
