import { uniform, uniformOpen, type StreamState } from '../engine/random';
import type { ArrivalState } from '../model/simState';
import type { Arrival, WorkloadEntry } from '../scenario/types';
import { ln, sin } from '../engine/fmath';

/**
 * Arrival processes (CONTRACTS.md §1), generated lazily: the core asks for the next arrival
 * time only when the previous one fires, so the event list holds one pending arrival per
 * workload entry whatever the rate. Time-varying rates (ramp, diurnal) use thinning
 * (Lewis & Shedler): candidate arrivals at the peak rate, each kept with probability
 * rate(t) / peak — exact for a non-homogeneous Poisson process.
 */

/** Requests that arrive together at one arrival event (a burst fires `count` at once). */
export function requestsPerArrival(a: Arrival): number {
  return a.process === 'burst' ? a.count : 1;
}

/** The first arrival at or after `entry.startMs`, or Infinity. */
export function firstArrival(entry: WorkloadEntry, st: ArrivalState, rng: StreamState): number {
  const a = entry.arrival;
  if (a.process === 'constant') return clip(entry, entry.startMs);
  return nextArrival(entry, st, rng, entry.startMs);
}

/** The next arrival strictly after `afterMs` (or at it, for same-time traces), or Infinity. */
export function nextArrival(entry: WorkloadEntry, st: ArrivalState, rng: StreamState, afterMs: number): number {
  const a = entry.arrival;
  switch (a.process) {
    case 'poisson':
      return clip(entry, afterMs - (1000 / a.ratePerSec) * ln(uniformOpen(rng)));
    case 'constant':
      return clip(entry, afterMs + 1000 / a.ratePerSec);
    case 'burst': {
      if (st.cursor > 0) return Infinity;
      st.cursor = 1;
      return clip(entry, Math.max(a.atMs, entry.startMs));
    }
    case 'trace': {
      while (st.cursor < a.timesMs.length && a.timesMs[st.cursor] < entry.startMs) st.cursor++;
      if (st.cursor >= a.timesMs.length) return Infinity;
      return clip(entry, a.timesMs[st.cursor++]);
    }
    case 'ramp':
    case 'diurnal': {
      const peak = a.process === 'ramp' ? Math.max(a.fromPerSec, a.toPerSec) : a.meanPerSec * (1 + a.amplitude);
      if (peak <= 0) return Infinity;
      let t = afterMs;
      // Bounded: if the rate stays ~0 for a long stretch, give up after a day's worth of candidates.
      for (let i = 0; i < 1_000_000; i++) {
        t -= (1000 / peak) * ln(uniformOpen(rng));
        if (t > entry.endMs) return Infinity;
        if (uniform(rng) * peak < rateAt(a, entry.startMs, t)) return t;
      }
      return Infinity;
    }
  }
}

/** Instantaneous rate (per second) of a time-varying process at time t. */
export function rateAt(a: Arrival, startMs: number, t: number): number {
  switch (a.process) {
    case 'ramp': {
      const f = Math.min(1, Math.max(0, (t - startMs) / a.overMs));
      return a.fromPerSec + (a.toPerSec - a.fromPerSec) * f;
    }
    case 'diurnal':
      return a.meanPerSec * (1 + a.amplitude * sin((2 * Math.PI * (t - startMs)) / a.periodMs));
    case 'poisson':
    case 'constant':
      return a.ratePerSec;
    case 'burst':
    case 'trace':
      return NaN;
  }
}

function clip(entry: WorkloadEntry, t: number): number {
  return t > entry.endMs ? Infinity : t;
}
