import type { ArrivalFormat, Detected } from './formats';

/**
 * A trace replay as part of a scenario: which file (by the host's feed id), its format,
 * and how its functions map onto the scenario's — everything a simulation needs to rebuild
 * the arrival source from the start, so that every run of the scenario (a fresh run, a
 * replay for export, a restored checkpoint, side B of a comparison) replays the same trace.
 * Plain data. Set by the trace loader (io/traceLoad.ts), never by scenario JSON.
 */
export interface TraceReplay {
  /** The host's reader of the file (traces/pull.ts); not part of what is simulated. */
  feed: string;
  /** The file's name, for people. */
  file: string;
  format: ArrivalFormat;
  detected: Detected;
  /** Trace function key (`app/func`, or "" for a timestamps file) → index into `targetNames`. */
  keyToTarget: Record<string, number>;
  /** Scenario function of each target. */
  targetNames: string[];
  /** Azure 2021: the reorder window (see mapping.ts). */
  horizonMs: number;
  /** Azure 2019: invocations per minute of each target (read whole by the loader: 1,440 numbers a function). */
  counts: number[][] | null;
}
