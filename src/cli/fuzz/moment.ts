import type { Simulation } from '../../core/simulation';
import { summarize } from '../../core/summary';

/**
 * What two paths must agree on at a moment: virtual time, events processed, the event log's
 * SHA-256 so far (the built-in hasher can be read at any moment) and the whole summary.
 */
export interface Moment { atMs: number; events: number; records: number; digest: string; summary: string }

export function momentOf(sim: Simulation): Moment {
  const { wallMs, ...summary } = summarize(sim);
  void wallMs;
  return { atMs: sim.nowMs, events: sim.eventsProcessed, records: sim.state.log.count, digest: sim.eventLogSha256(), summary: JSON.stringify(summary) };
}

/** The first field in which two moments differ, in words; null when they agree. */
export function momentDiff(straight: Moment, other: Moment): string | null {
  for (const k of ['atMs', 'events', 'records', 'digest'] as const) {
    if (straight[k] !== other[k]) return `${k}: straight run ${straight[k]}, this path ${other[k]}`;
  }
  if (straight.summary !== other.summary) {
    const a = JSON.parse(straight.summary), b = JSON.parse(other.summary);
    return `summary differs: ${firstDifference(a, b, 'summary') ?? 'somewhere'}`;
  }
  return null;
}

function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return a === b ? null : `${path}: straight run ${JSON.stringify(a)}, this path ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
