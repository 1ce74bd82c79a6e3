import type { SceneLayout } from './layout';
import { LEGEND_PHASES, PHASE_STYLE, TOKEN_COLOR } from './palette';
import { T, textWidth } from './text';
import { memoBy } from './memoBy';

export const SceneLegend = memoBy(LegendView, ({ L }) => `${L.name}${L.width}x${L.height}`);

const TOKENS: [keyof typeof TOKEN_COLOR, string][] = [['pending', 'new request'], ['warm', 'warm'], ['cold', 'cold'], ['event', 'Event'], ['throttled', '429']];

/** Two rows: what the microVM colours mean (with their letters), what the token colours mean. */
function LegendView({ L }: { L: SceneLayout }) {
  const r = L.legend;
  const items: { key: string; swatch: React.ReactNode; label: string; row: number }[] = [
    ...LEGEND_PHASES.map((p) => ({ key: p, row: 0, label: SHORT[p] ?? PHASE_STYLE[p].label, swatch: <rect x={0} y={-12} width={22} height={22} rx={4} fill={PHASE_STYLE[p].color} /> })),
    { key: 'pool', row: 1, label: 'pooled microVM', swatch: <rect x={1} y={-11} width={20} height={20} rx={4} className="pool-slot" /> },
    ...TOKENS.map(([k, label]) => ({ key: k, row: 1, label, swatch: <circle cx={11} cy={-1} r={10} fill={TOKEN_COLOR[k]} className="token-dot" /> })),
  ];
  // Flow the items into rows 28 units apart; a kind of item starts a new row.
  let x = r.x, y = r.y + 14, lastRow = 0;
  const placed = items.map((it, i) => {
    const w = 40 + textWidth(it.label, T.small, true);
    if (i > 0 && (x + w > r.x + r.w || it.row !== lastRow)) { x = r.x; y += 28; }
    lastRow = it.row;
    const g = <g key={it.key} transform={`translate(${x},${y})`}>{it.swatch}<text x={28} y={7} fontSize={T.small} className="legend-text">{it.label}</text></g>;
    x += w;
    return g;
  });
  return <g className="scene-legend" aria-label="Legend">{placed}</g>;
}

const SHORT: Partial<Record<string, string>> = {
  Capacity: 'wait', Boot: 'boot', Provisioning: 'code', ExtensionInit: 'extensions', RuntimeInit: 'runtime',
  FunctionInit: 'function', Restoring: 'SnapStart', Invoking: 'invoking', Idle: 'idle', ShuttingDown: 'shutdown',
};
