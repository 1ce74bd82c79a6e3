import type { SeriesPoint } from '../protocol/messages';
import type { SeriesStore } from './seriesStore';

/**
 * What of the series a frame must carry: the points that replace the page's copy from index
 * `from` (0 after a load, a change of resolution or a fork; the old length when the run went
 * on; a shorter length, with no points, after a seek back).
 */
export class SeriesDelta {
  private sent = { level: -1, count: 0, generation: -1, store: null as SeriesStore | null };

  next(store: SeriesStore, nowMs: number): { from: number; points: SeriesPoint[]; intervalMs: number } {
    const v = store.view(nowMs);
    const s = this.sent;
    let from: number;
    if (s.store !== store || v.level !== s.level || store.generation !== s.generation) from = 0;
    else from = Math.min(s.count, v.count);
    this.sent = { level: v.level, count: v.count, generation: store.generation, store };
    return { from, points: v.points.slice(from, v.count), intervalMs: v.intervalMs };
  }
}
