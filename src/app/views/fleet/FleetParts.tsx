import type { FrameView } from '../../../core';
import { STATE_STYLE } from '../../palette';
import { formatTime } from '../../format';
import { HEADER_H, type BoxLayout } from './layout';
import { FN_PATTERNS, TILE, patternOf, patternTile } from './patterns';

/** Lease left, for people: minutes below 90 min, hours above. */
export function leaseText(ms: number): string {
  if (ms < 90 * 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

type Worker = FrameView['workers'][number];
type Failed = FrameView['failedWorkers'][number];

export function WorkerHeader({ w, box, nowMs, compact = false }: { w: Worker; box: BoxLayout; nowMs: number; compact?: boolean }) {
  const used = w.usedMb / w.memoryMb;
  if (compact) {
    return (
      <g>
        <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={4} className={`worker-box ${w.state}`} />
        <text x={box.x + 6} y={box.y + 12} className="worker-sub"><tspan className="worker-title-compact">w-{w.id}</tspan> · {w.environments} env{w.environments === 1 ? '' : 's'}</text>
      </g>
    );
  }
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} className={`worker-box ${w.state}`} />
      <text x={box.x + 8} y={box.y + 15} className="worker-title">worker-{w.id}{w.state !== 'Active' ? ` · ${w.state}` : ''}</text>
      <text x={box.x + box.w - 8} y={box.y + 15} textAnchor="end" className="worker-sub">lease {leaseText(w.leaseEndMs - nowMs)}</text>
      <rect x={box.x + 8} y={box.y + 21} width={box.w - 16} height={6} className="mem-bg" />
      <rect x={box.x + 8} y={box.y + 21} width={(box.w - 16) * used} height={6} className="mem-used" />
      <text x={box.x + 8} y={box.y + 39} className="worker-sub">{Math.round(w.usedMb / 1024)}/{Math.round(w.memoryMb / 1024)} GB · {w.environments} env{w.environments === 1 ? '' : 's'} · pool {w.pool}{w.booting ? `+${w.booting}` : ''}</text>
    </g>
  );
}

/** A worker that failed: still drawn, crossed out, with what it took down. */
export function FailedWorker({ f, box, compact = false }: { f: Failed; box: BoxLayout; compact?: boolean }) {
  const cy = box.y + HEADER_H + (box.h - HEADER_H) / 2;
  if (compact) {
    return (
      <g data-testid={`fleet.failed.${f.id}`} className="worker-failed">
        <title>{`worker-${f.id} failed at t = ${formatTime(f.atMs)}: ${f.environments} environments lost`}</title>
        <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={4} className="worker-box Failed" />
        <text x={box.x + 6} y={box.y + 12} className="worker-sub failed-title">w-{f.id} failed ✕</text>
      </g>
    );
  }
  return (
    <g data-testid={`fleet.failed.${f.id}`} className="worker-failed">
      <title>{`worker-${f.id} failed at t = ${formatTime(f.atMs)}: its ${f.environments} execution environment${f.environments === 1 ? '' : 's'} vanished (in-flight requests got a service error)`}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} className="worker-box Failed" />
      <text x={box.x + 8} y={box.y + 15} className="worker-title failed-title">worker-{f.id} · failed ✕</text>
      <text x={box.x + 8} y={box.y + 31} className="worker-sub">at t = {formatTime(f.atMs)}</text>
      <text x={box.x + box.w / 2} y={Math.max(box.y + 44, cy + 4)} textAnchor="middle" className="worker-sub failed-note">{f.environments} environment{f.environments === 1 ? '' : 's'} lost</text>
    </g>
  );
}

/** SVG <pattern>s for telling functions apart (ids `<prefix>-<pattern>`: one set per drawing). */
export function PatternDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      {FN_PATTERNS.filter((p) => p !== 'none').map((p) => {
        const t = patternTile(p, TILE);
        return (
          <pattern key={p} id={`${prefix}-${p}`} width={TILE} height={TILE} patternUnits="userSpaceOnUse">
            {t.lines.map(([x1, y1, x2, y2], i) => <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} className="fn-stroke" />)}
            {t.dots.map(([cx, cy], i) => <circle key={i} cx={cx} cy={cy} r={1.1} className="fn-dot" />)}
          </pattern>
        );
      })}
    </defs>
  );
}

/** States, the pool, failed workers and (with more than one) functions, with their marks. */
export function FleetLegend({ functions, failed }: { functions: string[]; failed: boolean }) {
  return (
    <ul className="legend" aria-label="Environment states and functions">
      <li><span className="swatch pooled-swatch" />Pre-booted microVM (pool)</li>
      {Object.entries(STATE_STYLE).filter(([s]) => s !== 'Terminated').map(([s, st]) => (
        <li key={s}><span className="swatch" style={{ background: st.color }}>{st.glyph}</span>{st.label}</li>
      ))}
      {failed && <li><span className="swatch failed-swatch">✕</span>Failed worker</li>}
      {functions.length > 1 && functions.map((name, i) => (
        <li key={name} data-testid={`fleet.fn.${name}`}>
          <span className={`swatch fn-pat fn-pat-${patternOf(i, functions.length)}`} />function {name}
        </li>
      ))}
    </ul>
  );
}
