import { useLayoutEffect, useMemo, useRef } from 'react';
import type { FrameView } from '../../../core';
import { useUi, select } from '../../store/uiStore';
import { STATE_STYLE } from '../../palette';
import { formatTime } from '../../format';
import { useFit } from '../viewFit';
import { barOf, hitTest, slotAt, type FleetLayout } from './layout';
import { TILE, patternOf, patternTile, type FnPattern } from './patterns';

/** Account outlines, in the order of `frame.accounts` (styles.css .account-N uses the same). */
const ACCOUNT_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7'];
import { leaseText } from './FleetParts';

function tileCanvas(p: FnPattern): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = TILE;
  const g = c.getContext('2d')!;
  const t = patternTile(p, TILE);
  g.strokeStyle = 'rgba(0,0,0,.55)';
  g.lineWidth = 1.2;
  for (const [x1, y1, x2, y2] of t.lines) { g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.stroke(); }
  g.fillStyle = 'rgba(0,0,0,.6)';
  for (const [cx, cy] of t.dots) { g.beginPath(); g.arc(cx, cy, 1.1, 0, 2 * Math.PI); g.fill(); }
  return c;
}

/**
 * Large fleets (hundreds to thousands of environments) on a canvas: one path per state and
 * per function pattern, so a frame costs tens of fills, not thousands. Clicks and hover are
 * hit-tested by coordinates against the same layout the drawing used.
 */
export function FleetCanvas({ frame, layout, width, selectedEnv }: { frame: FrameView; layout: FleetLayout; width: number; selectedEnv: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useUi((s) => s.theme);
  const fitScale = useFit()?.scale ?? 1;
  // Read the text colour once per theme: getComputedStyle every frame forces a full style recalculation.
  const fg = theme === 'dark' ? '#e8ecf1' : '#16191f';
  const warn = theme === 'dark' ? '#ff8a4c' : '#D55E00';
  const tiles = useMemo(() => new Map<FnPattern, HTMLCanvasElement>(), []);
  // Layout effect: draw before the browser paints, so the canvas and the SVG around it show the same frame.
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = (window.devicePixelRatio || 1) * fitScale;
    // Resizing a canvas reallocates it: only when the size really changed.
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(layout.height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(layout.height * dpr);
    }
    const g = c.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, layout.height);
    const e = frame.environments;
    const workers = new Map(frame.workers.map((w) => [w.id, w]));
    const failed = new Map(frame.failedWorkers.map((f) => [f.id, f]));
    const nFn = frame.functions.length;
    for (const box of layout.boxes) {
      g.lineWidth = 1;
      if (layout.compact) {
        // One-line boxes: name and count, then the state bar.
        g.strokeStyle = box.failed ? warn : fg;
        g.globalAlpha = box.failed ? 1 : 0.35;
        g.strokeRect(box.x + 0.5, box.y + 0.5, box.w, box.h);
        g.globalAlpha = 1;
        g.fillStyle = box.failed ? warn : fg;
        g.font = '10px system-ui, sans-serif';
        g.fillText(box.failed ? `w-${box.id} failed ✕` : `w-${box.id} · ${workers.get(box.id)!.environments} envs`, box.x + 6, box.y + 12);
      } else if (box.failed) {
        const f = failed.get(box.id)!;
        g.setLineDash([6, 3]);
        g.strokeStyle = warn;
        g.lineWidth = 2;
        g.strokeRect(box.x + 1, box.y + 1, box.w - 2, box.h - 2);
        g.setLineDash([]);
        g.fillStyle = warn;
        g.font = 'bold 12px system-ui, sans-serif';
        g.fillText(`worker-${f.id} · failed ✕`, box.x + 8, box.y + 15);
        g.font = '10px system-ui, sans-serif';
        g.fillText(`at t = ${formatTime(f.atMs)} · ${f.environments} environments lost`, box.x + 8, box.y + 31);
        continue;
      }
      if (box.failed) continue;
      const w = workers.get(box.id)!;
      if (!layout.compact) {
        g.strokeStyle = fg;
        g.globalAlpha = 0.35;
        g.strokeRect(box.x + 0.5, box.y + 0.5, box.w, box.h);
        g.globalAlpha = 1;
        g.fillStyle = fg;
        g.font = 'bold 12px system-ui, sans-serif';
        g.fillText(`worker-${w.id}${w.state !== 'Active' ? ' · ' + w.state : ''}`, box.x + 8, box.y + 15);
        g.font = '10px system-ui, sans-serif';
        g.textAlign = 'right';
        g.fillText(`lease ${leaseText(w.leaseEndMs - frame.timeMs)}`, box.x + box.w - 8, box.y + 15);
        g.textAlign = 'left';
        g.fillText(`${Math.round(w.usedMb / 1024)}/${Math.round(w.memoryMb / 1024)} GB · ${w.environments} envs · pool ${w.pool}`, box.x + 8, box.y + 39);
        g.fillStyle = '#ccc';
        g.fillRect(box.x + 8, box.y + 21, box.w - 16, 6);
        g.fillStyle = '#0072B2';
        g.fillRect(box.x + 8, box.y + 21, (box.w - 16) * (w.usedMb / w.memoryMb), 6);
      }
      if (layout.aggregate) {
        // One stacked bar of states per worker: no state is lost, only the individual cells.
        const counts = new Map<number, number>();
        for (const i of box.envIdx) counts.set(e.state[i], (counts.get(e.state[i]) ?? 0) + 1);
        const bar = barOf(layout, box);
        let x = bar.x;
        for (const [code, n] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
          const wpx = (bar.w * n) / Math.max(1, box.envIdx.length);
          g.fillStyle = STATE_STYLE[frame.stateNames[code]].color;
          g.fillRect(x, bar.y, wpx, bar.h);
          x += wpx;
        }
        continue;
      }
      // One path per state and one per function pattern: a few fills per worker, not one per cell.
      const cell = layout.cell;
      const byState = new Map<number, Path2D>();
      const byPattern = new Map<FnPattern, Path2D>();
      box.envIdx.forEach((i, k) => {
        const { x, y } = slotAt(box, cell, k);
        let path = byState.get(e.state[i]);
        if (!path) byState.set(e.state[i], (path = new Path2D()));
        path.rect(x + 0.5, y + 0.5, cell - 1, cell - 1);
        const pat = patternOf(e.fn[i], nFn);
        if (pat !== 'none') {
          let pp = byPattern.get(pat);
          if (!pp) byPattern.set(pat, (pp = new Path2D()));
          pp.rect(x + 0.5, y + 0.5, cell - 1, cell - 1);
        }
      });
      for (const [code, path] of byState) {
        g.fillStyle = STATE_STYLE[frame.stateNames[code]].color;
        g.fill(path);
      }
      for (const [pat, path] of byPattern) {
        let tile = tiles.get(pat);
        if (!tile) tiles.set(pat, (tile = tileCanvas(pat)));
        g.fillStyle = g.createPattern(tile, 'repeat')!;
        g.fill(path);
      }
      if (frame.accounts.length > 1) {
        // Several customers on one worker: outline each microVM in its account's colour.
        g.lineWidth = 1.5;
        box.envIdx.forEach((i, k) => {
          const { x, y } = slotAt(box, cell, k);
          g.strokeStyle = ACCOUNT_COLORS[e.account[i] % ACCOUNT_COLORS.length];
          g.strokeRect(x + 1, y + 1, cell - 2, cell - 2);
        });
      }
      const sel = box.envIdx.findIndex((i) => e.id[i] === selectedEnv);
      if (sel >= 0) {
        const { x, y } = slotAt(box, cell, sel);
        g.strokeStyle = fg;
        g.lineWidth = 2.5;
        g.strokeRect(x + 1, y + 1, cell - 2, cell - 2);
      }
    }
  }, [frame, layout, width, fg, warn, fitScale, selectedEnv, tiles]);

  const at = (ev: React.MouseEvent<HTMLCanvasElement>) => {
    const r = ev.currentTarget.getBoundingClientRect();
    // The canvas may be scaled (a slide): map client px back to layout px.
    const x = ((ev.clientX - r.left) * width) / r.width, y = ((ev.clientY - r.top) * layout.height) / r.height;
    return hitTest(layout, x, y, (i) => frame.environments.state[i]);
  };
  const onClick = (ev: React.MouseEvent<HTMLCanvasElement>) => {
    const hit = at(ev);
    if (hit.env !== null) select({ kind: 'environment', id: frame.environments.id[hit.env] });
  };
  const onMove = (ev: React.MouseEvent<HTMLCanvasElement>) => {
    const hit = at(ev);
    const e = frame.environments;
    ev.currentTarget.title = hit.env === null ? (hit.worker ? `worker-${hit.worker}` : '') : `env-${e.id[hit.env]} · ${frame.functions[e.fn[hit.env]]?.name}:${e.version[hit.env]} · ${frame.stateNames[e.state[hit.env]]} — click for its story`;
  };
  return (
    <canvas ref={ref} data-testid="fleet.canvas" style={{ width, height: layout.height }} role="img" onClick={onClick} onMouseMove={onMove}
      aria-label="Workers and their execution environments (large fleet: canvas; click a cell to select it, or focus the fleet and use the arrow keys)"
      data-cell={layout.cell} data-boxes={JSON.stringify(layout.boxes.map((b) => ({ id: b.id, x: b.x, y: b.y, perRow: b.perRow, n: b.envIdx.length })))} />
  );
}
