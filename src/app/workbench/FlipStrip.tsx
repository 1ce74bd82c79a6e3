import { scaleLinear } from 'd3';
import type { CompareResult } from '../../core/index';
import { formatTime } from '../format';

/**
 * The paired requests along simulated time, one column per bucket: above the axis the
 * requests cold in A and warm in B, below it those warm in A and cold in B — the flips —
 * drawn over a faint band of the requests that kept their kind. Hover a column for counts.
 */
export function FlipStrip({ r, width }: { r: CompareResult; width: number }) {
  const h = 90, mid = h / 2, m = { l: 72, r: 8 };
  const n = r.t.length;
  const max = Math.max(1, ...r.strip.coldToWarm, ...r.strip.warmToCold);
  const kept = Math.max(1, ...r.strip.bothWarm.map((x, i) => x + r.strip.bothCold[i]));
  const x = scaleLinear().domain([0, n]).range([m.l, width - m.r]);
  const y = scaleLinear().domain([0, max]).range([0, mid - 6]);
  const bw = Math.max(1, (width - m.l - m.r) / n - 0.5);
  return (
    <figure className="chart" data-testid="wb.flips">
      <svg width={width} height={h} role="img" aria-label={`Flips over time: ${r.pairs.coldToWarm} cold→warm, ${r.pairs.warmToCold} warm→cold`}>
        <text x={m.l} y={10} className="chart-title">Requests that flipped (by arrival)</text>
        {r.t.map((t, i) => {
          const cw = r.strip.coldToWarm[i], wc = r.strip.warmToCold[i], same = r.strip.bothWarm[i] + r.strip.bothCold[i];
          return (
            <g key={i}>
              <title>{`${formatTime(i * r.bucketMs)}–${formatTime(t)}: ${cw} cold→warm, ${wc} warm→cold, ${same} unchanged`}</title>
              <rect x={x(i)} y={mid - 2} width={bw} height={4} fill="#999" opacity={0.15 + 0.6 * (same / kept)} />
              {cw > 0 && <rect className="flip-cw" x={x(i)} y={mid - 2 - y(cw)} width={bw} height={y(cw)} />}
              {wc > 0 && <rect className="flip-wc" x={x(i)} y={mid + 2} width={bw} height={y(wc)} />}
            </g>
          );
        })}
        <text x={m.l - 4} y={mid - 8} textAnchor="end" className="axis">cold→warm</text>
        <text x={m.l - 4} y={mid + 14} textAnchor="end" className="axis">warm→cold</text>
        <text x={width - m.r} y={h - 2} textAnchor="end" className="axis">{formatTime(r.t[n - 1] ?? 0)}</text>
      </svg>
      {r.flips.length > 0 && (
        <figcaption className="chart-legend" data-testid="wb.flipList">
          First flips: {r.flips.slice(0, 6).map((f) => <span key={`${f.atMs}-${f.a.id}`}>{formatTime(f.atMs)} {f.a.cold ? 'cold→warm' : 'warm→cold'}</span>)}
        </figcaption>
      )}
    </figure>
  );
}
