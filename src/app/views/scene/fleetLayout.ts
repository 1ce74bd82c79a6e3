import type { FrameView } from '../../../core';
import type { Pt, Rect } from './layout';

/**
 * Where each worker (host) and each microVM goes inside the fleet box. Hosts are a grid;
 * inside a host its microVMs are cells (execution environments first, by age, then the
 * MicroManager's pre-booted pool slots, then pool refills booting). The cell size is the
 * largest that fits the fullest host; below MIN_CELL the fleet is aggregated: one stacked
 * bar of phases per host, so a fleet of any size fits its box.
 */
export interface Host {
  id: number; x: number; y: number; w: number; h: number;
  state: string; failed: boolean; showLabel: boolean;
  /** Grid of cells inside the host. */
  gx: number; gy: number; cols: number;
  envs: number[]; // indices into frame.environments
  pool: number; booting: number; poolSize: number;
  leaseStartMs: number; leaseEndMs: number; drainAtMs: number;
}

export interface FleetLayout {
  hosts: Host[];
  cell: number;
  aggregate: boolean;
  /** Centre of each visible environment's microVM, by environment id. */
  pos: Map<number, Pt>;
  header: number;
}

const GAP = 10;
const TITLE = 76;     // the fleet's own label and summary rows
const MAX_CELL = 64;
export const MIN_CELL = 6;

export function layoutFleet(frame: FrameView, box: Rect): FleetLayout {
  const sv = frame.scene;
  const e = frame.environments;
  const byWorker = new Map<number, number[]>();
  for (const w of sv.workers) byWorker.set(w.id, []);
  for (let i = 0; i < e.count; i++) {
    if (sv.envPhase[i] === 0) continue; // not placed yet at this moment
    byWorker.get(e.worker[i])?.push(i);
  }
  const failed = sv.failedWorkers.filter((f) => !byWorker.has(f.id));
  const n = sv.workers.length + failed.length;
  let most = 1;
  for (const w of sv.workers) most = Math.max(most, (byWorker.get(w.id)?.length ?? 0) + w.pool + w.booting, w.poolSize);
  let best = { cols: 1, cell: 0, header: 12, hw: 0, hh: 0 };
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(Math.max(1, n) / cols);
    const hw = (box.w - GAP * (cols + 1)) / cols;
    const hh = (box.h - TITLE - GAP * (rows + 1)) / rows;
    if (hw < 24) break;    // more columns only make hosts narrower
    if (hh < 24) continue; // more columns mean fewer rows: taller hosts
    const header = hw >= 150 && hh >= 100 ? 62 : 12;
    const cell = fit(hw - 12, hh - header - 8, most);
    if (cell > best.cell || (cell === best.cell && header > best.header)) best = { cols, cell, header, hw, hh };
  }
  if (best.hw === 0) {
    // More hosts than fit at 24 px (a burst spread over a large cell): a near-square grid of
    // small hosts, each drawn as one aggregate, rather than nothing at all.
    const cols = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * box.w) / Math.max(1, box.h - TITLE)))));
    const rows = Math.ceil(Math.max(1, n) / cols);
    best = { cols, cell: 0, header: 12, hw: Math.max(2, (box.w - GAP * (cols + 1)) / cols), hh: Math.max(2, (box.h - TITLE - GAP * (rows + 1)) / rows) };
  }
  const aggregate = best.cell < MIN_CELL;
  const pos = new Map<number, Pt>();
  const hosts: Host[] = [];
  const place = (k: number, h: Omit<Host, 'x' | 'y' | 'w' | 'h' | 'gx' | 'gy' | 'cols' | 'showLabel'>) => {
    const col = k % best.cols, row = Math.floor(k / best.cols);
    const x = box.x + GAP + col * (best.hw + GAP), y = box.y + TITLE + GAP + row * (best.hh + GAP);
    const cols = aggregate ? 1 : Math.max(1, Math.floor((best.hw - 12) / best.cell));
    const host: Host = { ...h, x, y, w: best.hw, h: best.hh, gx: x + 6, gy: y + best.header, cols, showLabel: best.header > 12 };
    if (!aggregate) {
      h.envs.forEach((i, s) => pos.set(e.id[i], [host.gx + (s % cols) * best.cell + best.cell / 2, host.gy + Math.floor(s / cols) * best.cell + best.cell / 2]));
    } else {
      for (const i of h.envs) pos.set(e.id[i], [x + best.hw / 2, y + best.hh / 2]);
    }
    hosts.push(host);
  };
  sv.workers.forEach((w, k) => place(k, {
    id: w.id, state: w.state, failed: false, envs: byWorker.get(w.id) ?? [], pool: w.pool, booting: w.booting, poolSize: w.poolSize,
    leaseStartMs: w.leaseStartMs, leaseEndMs: w.leaseEndMs, drainAtMs: w.drainAtMs,
  }));
  failed.forEach((f, k) => place(sv.workers.length + k, {
    id: f.id, state: 'Failed', failed: true, envs: [], pool: 0, booting: 0, poolSize: 0, leaseStartMs: NaN, leaseEndMs: NaN, drainAtMs: NaN,
  }));
  return { hosts, cell: best.cell, aggregate, pos, header: best.header };
}

/** The largest square cell (≤ MAX_CELL) such that `slots` cells fit in w × h. */
function fit(w: number, h: number, slots: number): number {
  let lo = 0, hi = MAX_CELL;
  for (let it = 0; it < 20; it++) {
    const s = (lo + hi) / 2;
    if (s > 0 && Math.floor(w / s) * Math.floor(h / s) >= slots) lo = s; else hi = s;
  }
  return Math.floor(lo * 10) / 10;
}

/** What is under a logical point of the fleet: a microVM (environment id) or a host (worker id). */
export function hitFleet(layout: FleetLayout, frame: FrameView, p: Pt): { kind: 'environment' | 'worker'; id: number } | null {
  for (const h of layout.hosts) {
    if (p[0] < h.x || p[0] > h.x + h.w || p[1] < h.y || p[1] > h.y + h.h) continue;
    if (!layout.aggregate && p[1] >= h.gy) {
      const col = Math.floor((p[0] - h.gx) / layout.cell), row = Math.floor((p[1] - h.gy) / layout.cell);
      const slot = row * h.cols + col;
      if (col >= 0 && col < h.cols && slot < h.envs.length) return { kind: 'environment', id: frame.environments.id[h.envs[slot]] };
    }
    return h.failed ? null : { kind: 'worker', id: h.id };
  }
  return null;
}
