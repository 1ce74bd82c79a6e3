import { scaleLinear, scaleLog } from 'd3';
import type { Bin } from '../../core';
import { formatDuration } from '../format';

type Stats = { p50: number; p90: number; p99: number; count: number };

/**
 * Latency (request → response) on a log time axis, warm and cold in two panels that share
 * the axis, each with its own count scale: a handful of cold starts stays visible beside
 * millions of warm requests (stacked on one scale, the cold bars vanish). p50 / p99 marked.
 */
export function LatencyHistogram({ cold, warm, stats, width, height: given }: { cold: Bin[]; warm: Bin[]; stats: { cold: Stats; warm: Stats }; width: number; height?: number }) {
  const m = { l: 40, r: 8, t: 18, b: 20, gap: 10 };
  // Two panels of 62 px, or whatever a slide's box gives.
  const panel = given ? Math.max(28, Math.floor((given - m.t - m.gap - m.b) / 2)) : 62;
  const height = m.t + panel * 2 + m.gap + m.b;
  const all = [...cold, ...warm];
  // No samples yet: a 1 ms – 1 s axis, so nothing is drawn at NaN.
  const lo = all.length ? Math.max(0.1, Math.min(...all.map((b) => b.toMs))) : 1;
  const hi = all.length ? Math.max(lo * 10, ...all.map((b) => b.toMs)) : 1000;
  const x = scaleLog().domain([lo, hi]).range([m.l, width - m.r]).clamp(true);
  // Re-bin into ~60 columns so the bars stay readable whatever the spread.
  const cols = 60;
  const edges = Array.from({ length: cols + 1 }, (_, i) => lo * Math.pow(hi / lo, i / cols));
  const bucket = (bins: Bin[]) => {
    const out = new Array<number>(cols).fill(0);
    for (const b of bins) {
      const k = Math.min(cols - 1, Math.max(0, Math.floor((Math.log(Math.max(b.toMs, lo)) - Math.log(lo)) / (Math.log(hi / lo) / cols))));
      out[k] += b.count;
    }
    return out;
  };
  const rows = [
    { key: 'warm', counts: bucket(warm), stats: stats.warm, top: m.t },
    { key: 'cold', counts: bucket(cold), stats: stats.cold, top: m.t + panel + m.gap },
  ];
  return (
    <figure className="chart" data-testid="chart.latency">
      <svg width={width} height={height} role="img" aria-label={`Latency: warm p50 ${formatDuration(stats.warm.p50)}, p99 ${formatDuration(stats.warm.p99)}; cold p50 ${formatDuration(stats.cold.p50)}, p99 ${formatDuration(stats.cold.p99)}`}>
        {/* The long title needs ~560 px; a half-width chart in a slide gets the short one (the long one as its tooltip). */}
        <text x={m.l} y={12} className="chart-title"><title>Latency (request → response), log time axis; warm and cold each on their own count scale</title>
          {width >= 560 ? 'Latency (request → response), log time axis; warm and cold each on their own count scale' : 'Latency (log time); warm, cold: own scales'}</text>
        {rows.map((r) => {
          const max = Math.max(1, ...r.counts);
          const y = scaleLinear().domain([0, max]).range([r.top + panel, r.top + 12]);
          return (
            <g key={r.key} data-panel={r.key}>
              <text x={4} y={r.top + 24} className="axis">{r.key}</text>
              <text x={4} y={r.top + 36} className="axis">{fmtCount(max)}</text>
              <line x1={m.l} x2={width - m.r} y1={r.top + panel} y2={r.top + panel} className="grid" />
              {r.counts.map((n, i) => n > 0 && (
                <rect key={i} x={x(edges[i])} width={Math.max(1, x(edges[i + 1]) - x(edges[i]) - 1)} y={y(n)} height={r.top + panel - y(n)} className={`bar-${r.key}`}>
                  <title>{`${fmtCount(n)} ${r.key} requests, ${formatDuration(edges[i])}–${formatDuration(edges[i + 1])}`}</title>
                </rect>
              ))}
              {[['p50', r.stats.p50], ['p99', r.stats.p99]].filter(([, v]) => (v as number) > 0).map(([label, v]) => (
                <g key={label as string}>
                  <line x1={x(v as number)} x2={x(v as number)} y1={r.top + 8} y2={r.top + panel} className={`mark ${r.key}`} />
                  <text x={x(v as number) + 2} y={r.top + (label === 'p99' ? 20 : 10)} className={`mark-label ${r.key}`}>{label}</text>
                </g>
              ))}
            </g>
          );
        })}
        {x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9).map((t) => <text key={t} x={x(t)} y={height - 6} textAnchor="middle" className="axis">{formatDuration(t)}</text>)}
      </svg>
      <figcaption className="chart-legend">
        <span><i className="bar-warm" />warm: n={stats.warm.count}, p50 {formatDuration(stats.warm.p50)}, p90 {formatDuration(stats.warm.p90)}, p99 {formatDuration(stats.warm.p99)}</span>
        <span><i className="bar-cold" />cold: n={stats.cold.count}, p50 {formatDuration(stats.cold.p50)}, p90 {formatDuration(stats.cold.p90)}, p99 {formatDuration(stats.cold.p99)}</span>
      </figcaption>
    </figure>
  );
}

function fmtCount(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(n);
}
