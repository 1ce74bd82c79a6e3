import { useId } from 'react';
import type { FrameView } from '../../../core';
import { select } from '../../store/uiStore';
import { STATE_STYLE } from '../../palette';
import { barOf, slotAt, type FleetLayout } from './layout';
import { patternOf } from './patterns';
import { FailedWorker, PatternDefs, WorkerHeader } from './FleetParts';

/** Too many environments for cells: one bar per worker, split by state (no state is lost). */
function StateBar({ frame, envIdx, bar }: { frame: FrameView; envIdx: number[]; bar: { x: number; y: number; w: number; h: number } }) {
  const counts = new Map<number, number>();
  for (const i of envIdx) counts.set(frame.environments.state[i], (counts.get(frame.environments.state[i]) ?? 0) + 1);
  let x = bar.x;
  return (
    <g>
      {[...counts.entries()].sort((a, b) => a[0] - b[0]).map(([code, n]) => {
        const w = (bar.w * n) / Math.max(1, envIdx.length);
        const r = <rect key={code} x={x} y={bar.y} width={w} height={bar.h} fill={STATE_STYLE[frame.stateNames[code]].color}><title>{`${n} ${frame.stateNames[code]}`}</title></rect>;
        x += w;
        return r;
      })}
    </g>
  );
}

/** The state letter grows with the cell (12 px in a 26 px cell, at most 20 px). */
const glyphPx = (cell: number) => Math.min(20, Math.max(10, Math.round(cell * 0.46)));

/** Up to a few hundred environments: one SVG element per cell, each clickable and titled. */
export function FleetSvg({ frame, layout, width, selectedEnv }: { frame: FrameView; layout: FleetLayout; width: number; selectedEnv: number }) {
  const e = frame.environments;
  const { cell } = layout;
  const prefix = useId().replace(/:/g, '');
  const workers = new Map(frame.workers.map((w) => [w.id, w]));
  const failed = new Map(frame.failedWorkers.map((f) => [f.id, f]));
  const nFn = frame.functions.length;
  const many = frame.accounts.length > 1; // several customers: outline each microVM in its account's colour
  return (
    <svg width={width} height={layout.height} role="img" aria-label="Workers and their execution environments">
      <PatternDefs prefix={prefix} />
      {layout.boxes.map((box) => {
        if (box.failed) return <FailedWorker key={`f${box.id}`} f={failed.get(box.id)!} box={box} compact={layout.compact} />;
        const w = workers.get(box.id)!;
        return (
          <g key={box.id} data-testid={`fleet.worker.${box.id}`}>
            <WorkerHeader w={w} box={box} nowMs={frame.timeMs} compact={layout.compact} />
            {layout.aggregate && <StateBar frame={frame} envIdx={box.envIdx} bar={barOf(layout, box)} />}
            {!layout.aggregate && box.envIdx.map((i, k) => {
              const state = frame.stateNames[e.state[i]];
              const st = STATE_STYLE[state];
              const { x, y } = slotAt(box, cell, k);
              const id = e.id[i];
              const pat = patternOf(e.fn[i], nFn);
              return (
                <g key={id} data-testid={`fleet.env.${id}`} data-state={state} data-function={frame.functions[e.fn[i]]?.name} onClick={() => select({ kind: 'environment', id })}
                  className={`env-cell${id === selectedEnv ? ' selected' : ''}`}>
                  <title>{`env-${id} · ${frame.functions[e.fn[i]]?.name}:${e.version[i]} · ${state}${e.provisioned[i] ? ' · provisioned' : ''}${e.proactive[i] ? ' · proactive Init (a replacement)' : ''}${many ? ` · account ${frame.accounts[e.account[i]]?.id}` : ''}`}</title>
                  <rect x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} rx={2} fill={st.color} data-account={many ? frame.accounts[e.account[i]]?.id : undefined}
                    className={many && id !== selectedEnv ? `account-${e.account[i] % 4}` : undefined}
                    stroke={id === selectedEnv ? 'var(--fg)' : many ? undefined : e.provisioned[i] ? '#000' : 'none'} strokeWidth={id === selectedEnv ? 2.5 : many ? 2 : 1} strokeDasharray={e.provisioned[i] ? '2 1' : undefined} />
                  {pat !== 'none' && <rect x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} rx={2} fill={`url(#${prefix}-${pat})`} pointerEvents="none" />}
                  {cell >= 16 && <text x={x + cell / 2} y={y + cell / 2 + glyphPx(cell) * 0.36} textAnchor="middle" className="glyph" fontSize={glyphPx(cell)}>{st.glyph}</text>}
                </g>
              );
            })}
            {!layout.aggregate && Array.from({ length: box.pool }, (_, k) => {
              // Pre-booted microVMs in the MicroManager's pool: ready to become environments.
              const { x, y } = slotAt(box, cell, box.envIdx.length + k);
              if (y + cell > box.y + box.h) return null;
              return <rect key={`pool-${k}`} data-testid="fleet.pooled" x={x + 2} y={y + 2} width={cell - 4} height={cell - 4} rx={2} className="pooled-vm"><title>pre-booted microVM (pool)</title></rect>;
            })}
          </g>
        );
      })}
    </svg>
  );
}
