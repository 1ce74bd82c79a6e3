import type { RequestStage } from '../../../core';
import { select } from '../../store/uiStore';
import { pathD } from './geometry';
import type { Token } from './tokens';
import { TOKEN_COLOR } from './palette';
import type { SceneLayout, Rect, BoxName } from './layout';
import type { Streak } from './tokens';
import { count } from './format';
import { T } from './text';

/**
 * Request tokens (one per request; data-invocation="inv-N"), their trails, and the streaks
 * of instantaneous async hops. With many requests they shrink and lose their trails; the
 * per-part counts (Badges) carry the numbers.
 */
export function Tokens({ tokens, selectedId, many, L, streaks }: { tokens: Token[]; selectedId: number; many: boolean; L: SceneLayout; streaks: Streak[] }) {
  const r = many ? 6 : 10;
  let labelled429 = 0;
  // Trails show the way between parts; inside a part's box they would cross its text.
  const inside = (Object.keys(L.boxes) as BoxName[]).filter((b) => b !== 'fleet').map((b) => L.boxes[b]);
  return (
    <g className="tokens">
      <mask id="trail-mask" maskUnits="userSpaceOnUse" x={0} y={0} width={L.width} height={L.height}>
        <rect x={0} y={0} width={L.width} height={L.height} fill="#fff" />
        {inside.map((r, i) => <rect key={i} x={r.x + 2} y={r.y + 2} width={r.w - 4} height={r.h - 4} rx={12} fill="#000" />)}
      </mask>
      <g mask="url(#trail-mask)">
        {streaks.map((s) => <path key={s.key} d={pathD(L.routes[s.route])} className={`streak ${s.route}`} strokeOpacity={0.55 * (1 - s.age)} fill="none" />)}
        {!many && tokens.map((t) => t.trail.length > 1 && <path key={t.id} d={pathD(t.trail)} className={`trail ${t.id === selectedId ? 'selected' : ''}`} stroke={TOKEN_COLOR[t.kind]} fill="none" />)}
      </g>
      {tokens.map((t) => {
        const sel = t.id === selectedId;
        const show429 = t.kind === 'throttled' && t.stage === 'throttled' && !many && labelled429++ < 8;
        return (
          <g key={t.id} data-invocation={`inv-${t.id}`} data-at={t.at} data-stage={t.stage} className={`token ${t.kind} ${sel ? 'selected' : ''}`}
            onClick={(e) => { e.stopPropagation(); select({ kind: 'invocation', id: t.id }); }}>
            {t.stage !== 'done' && (
              <>
                <circle cx={t.x} cy={t.y} r={sel ? 16 : r} fill={TOKEN_COLOR[t.kind]} className="token-dot" />
                {!many && <circle cx={t.x} cy={t.y} r={(sel ? 16 : r) + 14} className="token-hit" />}
                {sel && <text x={t.x} y={t.y - 26} textAnchor="middle" className="token-label" fontSize={T.sub}>inv-{t.id}{t.kind === 'warm' || t.kind === 'cold' ? ` ${t.kind}` : ''}</text>}
                {show429 && !sel && <text x={t.x + 14} y={t.y - 12} className="token-429" fontSize={T.small}>429</text>}
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}

const WHERE: Partial<Record<RequestStage, BoxName>> = {
  frontend: 'frontend', rejected: 'frontend', response: 'frontend', counting: 'counting', throttled: 'counting',
  placement: 'placement', capacity: 'fleet', boot: 'fleet', code: 'fleet', init: 'fleet', payload: 'fleet', invoke: 'fleet',
};
const PART: Partial<Record<BoxName, string>> = { fleet: 'worker' };

/** "N here" on each part: always with reduced motion (no travelling tokens), else when crowded. */
export function Badges({ L, stages, always }: { L: SceneLayout; stages: Record<RequestStage, number>; always: boolean }) {
  const at = new Map<BoxName, number>();
  for (const [s, n] of Object.entries(stages) as [RequestStage, number][]) {
    const b = WHERE[s];
    if (b && n > 0) at.set(b, (at.get(b) ?? 0) + n);
  }
  return (
    <g className="badges">
      {[...at.entries()].filter(([, n]) => always || n >= 25).map(([b, n]) => {
        const box: Rect = L.boxes[b];
        const text = `${count(n)} here now`;
        const w = text.length * T.sub * 0.56 + 24;
        // On the box's top edge; the fleet's sits inside its header (Placement's "new environment" is above it).
        const x = box.x + box.w - w - 8, y = b === 'fleet' ? box.y + 8 : box.y - 18;
        return (
          <g key={b} className="badge" data-testid={`scene.here.${PART[b] ?? b}`}>
            <rect x={x} y={y} width={w} height={34} rx={17} />
            <text x={x + w / 2} y={y + 24} textAnchor="middle" fontSize={T.sub}>{text}</text>
          </g>
        );
      })}
    </g>
  );
}
