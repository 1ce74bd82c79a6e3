import type { FrameView } from '../../../core';
import type { Rect } from './layout';
import { Part, type Focus } from './Part';
import { PHASE_STYLE } from './palette';
import { count } from './format';
import { fitText } from './text';
import { T } from './text';
import { memoBy, hashBytes } from './memoBy';

export const AssignmentBox = memoBy(AssignmentView, ({ frame: f, fk }) => `${fk}|${hashBytes(f.scene.envPhase)}|${f.environments.count}|${f.scene.counters.coldStarts}`);

const IDLE = 10, RESET = 11; // SCENE_ENV_PHASES codes of idle environments (Idle, Reset)

/**
 * Assignment: the idle (frozen) environments of each version, which it hands to requests
 * before anything new is placed. Provisioned ones (dashed) are served first.
 */
function AssignmentView({ rect: r, frame, focus }: { rect: Rect; frame: FrameView; focus: Focus; fk: string }) {
  const e = frame.environments;
  const ph = frame.scene.envPhase;
  const pools = new Map<string, { idle: number; provisioned: number }>();
  for (let i = 0; i < e.count; i++) {
    if (ph[i] !== IDLE && ph[i] !== RESET) continue;
    const key = `${frame.functions[e.fn[i]]?.name ?? '?'}:${e.version[i]}`;
    const p = pools.get(key) ?? { idle: 0, provisioned: 0 };
    p.idle++;
    if (e.provisioned[i]) p.provisioned++;
    pools.set(key, p);
  }
  const rows = [...pools.entries()].sort((a, b) => b[1].idle - a[1].idle).slice(0, 3);
  const cell = 20, per = Math.max(1, Math.floor((r.w - 32) / cell));
  const total = [...pools.values()].reduce((n, p) => n + p.idle, 0);
  return (
    <Part name="assignment" rect={r} label="Assignment" sub="idle pool" focus={focus('assignment')}>
      {rows.length === 0 && <text x={r.x + 16} y={r.y + 122} className="part-note" fontSize={T.small}>no idle environment</text>}
      {rows.map(([key, p], k) => {
        const y = r.y + 96 + k * 62;
        const shown = Math.min(p.idle, per);
        return (
          <g key={key}>
            <text x={r.x + 16} y={y + 20} className="part-sub" fontSize={T.small}>{fitText(key.replace(':$LATEST', ''), T.small, r.w - 90)}</text>
            <text x={r.x + r.w - 16} y={y + 20} textAnchor="end" className="part-count" fontSize={T.small}>{count(p.idle)}</text>
            {Array.from({ length: shown }, (_, j) => (
              <rect key={j} x={r.x + 16 + j * cell} y={y + 28} width={cell - 4} height={cell - 4} rx={3} fill={PHASE_STYLE.Idle.color}
                className={j < p.provisioned ? 'idle-env provisioned' : 'idle-env'} />
            ))}
          </g>
        );
      })}
      <text x={r.x + 16} y={r.y + r.h - 16} className="part-count" fontSize={T.small}>{count(frame.scene.counters.coldStarts)} cold start{frame.scene.counters.coldStarts === 1 ? '' : 's'}</text>
      {total > 0 && <title>{`${total} idle environments`}</title>}
    </Part>
  );
}
