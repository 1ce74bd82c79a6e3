import { line, curveBasis } from 'd3';
import { STATE_STYLE } from '../../palette';
import type { LaidEdge, LaidNode, LifecycleLayout } from './layout';
import { FONT, LINE_H } from './layout';

const KIND_CLASS = { main: 'lc-main', branch: 'lc-branch', failure: 'lc-failure', retire: 'lc-retire' } as const;
const path = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y).curve(curveBasis);

/** Black or white text, whichever reads better on `hex`. */
function ink(hex: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return 'var(--fg)';
  const n = parseInt(m[1], 16);
  const lum = (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
  return lum > 0.45 ? '#000' : '#fff';
}

function StateBox({ state, label, x, y, w, h, count, selected }: { state: string; label: string[]; x: number; y: number; w: number; h: number; count: number | null; selected: boolean }) {
  const st = STATE_STYLE[state];
  const title = <title>{`${state}${count === null ? '' : `: ${count} environment${count === 1 ? '' : 's'} now`}`}</title>;
  if (count === null) {
    // A final state: UML's ringed dot, its name below.
    return (
      <g data-testid={`lifecycle.${state}`} data-count={0} className="lc-node lc-final-node">
        {title}
        <circle cx={x + w / 2} cy={y + h / 2} r={w / 2 - 1} className="lc-final" />
        <circle cx={x + w / 2} cy={y + h / 2} r={w / 2 - 5} className="lc-final-dot" />
        <text x={x + w / 2} y={y + h + FONT.label + 2} textAnchor="middle" className="lc-label" fontSize={FONT.label} data-label>{label.join(' ')}</text>
      </g>
    );
  }
  const fill = st ? st.color : '#999999';
  const color = ink(fill);
  const lh = FONT.state + 2;
  return (
    <g data-testid={`lifecycle.${state}`} data-count={count} className={`lc-node${selected ? ' selected' : ''}`}>
      {title}
      <rect x={x} y={y} width={w} height={h} rx={8} fill={fill} className="lc-box" />
      <text x={x + w / 2} y={y + 4 + FONT.state} textAnchor="middle" className="lc-label" fill={color} fontSize={FONT.state} data-label>
        {label.map((l, i) => <tspan key={i} x={x + w / 2} dy={i ? lh : 0}>{l}</tspan>)}
      </text>
      <text x={x + w / 2} y={y + 4 + FONT.state + label.length * lh} textAnchor="middle" className="lc-count" fill={color} fontSize={FONT.count} data-label>{count}</text>
    </g>
  );
}

function NodeGroup({ n, counts, selectedState, innerLit }: { n: LaidNode; counts: Record<string, number>; selectedState: string | null; innerLit: Map<string, number> }) {
  if (n.parts.length === 1) {
    const p = n.parts[0];
    return <StateBox {...p} count={n.node.final ? null : counts[p.state] ?? 0} selected={selectedState === p.state} />;
  }
  return (
    <g className="lc-group" data-testid={`lifecycle.group.${n.node.id}`}>
      <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={10} className="lc-group-box" />
      <text x={n.x + 6} y={n.y + 11} className="lc-group-title" fontSize={FONT.group} data-label>{n.title}</text>
      {n.parts.map((p, i) => {
        const next = n.parts[i + 1];
        const lit = next ? innerLit.get(`${p.state}>${next.state}`) ?? 0 : 0;
        return (
          <g key={p.state}>
            <StateBox {...p} count={counts[p.state] ?? 0} selected={selectedState === p.state} />
            {next && (
              <g className={`lc-inner${lit ? ' recent' : ''}`} data-edge={`${p.state}>${next.state}`} data-recent={lit}>
                <line x1={p.x + 12} x2={p.x + 12} y1={p.y + p.h} y2={next.y - 1} markerEnd="url(#lc-arrow-main)" className="lc-edge lc-main" />
                <text x={p.x + 20} y={(p.y + p.h + next.y) / 2 + 3.5} fontSize={FONT.label} className="lc-edge-label" data-label>phase done</text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** Arrows first, all labels after: a label's halo then hides any line that passes under it. */
function EdgePath({ e, lit }: { e: LaidEdge; lit: number }) {
  const cls = KIND_CLASS[e.edge.kind];
  const events = e.edge.events.map((v) => `${v.event}${v.guard ? ` [${v.guard}]` : ''}`).join(', ');
  return (
    <g className={`lc-arrow ${cls}${lit ? ' recent' : ''}`} data-edge={e.edge.id} data-kind={e.edge.kind} data-recent={lit}>
      <title>{`${e.edge.from} → ${e.edge.to} on ${events}`}</title>
      <path d={path(e.points) ?? ''} className={`lc-edge ${cls}`} markerEnd={`url(#lc-arrow-${lit ? 'recent' : e.edge.kind})`} fill="none" />
    </g>
  );
}

function EdgeLabel({ e, lit }: { e: LaidEdge; lit: number }) {
  const { x, y, w } = e.label;
  return (
    <text x={x + w / 2} y={y + FONT.label + 1} textAnchor="middle" fontSize={FONT.label} className={`lc-edge-label ${KIND_CLASS[e.edge.kind]}-label${lit ? ' recent' : ''}`} data-label data-label-of={e.edge.id}>
      {e.edge.lines.map((l, i) => <tspan key={i} x={x + w / 2} dy={i === 0 ? 0 : LINE_H}>{l}</tspan>)}
    </text>
  );
}

/** A point `t` of the way along a polyline. */
function along(points: { x: number; y: number }[], t: number): { x: number; y: number } {
  const seg = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let left = seg.reduce((a, b) => a + b, 0) * t;
  for (let i = 0; i < seg.length; i++) {
    if (left <= seg[i] || i === seg.length - 1) {
      const f = seg[i] ? Math.min(1, left / seg[i]) : 0;
      return { x: points[i].x + (points[i + 1].x - points[i].x) * f, y: points[i].y + (points[i + 1].y - points[i].y) * f };
    }
    left -= seg[i];
  }
  return points[0];
}

type Rect = { x: number; y: number; w: number; h: number };
const hits = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Badges saying how many environments crossed each lit arrow, placed on the arrow where they
 * cover no label, no box and no other badge (or not at all: the caption lists the counts).
 */
export function placeBadges(layout: LifecycleLayout, lit: Map<string, number>): { id: string; text: string; rect: Rect }[] {
  const taken: Rect[] = [...layout.edges.map((e) => e.label), ...layout.nodes.flatMap((n) => [n, ...n.parts])];
  const out: { id: string; text: string; rect: Rect }[] = [];
  for (const e of layout.edges) {
    const n = lit.get(e.edge.id);
    if (!n || e.points.length < 2) continue;
    const text = `×${n}`;
    const w = 8 + text.length * 6.5, h = 15;
    for (const t of [0.82, 0.18, 0.7, 0.3, 0.9, 0.1]) {
      const p = along(e.points, t);
      const rect = { x: p.x - w / 2, y: p.y - h / 2, w, h };
      if (taken.some((r) => hits(r, rect))) continue;
      taken.push(rect);
      out.push({ id: e.edge.id, text, rect });
      break;
    }
  }
  return out;
}

function LitBadge({ id, text, rect }: { id: string; text: string; rect: Rect }) {
  const p = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }, w = rect.w;
  return (
    <g className="lc-badge" data-badge-of={id}>
      <rect x={p.x - w / 2} y={p.y - 7.5} width={w} height={15} rx={7.5} />
      <text x={p.x} y={p.y + 3.5} textAnchor="middle" fontSize={FONT.label}>{text}</text>
    </g>
  );
}

const MARKERS = ['main', 'branch', 'failure', 'retire', 'recent'] as const;

/** The laid-out lifecycle: boxes, labelled arrows, live counts, recent transitions lit. */
export function LifecycleSvg({ layout, counts, lit, selectedState, width, height }: { layout: LifecycleLayout; counts: Record<string, number>; lit: Map<string, number>; selectedState: string | null; width: number; height: number }) {
  return (
    <svg width={width} height={height} viewBox={`0 0 ${layout.width} ${layout.height}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="Lifecycle state machine with live counts" data-testid="lifecycle.svg">
      <defs>
        {MARKERS.map((k) => (
          <marker key={k} id={`lc-arrow-${k}`} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className={`arrowhead lc-head-${k}`} />
          </marker>
        ))}
      </defs>
      {layout.edges.map((e) => <EdgePath key={e.edge.id} e={e} lit={lit.get(e.edge.id) ?? 0} />)}
      {layout.edges.map((e) => <EdgeLabel key={e.edge.id} e={e} lit={lit.get(e.edge.id) ?? 0} />)}
      {placeBadges(layout, lit).map((b) => <LitBadge key={b.id} {...b} />)}
      {layout.nodes.map((n) => <NodeGroup key={n.node.id} n={n} counts={counts} selectedState={selectedState} innerLit={lit} />)}
    </svg>
  );
}
