import type { EnvironmentState } from '../machines/environmentMachine';

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

export class EnvironmentGauge {
  readonly now = [0, 0, 0, 0, 0];
  readonly area = [0, 0, 0, 0, 0];
  total = 0;
  peak = 0;
  private lastMs: number;

  constructor(startMs: number) {
    this.lastMs = startMs;
  }

  private advance(atMs: number): void {
    const dt = atMs - this.lastMs;
    if (dt > 0) {
      for (let i = 0; i < 4; i++) this.area[i] += this.now[i] * dt;
      this.lastMs = atMs;
    }
  }

  move(atMs: number, from: Category, to: Category): void {
    if (from === to) return;
    this.advance(atMs);
    this.now[from]--;
    this.now[to]++;
    if (from === Category.None) this.total++;
    if (to === Category.None) this.total--;
    if (this.total > this.peak) this.peak = this.total;
  }

  /**
   * Mean count of each category over [startMs, atMs]. Pure: it never folds the open interval
   * into the running areas, so reading a summary mid-run cannot change later figures.
   */
  means(startMs: number, atMs: number): { initializing: number; busy: number; idle: number; shuttingDown: number; total: number } {
    const span = atMs - startMs;
    if (span <= 0) return { initializing: 0, busy: 0, idle: 0, shuttingDown: 0, total: 0 };
    const open = Math.max(0, atMs - this.lastMs);
    const [i, b, d, s] = this.area.slice(0, 4).map((a, k) => (a + this.now[k] * open) / span);
    return { initializing: i, busy: b, idle: d, shuttingDown: s, total: i + b + d + s };
  }
}
