import { line, scaleLinear } from 'd3';
import { formatTime } from '../format';

export interface Line { label: string; values: [number, number][]; color: string; dashed?: boolean }

/** At most one point per 2 px: a path longer than the chart is wide only costs time. */
function thin(values: [number, number][], max: number): [number, number][] {
  if (values.length <= max) return values;
  const step = values.length / max;
  const out: [number, number][] = [];
  for (let i = 0; i < max; i++) out.push(values[Math.floor(i * step)]);
  out.push(values[values.length - 1]);
  return out;
}

/** A small time-series chart: D3 computes scales and paths, React draws them. */
export function LineChart({ title, lines: raw, width, height = 120, testId, yLabel }: { title: string; lines: Line[]; width: number; height?: number; testId: string; yLabel?: string }) {
  const lines = raw.map((l) => ({ ...l, values: thin(l.values, Math.max(20, Math.floor(width / 2))) }));
  const all = lines.flatMap((l) => l.values);
  let x0 = Infinity, x1 = -Infinity, yMax = 1;
  for (const [t, v] of all) { if (t < x0) x0 = t; if (t > x1) x1 = t; if (v > yMax) yMax = v; }
  const m = { l: 40, r: 8, t: 18, b: 18 };
  const x = scaleLinear().domain(all.length ? [x0, Math.max(x1, x0 + 1)] : [0, 1]).range([m.l, width - m.r]);
  const y = scaleLinear().domain([0, yMax * 1.1]).nice().range([height - m.b, m.t]);
  const path = line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]));
  const last = (l: Line) => l.values[l.values.length - 1]?.[1];
  return (
    <figure className="chart" data-testid={testId}>
      <svg width={width} height={height} role="img" aria-label={`${title}: ${lines.map((l) => `${l.label} ${fmt(last(l))}`).join(', ')}`}>
        <text x={m.l} y={12} className="chart-title">{title}</text>
        {y.ticks(3).map((t) => (
          <g key={t}>
            <line x1={m.l} x2={width - m.r} y1={y(t)} y2={y(t)} className="grid" />
            <text x={m.l - 4} y={y(t) + 3} textAnchor="end" className="axis">{fmt(t)}</text>
          </g>
        ))}
        {all.length > 0 && <text x={width - m.r} y={height - 4} textAnchor="end" className="axis">{formatTime(x1)}</text>}
        {lines.map((l) => <path key={l.label} d={path(l.values) ?? ''} fill="none" stroke={l.color} strokeWidth={1.6} strokeDasharray={l.dashed ? '4 3' : undefined} />)}
        {yLabel && <text x={4} y={m.t} className="axis">{yLabel}</text>}
      </svg>
      <figcaption className="chart-legend">{lines.map((l) => <span key={l.label}><i style={{ background: l.color }} />{l.label}: {fmt(last(l))}</span>)}</figcaption>
    </figure>
  );
}

function fmt(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1000) return `${(v / 1000).toFixed(1)}k`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
