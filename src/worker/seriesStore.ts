import type { SeriesPoint } from '../protocol/messages';

/**
 * The run's time series, sampled at fixed simulated boundaries, the same by every path.
 *
 * State is constant between events, so the value at boundary b is exact: it is the state
 * after everything at or before b, read just before the clock moves past b (the run calls
 * `sampleBefore(te)` before running an event at te > b, and before moving the clock to a
 * seek's target). A boundary equal to the clock is not sampled yet: an input may still
 * arrive at that very millisecond.
 *
 * Resolution adapts to the moment shown: level k holds the boundaries j × LADDER[k] for
 * j = 0…CAP; the series at time t is the finest level whose span covers t, so it has at most
 * CAP + 1 points, and which points it has depends only on t — never on how the page got
 * there (a straight run, a seek, a link, a step back). Levels are kept for the whole
 * explored run; a fork (an input in the past) truncates them at its moment.
 */
export const SERIES_LADDER_MS = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];
export const SERIES_CAP = 3000;

export type Sample = (boundaryMs: number) => SeriesPoint;

export class SeriesStore {
  private readonly levels: SeriesPoint[][] = SERIES_LADDER_MS.map(() => []);
  /** The smallest boundary not yet sampled by any level (Infinity once every level is full). */
  nextMs = 0;
  /** Changes when points already handed out were removed (a fork). */
  generation = 0;

  /** Samples every boundary b < `beforeMs` not sampled yet. */
  sampleBefore(beforeMs: number, sample: Sample): void {
    while (this.nextMs < beforeMs) {
      const b = this.nextMs;
      const p = sample(b);
      for (let k = 0; k < this.levels.length; k++) if (this.nextOf(k) === b) this.levels[k].push(p);
      this.nextMs = this.computeNext();
    }
  }

  /** Forgets boundaries at or after `atMs`: the run's future changed there. */
  truncate(atMs: number): void {
    let changed = false;
    for (let k = 0; k < this.levels.length; k++) {
      const keep = Math.ceil(atMs / SERIES_LADDER_MS[k]);
      if (this.levels[k].length > keep) { this.levels[k].length = keep; changed = true; }
    }
    if (changed) this.generation++;
    this.nextMs = this.computeNext();
  }

  /** The series shown at `nowMs`: its level, interval and points (boundaries before `nowMs`). */
  view(nowMs: number): { level: number; intervalMs: number; points: SeriesPoint[]; count: number } {
    const level = levelFor(nowMs);
    const points = this.levels[level];
    const count = Math.min(points.length, Math.ceil(nowMs / SERIES_LADDER_MS[level]));
    return { level, intervalMs: SERIES_LADDER_MS[level], points, count };
  }

  private nextOf(k: number): number {
    const n = this.levels[k].length;
    return n > SERIES_CAP ? Infinity : n * SERIES_LADDER_MS[k];
  }

  private computeNext(): number {
    let m = Infinity;
    for (let k = 0; k < this.levels.length; k++) m = Math.min(m, this.nextOf(k));
    return m;
  }
}

/** The finest level whose CAP intervals span `nowMs`. */
export function levelFor(nowMs: number): number {
  for (let k = 0; k < SERIES_LADDER_MS.length; k++) if (SERIES_CAP * SERIES_LADDER_MS[k] >= nowMs) return k;
  return SERIES_LADDER_MS.length - 1;
}
