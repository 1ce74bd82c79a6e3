import { useUi, type JobProgress as Progress } from './store/uiStore';
import { send } from './simClient';
import { formatDuration, formatTime } from './format';

/** Long operations that take longer than this get a visible progress bar with Cancel (wall ms). */
const SHOW_AFTER_MS = 300;

function describe(p: Progress): string {
  switch (p.op) {
    case 'seek': return `Simulating to t = ${formatTime(p.targetMs ?? p.atMs)}`;
    case 'stepBack': return 'Stepping back one event (replaying from a checkpoint)';
    case 'stepToInteresting': return 'Running to the next interesting event';
    case 'export': return 'Replaying the run for the export';
    case 'restart': return 'Replaying to the last good moment';
  }
}

/**
 * What the worker is busy with, once it has taken more than ~300 ms: the operation, the
 * simulated time reached, the fraction done and an estimate of the wall time left, and a
 * Cancel button (the run then stays at a consistent moment, and a notice says where).
 */
export function JobProgress() {
  const p = useUi((s) => s.progress);
  if (!p || p.elapsedMs < SHOW_AFTER_MS) return null;
  const pct = p.fraction === null ? null : p.fraction * 100;
  return (
    <div className="notice info job-progress" role="status" aria-live="polite" data-testid="job-progress">
      <div>
        <strong>{describe(p)}…</strong>{' '}
        <span data-testid="job-progress.at">now at t = {formatTime(p.atMs)}</span>
        {pct !== null && <> · <span data-testid="job-progress.percent">{pct < 10 ? pct.toFixed(1) : Math.floor(pct)} %</span></>}
        {p.etaMs !== null && <> · about {formatDuration(p.etaMs)} left</>}
        {pct !== null && <progress max={100} value={pct} aria-label="Progress" />}
      </div>
      <button data-testid="job-progress.cancel" onClick={() => send({ type: 'cancel' })}>Cancel</button>
    </div>
  );
}
