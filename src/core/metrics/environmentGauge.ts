import type { EnvironmentState } from '../machines/environmentMachine';
import type { GaugeState } from '../model/simState';

/**
 * Time-weighted counts of environments by category, integrated exactly (area under each
 * step function), so means cover the whole simulated span however long it is.
 * An environment counts from the moment it is placed until it is terminated.
 */
export const Category = { Initializing: 0, Busy: 1, Idle: 2, ShuttingDown: 3, None: 4 } as const;
export type Category = (typeof Category)[keyof typeof Category];

export const CATEGORY_OF: Record<EnvironmentState, Category> = {
  Provisioning: Category.Initializing,
  Restoring: Category.Initializing,
  'Initializing.ExtensionInit': Category.Initializing,
  'Initializing.RuntimeInit': Category.Initializing,
  'Initializing.FunctionInit': Category.Initializing,
  InitRetry: Category.Busy,
  Invoking: Category.Busy,
  Idle: Category.Idle,
  Reset: Category.Idle,
  ShuttingDown: Category.ShuttingDown,
  Terminated: Category.None,
};

export function createGauge(startMs: number): GaugeState {
  return { now: [0, 0, 0, 0, 0], area: [0, 0, 0, 0, 0], total: 0, peak: 0, lastMs: startMs };
}

function advance(g: GaugeState, atMs: number): void {
  const dt = atMs - g.lastMs;
  if (dt > 0) {
    for (let i = 0; i < 4; i++) g.area[i] += g.now[i] * dt;
    g.lastMs = atMs;
  }
}

export function gaugeMove(g: GaugeState, atMs: number, from: Category, to: Category): void {
  if (from === to) return;
  advance(g, atMs);
  g.now[from]--;
  g.now[to]++;
  if (from === Category.None) g.total++;
  if (to === Category.None) g.total--;
  if (g.total > g.peak) g.peak = g.total;
}

/**
 * Mean count of each category over [startMs, atMs]. Pure: it never folds the open interval
 * into the running areas, so reading a summary mid-run cannot change later figures.
 */
export function gaugeMeans(g: GaugeState, startMs: number, atMs: number): { initializing: number; busy: number; idle: number; shuttingDown: number; total: number } {
  const span = atMs - startMs;
  if (span <= 0) return { initializing: 0, busy: 0, idle: 0, shuttingDown: 0, total: 0 };
  const open = Math.max(0, atMs - g.lastMs);
  const [i, b, d, s] = g.area.slice(0, 4).map((a, k) => (a + g.now[k] * open) / span);
  return { initializing: i, busy: b, idle: d, shuttingDown: s, total: i + b + d + s };
}
