import type { SimContext } from '../context';
import { uniformOpen } from '../engine/random';
import { exp, ln } from '../engine/fmath';
import type { SimEvent } from '../events';
import { handleRequest } from '../services/frontend';
import { addRows, TRACE_SOURCE, type MinuteSource } from './source';
import { heapPop, heapPush, heapSize } from './timeHeap';

/**
 * The simulation side of a trace replay: schedules the next settled arrival (one
 * `trace.arrival` pending at a time), and on each one hands a request to the Frontend with
 * the trace's duration, if it has one.
 */
const MINUTE_MS = 60_000;

/** Called once when the simulation is built: draws the first arrival of each 2019 function. */
export function startTrace(sim: SimContext): void {
  const src = sim.state.trace;
  if (!src) return;
  if (src.kind === 'minutes') src.counts.forEach((_, j) => drawNext(sim, src, j));
  scheduleHead(sim);
}

/** The host's feed: rows read from the file, in order. See source.ts for why this is deterministic. */
export function feedTrace(sim: SimContext, rows: readonly string[][], eof: boolean): void {
  const src = sim.state.trace;
  if (!src || src.kind !== 'stream') throw new Error('this simulation has no streamed trace');
  addRows(src, rows, eof);
  scheduleHead(sim);
}

function scheduleHead(sim: SimContext): void {
  const src = sim.state.trace!;
  if (src.scheduled || heapSize(src.pending) === 0) return;
  const at = src.pending.at[0];
  if (!src.done && !(at < (src.kind === 'stream' ? src.watermarkMs : Infinity))) return; // not settled yet
  src.scheduled = true;
  sim.schedule(at, TRACE_EVENT);
}

const TRACE_EVENT: SimEvent = { type: 'trace.arrival' };

export function onTraceArrival(sim: SimContext): void {
  const src = sim.state.trace!;
  const nowMs = sim.state.nowMs;
  src.scheduled = false;
  const h = src.pending;
  if (heapSize(h) === 0 || h.at[0] !== nowMs) throw new Error(`trace arrival at ${nowMs} ms does not match the pending one (${h.at[0]} ms)`);
  const target = h.target[0], dur = h.dur[0];
  heapPop(h);
  if (src.kind === 'minutes') drawNext(sim, src, target);
  src.stats.fired++;
  handleRequest(sim, {
    type: 'invoke.request', functionName: src.targetNames[target], mode: 'RequestResponse', payloadBytes: 1024, source: TRACE_SOURCE,
    attempt: 1, maxAttempts: 1, queueDuringOutage: false, asyncEvent: 0, duplicate: false, tenant: 0, ...(dur === dur ? { durationMs: dur } : {}),
  });
  scheduleHead(sim);
}

/** The next arrival of 2019 function `j` (see MinuteSource), or nothing when its day is over. */
function drawNext(sim: SimContext, src: MinuteSource, j: number): void {
  const c = src.counts[j];
  let m = src.minute[j], k = src.drawn[j], u = src.u[j];
  while (m < 0 || k >= c[m]) {
    m++;
    k = 0;
    u = 0;
    if (m >= c.length) { src.minute[j] = m; return; }
  }
  const rng = sim.state.streams[sim.stream(`trace:${src.targetNames[j]}`)];
  u = 1 - (1 - u) * exp(ln(uniformOpen(rng)) / (c[m] - k));
  src.minute[j] = m;
  src.drawn[j] = k + 1;
  src.u[j] = u;
  heapPush(src.pending, (m + u) * MINUTE_MS, j, j, NaN);
}
