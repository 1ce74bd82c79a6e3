import type { Simulation } from '../core/simulation';
import { needsRows } from '../core/traces/source';
import { feedTrace } from '../core/traces/traceArrivals';
import { RowReader } from './rowReader';
import type { PreparedTrace } from './traceLoad';

/**
 * Keeps one simulation's streamed trace fed: before the simulation runs to `untilMs`, reads
 * chunks until every arrival up to then is settled — a bounded window ahead of virtual
 * time, never the whole file. After the simulation was restored to an earlier state (the
 * page's seek back), it resumes at the state's own cursor (`linesRead`).
 */
export class TraceFeeder {
  private readonly reader: RowReader;
  private pos = -1;

  constructor(private readonly t: PreparedTrace) {
    this.reader = new RowReader(t.file.bytes, t.chunkBytes);
  }

  async ready(sim: Simulation, untilMs: number): Promise<void> {
    const src = sim.state.trace;
    if (!src || src.kind !== 'stream' || !needsRows(src, untilMs)) return;
    if (this.pos < 0) {
      await this.reader.first();
      this.reader.start(this.t.detected.header);
      this.pos = 0;
    }
    if (this.pos !== src.linesRead) {
      const c = await this.reader.seekLine(src.linesRead);
      feedTrace(sim, c.rows, c.eof);
      this.pos = src.linesRead;
    }
    while (needsRows(src, untilMs)) {
      const c = await this.reader.next();
      feedTrace(sim, c.rows, c.eof);
      this.pos = src.linesRead;
    }
  }
}

/** Virtual time the simulation runs between two reads of the feeder: the window ahead (ms). */
export const FEED_SLICE_MS = 60_000;

/**
 * Runs `sims` (one, or an A/B pair) together to `untilMs`, in slices, feeding each one's
 * trace first. `onSlice` sees progress as a fraction.
 */
export async function runFed(sims: Simulation[], feeders: (TraceFeeder | null)[], untilMs: number, onSlice?: (fraction: number) => void): Promise<void> {
  const start = Math.min(...sims.map((s) => s.nowMs));
  for (let t = start; t < untilMs;) {
    t = Math.min(untilMs, t + FEED_SLICE_MS);
    for (let i = 0; i < sims.length; i++) {
      await feeders[i]?.ready(sims[i], t);
      sims[i].runUntil(t);
    }
    onSlice?.((t - start) / Math.max(1, untilMs - start));
  }
}
