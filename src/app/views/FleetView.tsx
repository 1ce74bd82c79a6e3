import { useLayoutEffect, useMemo, useRef } from 'react';
import type { FrameView } from '../../core';
import { useUi, select } from '../store/uiStore';
import { STATE_STYLE } from '../palette';
import { formatDuration } from '../format';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';

/** Account outlines, in the order of `frame.accounts` (styles.css .account-N uses the same). */
const ACCOUNT_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7'];
const SVG_LIMIT = 400; // beyond this many environments, draw on a canvas (DESIGN.md: SVG holds 60 fps to ~2k elements)
const AGGREGATE_PER_WORKER = 600; // beyond this per worker, draw state bars instead of cells

interface Box { id: number; x: number; y: number; w: number; h: number; envIdx: number[] }

/** Workers as boxes (memory used, pre-booted pool, lease left), execution environments as cells by state. */
export function FleetView() {
  const [liveRef, frame] = useLiveFrame(30);
  const selected = useUi((s) => s.selected);
  const [sizeRef, width] = useWidth<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  const layout = useMemo(() => (frame ? layoutFleet(frame, width) : null), [frame, width]);
  if (!frame || !layout) return <div ref={ref} className="view fleet" />;
  const e = frame.environments;
  const counts = Object.entries(frame.stateCounts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${STATE_STYLE[s]?.label ?? s}`).join(', ');
  // Keyboard: focus the fleet, then arrow keys move the selection through the environments.
  const onKeyDown = (ev: React.KeyboardEvent) => {
    const step = ev.key === 'ArrowRight' || ev.key === 'ArrowDown' ? 1 : ev.key === 'ArrowLeft' || ev.key === 'ArrowUp' ? -1 : 0;
    if (!step || e.count === 0) return;
    ev.preventDefault();
    const ids = Array.from(e.id).sort((a, b) => a - b);
    const at = selected?.kind === 'environment' ? ids.indexOf(selected.id) : -1;
    select({ kind: 'environment', id: ids[(at + step + ids.length) % ids.length] });
  };
  return (
    <figure ref={ref} className="view fleet" aria-label="Worker fleet: focus and use the arrow keys to select an environment"
      tabIndex={0} data-keys="own" data-testid="fleet" onKeyDown={onKeyDown}>
      <figcaption>
        <strong>Worker fleet</strong> — {frame.fleet.workers} workers{frame.fleet.shown < frame.fleet.workers ? ` (${frame.fleet.shown} shown; ${frame.fleet.workers - frame.fleet.shown} more hold no environments)` : ''}, {e.count} execution environments{counts ? `: ${counts}` : ''}{frame.fleet.vmm !== 'firecracker' ? ` · VMM ${frame.fleet.vmm} (+${frame.fleet.vmmOverheadMb} MB per microVM)` : ''}.
        {frame.accounts.length > 1 && <span data-testid="fleet.accounts"> Accounts (outline): {frame.accounts.map((a, k) => <span key={a.id} className={`account-key account-${k % 4}`}>{a.id}</span>)}.</span>}
      </figcaption>
      {e.count <= SVG_LIMIT ? <FleetSvg frame={frame} layout={layout} width={width} selectedEnv={selected?.kind === 'environment' ? selected.id : -1} /> : <FleetCanvas frame={frame} layout={layout} width={width} />}
      <Legend />
    </figure>
  );
}

function layoutFleet(frame: FrameView, width: number): { boxes: Box[]; cell: number; height: number; aggregate: boolean } {
  const byWorker = new Map<number, number[]>();
  for (const w of frame.workers) byWorker.set(w.id, []);
  const e = frame.environments;
  for (let i = 0; i < e.count; i++) {
    const list = byWorker.get(e.worker[i]);
    if (list) list.push(i);
  }
  const n = Math.max(1, frame.workers.length);
  const cols = Math.max(1, Math.min(n, Math.floor(width / 230)));
  const boxW = Math.floor((width - 8) / cols) - 8;
  const pools = new Map(frame.workers.map((w) => [w.id, w.pool]));
  const most = Math.max(1, ...[...byWorker.entries()].map(([id, l]) => l.length + (pools.get(id) ?? 0)));
  const aggregate = most > AGGREGATE_PER_WORKER;
  const cell = aggregate ? 0 : Math.max(5, Math.min(20, Math.floor(Math.sqrt(((boxW - 8) * 90) / most))));
  const perRow = aggregate ? 1 : Math.max(1, Math.floor((boxW - 8) / cell));
  const rows = aggregate ? 1 : Math.max(1, Math.ceil(most / perRow));
  const boxH = 44 + (aggregate ? 18 : rows * cell) + 6;
  const boxes: Box[] = frame.workers.map((w, k) => ({
    id: w.id, x: 8 + (k % cols) * (boxW + 8), y: 4 + Math.floor(k / cols) * (boxH + 8), w: boxW, h: boxH, envIdx: byWorker.get(w.id) ?? [],
  }));
  return { boxes, cell, height: 8 + Math.ceil(n / cols) * (boxH + 8), aggregate };
}

function WorkerHeader({ frame, box }: { frame: FrameView; box: Box }) {
  const w = frame.workers.find((x) => x.id === box.id)!;
  const used = w.usedMb / w.memoryMb;
  const leaseLeft = w.leaseEndMs - frame.timeMs;
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} className={`worker-box ${w.state}`} />
      <text x={box.x + 8} y={box.y + 15} className="worker-title">worker-{w.id}{w.state !== 'Active' ? ` · ${w.state}` : ''}</text>
      <text x={box.x + box.w - 8} y={box.y + 15} textAnchor="end" className="worker-sub">lease {formatDuration(leaseLeft)} · pool {w.pool}{w.booting ? `+${w.booting}` : ''}</text>
      <rect x={box.x + 8} y={box.y + 22} width={box.w - 16} height={6} className="mem-bg" />
      <rect x={box.x + 8} y={box.y + 22} width={(box.w - 16) * used} height={6} className="mem-used" />
      <text x={box.x + 8} y={box.y + 39} className="worker-sub">{Math.round(w.usedMb / 1024)} / {Math.round(w.memoryMb / 1024)} GB · {w.environments} envs</text>
    </g>
  );
}

function FleetSvg({ frame, layout, width, selectedEnv }: { frame: FrameView; layout: ReturnType<typeof layoutFleet>; width: number; selectedEnv: number }) {
  const e = frame.environments;
  const { cell } = layout;
  return (
    <svg width={width} height={layout.height} role="img" aria-label="Workers and their execution environments">
      {layout.boxes.map((box) => {
        const perRow = Math.max(1, Math.floor((box.w - 8) / cell));
        return (
          <g key={box.id} data-testid={`fleet.worker.${box.id}`}>
            <WorkerHeader frame={frame} box={box} />
            {Array.from({ length: frame.workers.find((w) => w.id === box.id)?.pool ?? 0 }, (_, k) => {
              // Pre-booted microVMs in the MicroManager's pool: ready to become environments.
              const slot = box.envIdx.length + k;
              if (44 + Math.floor(slot / perRow) * cell + cell > box.h) return null;
              const x = box.x + 4 + (slot % perRow) * cell, y = box.y + 44 + Math.floor(slot / perRow) * cell;
              return <rect key={`pool-${k}`} data-testid="fleet.pooled" x={x + 2} y={y + 2} width={cell - 4} height={cell - 4} rx={2} className="pooled-vm"><title>pre-booted microVM (pool)</title></rect>;
            })}
            {box.envIdx.map((i, k) => {
              const state = frame.stateNames[e.state[i]];
              const st = STATE_STYLE[state];
              const x = box.x + 4 + (k % perRow) * cell, y = box.y + 44 + Math.floor(k / perRow) * cell;
              const id = e.id[i];
              return (
                <g key={id} data-testid={`fleet.env.${id}`} data-state={state} onClick={() => select({ kind: 'environment', id })} className="env-cell">
                  <title>{`env-${id} · ${frame.functions[e.fn[i]]?.name}:${e.version[i]} · ${state}${e.provisioned[i] ? ' · provisioned' : ''}${e.proactive[i] ? ' · proactive Init (a replacement)' : ''}${frame.accounts.length > 1 ? ` · account ${frame.accounts[e.account[i]]?.id}` : ''}`}</title>
                  <rect x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} rx={2} fill={st.color} data-account={frame.accounts.length > 1 ? frame.accounts[e.account[i]]?.id : undefined}
                    className={id !== selectedEnv && frame.accounts.length > 1 ? `account-${e.account[i] % 4}` : undefined}
                    stroke={id === selectedEnv ? 'var(--fg)' : frame.accounts.length > 1 ? undefined : e.provisioned[i] ? '#000' : 'none'} strokeWidth={id === selectedEnv ? 2 : frame.accounts.length > 1 ? 2 : 1} strokeDasharray={e.provisioned[i] ? '2 1' : undefined} />
                  {cell >= 12 && <text x={x + cell / 2} y={y + cell / 2 + 4} textAnchor="middle" className="glyph">{st.glyph}</text>}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function FleetCanvas({ frame, layout, width }: { frame: FrameView; layout: ReturnType<typeof layoutFleet>; width: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useUi((s) => s.theme);
  // Read the text colour once per theme: getComputedStyle every frame forces a full style recalculation.
  const fg = useMemo(() => (theme === 'dark' ? '#e8ecf1' : '#16191f'), [theme]);
  // Layout effect: draw before the browser paints, so the canvas and the SVG around it show the same frame.
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    // Resizing a canvas reallocates it: only when the size really changed.
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(layout.height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(layout.height * dpr);
    }
    const g = c.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, layout.height);
    const e = frame.environments;
    g.font = '11px system-ui, sans-serif';
    for (const box of layout.boxes) {
      const w = frame.workers.find((x) => x.id === box.id)!;
      g.strokeStyle = fg;
      g.globalAlpha = 0.35;
      g.strokeRect(box.x + 0.5, box.y + 0.5, box.w, box.h);
      g.globalAlpha = 1;
      g.fillStyle = fg;
      g.fillText(`worker-${w.id}${w.state !== 'Active' ? ' · ' + w.state : ''} · ${w.environments} envs · pool ${w.pool}`, box.x + 8, box.y + 15);
      g.fillStyle = '#ccc';
      g.fillRect(box.x + 8, box.y + 22, box.w - 16, 6);
      g.fillStyle = '#0072B2';
      g.fillRect(box.x + 8, box.y + 22, (box.w - 16) * (w.usedMb / w.memoryMb), 6);
      if (layout.aggregate) {
        // One stacked bar of states per worker: no state is lost, only the individual cells.
        const counts = new Map<number, number>();
        for (const i of box.envIdx) counts.set(e.state[i], (counts.get(e.state[i]) ?? 0) + 1);
        let x = box.x + 8;
        for (const [code, n] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
          const wpx = ((box.w - 16) * n) / Math.max(1, box.envIdx.length);
          g.fillStyle = STATE_STYLE[frame.stateNames[code]].color;
          g.fillRect(x, box.y + 44, wpx, 16);
          x += wpx;
        }
      } else {
        // One path per state: ~10 fills per worker instead of one fillStyle change per cell.
        const cell = layout.cell, perRow = Math.max(1, Math.floor((box.w - 8) / cell));
        const paths = new Map<number, Path2D>();
        box.envIdx.forEach((i, k) => {
          let path = paths.get(e.state[i]);
          if (!path) paths.set(e.state[i], (path = new Path2D()));
          path.rect(box.x + 4 + (k % perRow) * cell + 0.5, box.y + 44 + Math.floor(k / perRow) * cell + 0.5, cell - 1, cell - 1);
        });
        for (const [code, path] of paths) {
          g.fillStyle = STATE_STYLE[frame.stateNames[code]].color;
          g.fill(path);
        }
        if (frame.accounts.length > 1) {
          // Several customers on one worker: outline each microVM in its account's colour.
          box.envIdx.forEach((i, k) => {
            g.strokeStyle = ACCOUNT_COLORS[e.account[i] % ACCOUNT_COLORS.length];
            g.strokeRect(box.x + 4 + (k % perRow) * cell + 1, box.y + 44 + Math.floor(k / perRow) * cell + 1, cell - 2, cell - 2);
          });
        }
      }
    }
  }, [frame, layout, width, fg]);
  return <canvas ref={ref} data-testid="fleet.canvas" style={{ width, height: layout.height }} role="img" aria-label="Workers and their execution environments (large fleet: canvas)" />;
}

function Legend() {
  return (
    <ul className="legend" aria-label="Environment states">
      <li><span className="swatch pooled-swatch" />Pre-booted microVM (pool)</li>
      {Object.entries(STATE_STYLE).filter(([s]) => s !== 'Terminated').map(([s, st]) => (
        <li key={s}><span className="swatch" style={{ background: st.color }}>{st.glyph}</span>{st.label}</li>
      ))}
    </ul>
  );
}
