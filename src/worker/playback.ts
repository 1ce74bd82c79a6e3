import { MAX_SIMULATED_MS, toView } from '../core/index';
import type { FromWorker } from '../protocol/messages';
import type { Pacer } from './pacer';
import type { SeriesDelta } from './seriesDelta';
import type { Session } from './session';

/**
 * One paced slice of playback: speed × wall time since the last slice, within `budgetMs` of
 * wall time, never past the maximum simulated time. At full speed the clock stays at the
 * last event (it never jumps ahead over nothing), except when playing to `untilMs`. Says
 * whether playback must stop, and why.
 */
export function playSlice(s: Session, pacer: Pacer, budgetMs: number, untilMs = Infinity): { lagging: boolean; stop: null | 'nothing-left' | 'max-time' | 'until' } {
  const advance = pacer.advance();
  const deadline = pacer.budget(budgetMs);
  const asFast = advance === Infinity;
  const end = Math.min(MAX_SIMULATED_MS, untilMs);
  // Playing up to `untilMs` (a tour step's window) runs the clock exactly there, events or not.
  const target = Math.min(end, asFast ? Infinity : s.sim.nowMs + advance);
  const reached = s.runFor(target, () => pacer.wallNow() > deadline, !asFast || target === untilMs);
  const next = s.sim.nextEventMs();
  let stop: null | 'nothing-left' | 'max-time' | 'until' = null;
  if (untilMs !== Infinity && s.sim.nowMs >= untilMs) stop = 'until';
  else if (asFast && next === Infinity && untilMs === Infinity) stop = 'nothing-left';
  else if (s.sim.nowMs >= MAX_SIMULATED_MS || (asFast && next > MAX_SIMULATED_MS)) stop = 'max-time';
  return { lagging: !reached || (asFast && stop === null), stop };
}

/** The frame the page draws: the view, the exact moment (event count), and the series points it lacks. */
export function buildFrame(s: Session, series: SeriesDelta, o: { playing: boolean; speed: number; lagging: boolean }): Extract<FromWorker, { type: 'frame' }> {
  const frame = toView(s.sim, { recentLimit: 120, inflightLimit: 200, logLimit: 150 });
  const d = series.next(s.series, s.sim.nowMs);
  return { type: 'frame', frame, events: s.sim.eventsProcessed, ...o, series: d.points, seriesFrom: d.from, seriesIntervalMs: d.intervalMs };
}
