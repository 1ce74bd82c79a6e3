import { area, line, scaleLinear } from 'd3';

/**
 * A line with its 95 % confidence band, and optional reference lines (an analytic value):
 * D3 computes the scales and paths, React draws them.
 */
export interface Band { label: string; color: string; points: { x: number; y: number; low: number; high: number }[] }
export interface RefLine { label: string; color: string; y: number | ((x: number) => number) }

export function BandChart({ title, bands, refs = [], width, height = 160, xLabel, testId, yMax }: {
  title: string; bands: Band[]; refs?: RefLine[]; width: number; height?: number; xLabel: string; testId: string; yMax?: number;
}) {
  const m = { l: 48, r: 10, t: 18, b: 28 };
  const pts = bands.flatMap((b) => b.points);
  const xs = pts.map((p) => p.x);
  const x0 = xs.length ? Math.min(...xs) : 0, x1 = xs.length ? Math.max(...xs) : 1;
  const refVals = refs.flatMap((r) => (typeof r.y === 'number' ? [r.y] : xs.map((v) => (r.y as (x: number) => number)(v))));
  const top = yMax ?? Math.max(1e-9, ...pts.map((p) => (Number.isFinite(p.high) ? p.high : p.y)), ...refVals.filter(Number.isFinite));
  const x = scaleLinear().domain([x0, x1 > x0 ? x1 : x0 + 1]).range([m.l, width - m.r]);
  const y = scaleLinear().domain([0, top * 1.08]).nice().range([height - m.b, m.t]);
  const fin = (p: { low: number; high: number }) => Number.isFinite(p.low) && Number.isFinite(p.high);
  const band = area<{ x: number; low: number; high: number }>().x((p) => x(p.x)).y0((p) => y(p.low)).y1((p) => y(p.high)).defined(fin);
  const path = line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y)).defined((p) => Number.isFinite(p.y));
  const fmt = (v: number) => (Math.abs(v) >= 10_000 ? `${(v / 1000).toFixed(0)}k` : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2));
  return (
    <figure className="chart" data-testid={testId}>
      <svg width={width} height={height} role="img" aria-label={title}>
        <text x={m.l} y={12} className="chart-title">{title}</text>
        {y.ticks(4).map((t) => <g key={t}><line x1={m.l} x2={width - m.r} y1={y(t)} y2={y(t)} className="grid" /><text x={m.l - 4} y={y(t) + 3} textAnchor="end" className="axis">{fmt(t)}</text></g>)}
        {x.ticks(5).map((t) => <text key={t} x={x(t)} y={height - m.b + 12} textAnchor="middle" className="axis">{fmt(t)}</text>)}
        <text x={(m.l + width - m.r) / 2} y={height - 2} textAnchor="middle" className="axis">{xLabel}</text>
        {bands.map((b) => <path key={`band-${b.label}`} d={band(b.points) ?? ''} fill={b.color} opacity={0.2} data-band={b.label} />)}
        {bands.map((b) => <path key={b.label} d={path(b.points) ?? ''} fill="none" stroke={b.color} strokeWidth={1.8} />)}
        {bands.map((b) => b.points.map((p) => <circle key={`${b.label}-${p.x}`} cx={x(p.x)} cy={y(p.y)} r={2.2} fill={b.color}><title>{`${fmt(p.x)}: ${p.y.toPrecision(3)} [${p.low.toPrecision(3)}, ${p.high.toPrecision(3)}]`}</title></circle>))}
        {refs.map((r) => typeof r.y === 'number'
          ? <line key={r.label} x1={m.l} x2={width - m.r} y1={y(r.y)} y2={y(r.y)} stroke={r.color} strokeDasharray="5 3" strokeWidth={1.4} />
          : <path key={r.label} d={path(xs.map((v) => ({ x: v, y: (r.y as (x: number) => number)(v) })).sort((a, b) => a.x - b.x)) ?? ''} fill="none" stroke={r.color} strokeDasharray="5 3" strokeWidth={1.4} />)}
      </svg>
      <figcaption className="chart-legend">
        {bands.map((b) => <span key={b.label}><i style={{ background: b.color }} />{b.label} (band: 95 % CI)</span>)}
        {refs.map((r) => <span key={r.label}><i style={{ background: r.color }} />{r.label}</span>)}
      </figcaption>
    </figure>
  );
}
