import type { Detected } from './formats';
import type { TraceReplay } from './replay';
import { isBlank, parseRow } from './rows';
import { createTimeHeap, heapPush, type TimeHeap } from './timeHeap';

/**
 * A trace as an arrival source of the simulation: plain data only (a cursor into the file,
 * a buffer of pending arrivals, counters), so it is copied with a checkpoint and can be
 * snapshot like any record. The host (CLI, worker) reads the file in chunks of rows and
 * feeds them in (`feed.ts`); the core only ever schedules arrivals it knows are complete.
 *
 * Determinism whatever the chunk sizes: an arrival is scheduled only once it is *settled* —
 * earlier than the watermark (no row still unread can hold an earlier arrival) or the file
 * is done — and the host runs the simulation only to times below the watermark. Each
 * arrival is one `trace.arrival` event with a priority no other event has, and only one is
 * pending at a time, so where it sits among same-time events never depends on when it was
 * scheduled.
 */
export interface StreamSource {
  kind: 'stream';
  /** The host's reader (traces/pull.ts). */
  feed: string;
  format: 'azure2021' | 'timestamps';
  detected: Detected;
  keyToTarget: Record<string, number>;
  targetNames: string[];
  horizonMs: number;
  pending: TimeHeap;
  /** Every arrival in rows not yet read lies at or after this time (ms). */
  watermarkMs: number;
  /** Latest ordering time read: a timestamp, or a 2021 end time (ms). */
  latestMs: number;
  /** Data lines consumed after the header (blank ones too): where the host resumes reading. */
  linesRead: number;
  /** 1-based file line of the first data line (2 with a header, 1 without). */
  firstLine: number;
  done: boolean;
  scheduled: boolean;
  stats: TraceStats;
}

/**
 * An Azure 2019 day: per-minute counts of the mapped functions, read whole in the first
 * passes (1,440 numbers per mapped function), spread into arrivals lazily. Within a minute
 * with n invocations, the arrival times are n independent uniform points in the minute,
 * generated in increasing order (sequential order statistics: U₁ = 1 − V^(1/n),
 * U_{k+1} = 1 − (1 − U_k)·V^(1/(n−k)), V uniform), from one seeded stream per function
 * (`trace:<function>`): a Poisson process whose rate is constant within each minute,
 * conditioned on the published count.
 */
export interface MinuteSource {
  kind: 'minutes';
  targetNames: string[];
  /** counts[target][minute]: invocations of that minute. */
  counts: number[][];
  /** Per target: current minute, arrivals drawn in it, the last order statistic. */
  minute: number[];
  drawn: number[];
  u: number[];
  pending: TimeHeap;
  done: true;
  scheduled: boolean;
  stats: TraceStats;
}

export interface TraceStats {
  /** Arrivals handed to the Frontend so far. */
  fired: number;
  /** Rows of trace functions the mapping skipped. */
  skipped: number;
  /** Arrivals moved later to the watermark because their row came too late (out of order beyond the horizon). */
  clamped: number;
}

export type TraceSource = StreamSource | MinuteSource;

/** Workload source of trace requests (invocation.source): the trace is not a workload entry. */
export const TRACE_SOURCE = -2;

/** The arrival source of a new run of `r`. */
export function createTraceSource(r: TraceReplay): TraceSource {
  if (r.format === 'azure2019') return createMinuteSource(r);
  const d: Detected = r.detected;
  return {
    kind: 'stream', feed: r.feed, format: r.format, detected: d, keyToTarget: { ...r.keyToTarget }, targetNames: [...r.targetNames],
    horizonMs: r.format === 'azure2021' ? r.horizonMs : 0, pending: createTimeHeap(), watermarkMs: -Infinity, latestMs: -Infinity,
    linesRead: 0, firstLine: d.header ? 2 : 1, done: false, scheduled: false, stats: { fired: 0, skipped: 0, clamped: 0 },
  };
}

/** Whether the host must read more rows before the simulation may run to `untilMs`. */
export function needsRows(src: TraceSource, untilMs: number): boolean {
  return !src.done && src.watermarkMs <= untilMs;
}

/** Adds rows read from the file (in order, resuming at `linesRead`); `eof` once the file is over. */
export function addRows(src: StreamSource, rows: readonly string[][], eof: boolean): void {
  const d = src.detected;
  const c = d.columns;
  const is2021 = src.format === 'azure2021';
  const [cApp, cFunc, cEnd, cDur] = is2021 ? [c.app, c.func, c.end_timestamp, c.duration] : [0, 0, 0, 0];
  for (let i = 0; i < rows.length; i++) {
    const line = src.linesRead + i;
    const row = rows[i];
    if (isBlank(row)) continue;
    // The hot path of a replay: fields are read in place (the first pass validated every row).
    let at: number, dur = NaN, order: number, key: string;
    if (is2021) {
      const end = Number(row[cEnd]) * 1000;
      dur = Number(row[cDur]) * 1000;
      at = Math.max(0, end - dur);
      order = end;
      key = row[cApp] + '/' + row[cFunc];
    } else {
      at = order = Number(row[0]);
      key = '';
    }
    if (!(at >= 0) || !(dur >= 0 || !is2021)) {
      const r = parseRow(d, row as string[], src.firstLine + line);
      throw new Error(`trace changed since it was checked: ${typeof r === 'string' ? r : `line ${src.firstLine + line}`}`);
    }
    const target = src.keyToTarget[key];
    if (target === undefined) {
      src.stats.skipped++;
    } else {
      if (at < src.watermarkMs) { at = src.watermarkMs; src.stats.clamped++; }
      heapPush(src.pending, at, line, target, dur);
    }
    if (order > src.latestMs) {
      src.latestMs = order;
      src.watermarkMs = Math.max(src.watermarkMs, order - src.horizonMs);
    }
  }
  src.linesRead += rows.length;
  if (eof) src.done = true;
}

function createMinuteSource(r: TraceReplay): MinuteSource {
  const counts = (r.counts ?? []).map((c) => [...c]);
  return {
    kind: 'minutes', targetNames: [...r.targetNames], counts,
    minute: counts.map(() => -1), drawn: counts.map(() => 0), u: counts.map(() => 0),
    pending: createTimeHeap(), done: true, scheduled: false, stats: { fired: 0, skipped: 0, clamped: 0 },
  };
}
