import type { SimContext } from '../context';
import { feedTrace } from './traceArrivals';

/**
 * How a simulation pulls a streamed trace as its virtual time advances. The file is read by
 * the host (the CLI from disk, the worker from a File with FileReaderSync); the host
 * registers a puller under the replay's `feed` id, and the simulation asks it for the next
 * chunk of rows whenever it is about to run to a time the rows read so far do not settle
 * (see source.ts). The puller is a binding to I/O, like a file descriptor, not state: a
 * restored checkpoint finds it by the id in its state and resumes at its own cursor
 * (`linesRead`). Without a registered puller nothing is pulled; a host may then feed rows
 * itself with `feedTrace`.
 */
export interface TracePuller {
  /** The next chunk of data lines from line `fromLine` (after the header): `eof` when the file is over. */
  pull(fromLine: number): { rows: string[][]; eof: boolean };
}

const pullers = new Map<string, TracePuller>();

export function registerTracePuller(feed: string, p: TracePuller): () => void {
  pullers.set(feed, p);
  return () => { if (pullers.get(feed) === p) pullers.delete(feed); };
}

/**
 * Makes the trace's arrivals up to `untilMs` settled, reading chunks as needed. `peek` is the
 * time of the next pending event: reading stops as soon as the trace's own next arrival is
 * settled and scheduled (at most one chunk past what is needed).
 */
export function settleTrace(ctx: SimContext, untilMs: number, peek: () => number): void {
  const src = ctx.state.trace;
  if (!src || src.kind !== 'stream' || src.done || src.watermarkMs > Math.min(untilMs, peek())) return;
  const p = pullers.get(src.feed);
  if (!p) return;
  while (!src.done && src.watermarkMs <= Math.min(untilMs, peek())) {
    const c = p.pull(src.linesRead);
    feedTrace(ctx, c.rows, c.eof);
  }
}

