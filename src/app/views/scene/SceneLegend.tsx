import type { SceneLayout } from './layout';
import { LEGEND_PHASES, PHASE_STYLE, TOKEN_COLOR } from './palette';
import { T, textWidth } from './text';

const TOKENS: [keyof typeof TOKEN_COLOR, string][] = [['warm', 'warm'], ['cold', 'cold'], ['event', 'Event'], ['throttled', '429']];

/** Two rows: what the microVM colours mean (with their letters), what the token colours mean. */
export function SceneLegend({ L }: { L: SceneLayout }) {
  const r = L.legend;
  const row = (items: { key: string; swatch: React.ReactNode; label: string }[], y: number) => {
    let x = r.x;
    return items.map((it) => {
      const g = <g key={it.key} transform={`translate(${x},${y})`}>{it.swatch}<text x={28} y={7} fontSize={T.small} className="legend-text">{it.label}</text></g>;
      x += 36 + textWidth(it.label, T.small);
      return x > r.x + r.w ? null : g;
    });
  };
  return (
    <g className="scene-legend" aria-label="Legend">
      {row(LEGEND_PHASES.map((p) => ({
        key: p, label: PHASE_STYLE[p].label.replace('Init: ', ''),
        swatch: <rect x={0} y={-12} width={22} height={22} rx={4} fill={PHASE_STYLE[p].color} />,
      })), r.y + 16)}
      {row([
        { key: 'pool', label: 'pre-booted microVM', swatch: <rect x={1} y={-11} width={20} height={20} rx={4} className="pool-slot" /> },
        ...TOKENS.map(([k, label]) => ({ key: k, label: `${label} request`, swatch: <circle cx={11} cy={-1} r={10} fill={TOKEN_COLOR[k]} className="token-dot" /> })),
      ], r.y + 50)}
    </g>
  );
}
