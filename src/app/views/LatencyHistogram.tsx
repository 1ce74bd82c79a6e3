import { scaleLinear, scaleLog } from 'd3';
import type { Bin } from '../../core';
import { formatDuration } from '../format';

/** Latency histogram (log time axis), cold and warm stacked, with p50 / p90 / p99 of each. */
export function LatencyHistogram({ cold, warm, stats, width, height = 150 }: { cold: Bin[]; warm: Bin[]; stats: { cold: { p50: number; p90: number; p99: number; count: number }; warm: { p50: number; p90: number; p99: number; count: number } }; width: number; height?: number }) {
  const m = { l: 40, r: 8, t: 18, b: 20 };
  const all = [...cold, ...warm];
  // No samples yet: a 1 ms – 1 s axis, so nothing is drawn at NaN.
  const lo = all.length ? Math.max(0.1, Math.min(...all.map((b) => b.toMs))) : 1;
  const hi = all.length ? Math.max(lo * 10, ...all.map((b) => b.toMs)) : 1000;
  const x = scaleLog().domain([lo, hi]).range([m.l, width - m.r]).clamp(true);
  // Re-bin into ~60 columns so the bars stay readable whatever the spread.
  const cols = 60;
  const edges = Array.from({ length: cols + 1 }, (_, i) => lo * Math.pow(hi / lo, i / cols));
  const bucket = (bins: Bin[]) => {
    const out = new Array(cols).fill(0);
    for (const b of bins) {
      const k = Math.min(cols - 1, Math.max(0, Math.floor((Math.log(Math.max(b.toMs, lo)) - Math.log(lo)) / (Math.log(hi / lo) / cols))));
      out[k] += b.count;
    }
    return out;
  };
  const c = bucket(cold), w = bucket(warm);
  const yMax = Math.max(1, ...c.map((v, i) => v + w[i]));
  const y = scaleLinear().domain([0, yMax]).range([height - m.b, m.t]);
  const marks = [
    { v: stats.warm.p50, label: 'warm p50', cls: 'warm' }, { v: stats.warm.p99, label: 'warm p99', cls: 'warm' },
    { v: stats.cold.p50, label: 'cold p50', cls: 'cold' }, { v: stats.cold.p99, label: 'cold p99', cls: 'cold' },
  ].filter((mk) => mk.v > 0);
  return (
    <figure className="chart" data-testid="chart.latency">
      <svg width={width} height={height} role="img" aria-label={`Latency: warm p50 ${formatDuration(stats.warm.p50)}, p99 ${formatDuration(stats.warm.p99)}; cold p50 ${formatDuration(stats.cold.p50)}, p99 ${formatDuration(stats.cold.p99)}`}>
        <text x={m.l} y={12} className="chart-title">Latency (request → response), log scale</text>
        {c.map((cv, i) => {
          const x0 = x(edges[i]), x1 = x(edges[i + 1]);
          return (
            <g key={i}>
              <rect x={x0} width={Math.max(1, x1 - x0 - 1)} y={y(w[i])} height={y(0) - y(w[i])} className="bar-warm" />
              <rect x={x0} width={Math.max(1, x1 - x0 - 1)} y={y(w[i] + cv)} height={y(w[i]) - y(w[i] + cv)} className="bar-cold" />
            </g>
          );
        })}
        {x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9).map((t) => <text key={t} x={x(t)} y={height - 6} textAnchor="middle" className="axis">{formatDuration(t)}</text>)}
        {marks.map((mk) => (
          <g key={mk.label}>
            <line x1={x(mk.v)} x2={x(mk.v)} y1={m.t} y2={height - m.b} className={`mark ${mk.cls}`} />
            <text x={x(mk.v) + 2} y={m.t + 8 + (mk.label.endsWith('99') ? 10 : 0)} className={`mark-label ${mk.cls}`}>{mk.label}</text>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span><i className="bar-warm" />warm: n={stats.warm.count}, p50 {formatDuration(stats.warm.p50)}, p90 {formatDuration(stats.warm.p90)}, p99 {formatDuration(stats.warm.p99)}</span>
        <span><i className="bar-cold" />cold: n={stats.cold.count}, p50 {formatDuration(stats.cold.p50)}, p90 {formatDuration(stats.cold.p90)}, p99 {formatDuration(stats.cold.p99)}</span>
      </figcaption>
    </figure>
  );
}
