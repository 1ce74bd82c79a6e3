import type { Arrow, SceneLayout } from './layout';
import { midpoint, pathD } from './geometry';
import type { Focus } from './Part';
import { rate } from './format';
import { T } from './text';
import { memoBy } from './memoBy';

export const Arrows = memoBy(ArrowsView, ({ fk, lit, rates }) => `${fk}|${[...lit].join(',')}|${Object.entries(rates).map(([k, v]) => `${k}:${v < 20 ? Math.round(v) : Number(v.toPrecision(2))}`).join(',')}`);

/**
 * Directed arrows between the parts: sync path numbered ①–⑤, async path lettered Ⓐ–Ⓔ,
 * returns (200, 429, 202, response) thinner. Width grows with the flow through it (requests
 * per simulated second) so heavy traffic reads as a stream; a followed request lights the
 * arrows it has travelled.
 */
function ArrowsView({ L, focus, lit, rates }: { L: SceneLayout; focus: Focus; fk: string; lit: Set<string>; rates: Record<string, number> }) {
  return (
    <g className="arrows">
      {L.arrows.map((a) => <ArrowPath key={a.id} a={a} focus={focus} lit={a.routes.some((r) => lit.has(r))} perSec={rates[a.id] ?? 0} />)}
    </g>
  );
}

function ArrowPath({ a, focus, lit, perSec }: { a: Arrow; focus: Focus; lit: boolean; perSec: number }) {
  const f = a.parts.map(focus);
  // Lit when every part it joins is in focus; dimmed when any is out of it.
  const dim = f.includes('off') ? 'off' : f.every((x) => x === 'on') ? 'on' : 'none';
  const width = (a.kind === 'return' ? 2 : 3) + Math.min(9, 2.4 * Math.log10(1 + perSec));
  const [mx, my] = midpoint(a.points);
  return (
    <g className={`arrow ${a.kind} ${lit ? 'lit' : ''} focus-${dim}`} data-arrow={a.id}>
      <path d={pathD(a.points)} className="arrow-line" strokeWidth={width} markerEnd={`url(#head-${a.kind})`} fill="none" />
      {a.mark && (
        <g className="arrow-mark">
          <circle cx={mx} cy={my} r={17} />
          <text x={mx} y={my + 8} textAnchor="middle" fontSize={T.mark}>{a.mark}</text>
        </g>
      )}
      {a.label && <text x={a.labelAt[0]} y={a.labelAt[1]} textAnchor={a.anchor} className="arrow-label" fontSize={T.small}>{a.label}</text>}
      {perSec >= 20 && roomy(a) && <text x={mx} y={my + (a.mark ? 44 : -12)} textAnchor="middle" className="arrow-rate" fontSize={T.small}>{rate(perSec)}</text>}
    </g>
  );
}

/**
 * Whether an arrow is long enough to carry its rate as text (logical units): the short hops
 * between neighbouring boxes have no room, so their width alone shows the flow.
 */
const RATE_ROOM = 160;
function roomy(a: Arrow): boolean {
  if (!a.mark) return false; // returns run beside their outbound arrow: one label per pair
  let len = 0;
  for (let i = 1; i < a.points.length; i++) len += Math.hypot(a.points[i][0] - a.points[i - 1][0], a.points[i][1] - a.points[i - 1][1]);
  return len >= RATE_ROOM;
}

/** Arrowheads (one per kind, so each takes its arrow's colour) and the hatch for provisioned units. */
export function Defs() {
  return (
    <defs>
      {['sync', 'async', 'return'].map((k) => (
        <marker key={k} id={`head-${k}`} viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse" markerUnits="strokeWidth">
          <path d="M0,0L10,5L0,10z" className={`head head-${k}`} />
        </marker>
      ))}
      <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" className="hatch-bg" />
        <line x1="0" y1="0" x2="0" y2="8" className="hatch-line" strokeWidth="4" />
      </pattern>
    </defs>
  );
}
