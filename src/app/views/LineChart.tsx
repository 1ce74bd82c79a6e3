import { curveLinear, curveStepAfter, line, scaleLinear } from 'd3';
import { formatTime } from '../format';
import type { XY } from './charts/seriesMath';

export interface Line { label: string; values: XY[]; color: string; dashed?: boolean; curve?: 'step' | 'linear' }

/** At most one point per 2 px: a path longer than the chart is wide only costs time (steps keep every point). */
function thin(values: XY[], max: number): XY[] {
  if (values.length <= max) return values;
  const step = values.length / max;
  const out: XY[] = [];
  for (let i = 0; i < max; i++) out.push(values[Math.floor(i * step)]);
  out.push(values[values.length - 1]);
  return out;
}

/**
 * A small time-series chart: D3 computes scales and paths, React draws them. A `null` value
 * is a gap (no line there: e.g. a limit before it was set); `curve: 'step'` draws each value
 * flat until the next (rates per bin, limits).
 */
export function LineChart({ title, lines: raw, width, height = 120, testId, yLabel }: { title: string; lines: Line[]; width: number; height?: number; testId: string; yLabel?: string }) {
  const lines = raw.map((l) => ({ ...l, values: l.curve === 'step' ? l.values : thin(l.values, Math.max(20, Math.floor(width / 2))) }));
  let x0 = Infinity, x1 = -Infinity, yMax = 1;
  for (const l of lines) for (const [t, v] of l.values) { if (t < x0) x0 = t; if (t > x1) x1 = t; if (v !== null && v > yMax) yMax = v; }
  const any = Number.isFinite(x0);
  const m = { l: 40, r: 8, t: 18, b: 18 };
  const x = scaleLinear().domain(any ? [x0, Math.max(x1, x0 + 1)] : [0, 1]).range([m.l, width - m.r]);
  const y = scaleLinear().domain([0, yMax * 1.1]).nice().range([height - m.b, m.t]);
  const path = (l: Line) => line<XY>().defined((d) => d[1] !== null).x((d) => x(d[0])).y((d) => y(d[1] as number)).curve(l.curve === 'step' ? curveStepAfter : curveLinear)(l.values) ?? '';
  const last = (l: Line) => { for (let i = l.values.length - 1; i >= 0; i--) if (l.values[i][1] !== null) return l.values[i][1] as number; return undefined; };
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
        {any && <text x={m.l} y={height - 4} className="axis">{formatTime(x0)}</text>}
        {any && <text x={width - m.r} y={height - 4} textAnchor="end" className="axis">{formatTime(x1)}</text>}
        {lines.map((l) => <path key={l.label} d={path(l)} fill="none" stroke={l.color} strokeWidth={1.6} strokeDasharray={l.dashed ? '4 3' : undefined} data-line={l.label} />)}
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
