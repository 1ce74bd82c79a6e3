import { request, send } from '../simClient';
import { notify, useUi } from '../store/uiStore';
import { chapterById, CHAPTERS } from './chapters';
import { stepSpeed, type TourStep } from './types';

/** The speed the user had before a tour took over playback; restored when it closes. */
let speedBefore: number | null = null;

/**
 * Opens a tour step: loads the chapter's scenario if it is not the one running, seeks to
 * the step's window start, focuses the scene on the parts the text names, and plays the
 * window in slow motion, pausing exactly at its end (the worker's `play { untilMs }`).
 * Records the step in the URL so "Copy link" and reloads land on it. Steps are 1-based.
 */
export async function openTourStep(id: string, step: number): Promise<boolean> {
  const ch = chapterById(id);
  if (!ch) {
    notify(`Tour "${id}" does not exist (tours: ${CHAPTERS.map((c) => c.id).join(', ')})`);
    return false;
  }
  const n = Math.min(Math.max(1, Math.floor(step) || 1), ch.steps.length);
  if (n !== step) notify(`Tour "${id}" has steps 1 to ${ch.steps.length}; showing step ${n}`);
  const s = useUi.getState();
  if (!s.tour && speedBefore === null) speedBefore = s.speed;
  send({ type: 'pause' });
  if (s.scenarioName !== ch.scenario.name) {
    const r = await request({ type: 'load', scenario: ch.scenario, playing: false, speed: s.speed });
    if (!r.ok) {
      notify(`Tour "${id}" could not load its scenario: ${r.message}`, 'error');
      return false;
    }
  }
  const st = ch.steps[n - 1];
  useUi.setState({ tour: { id, step: n }, sceneFocus: st.focus, selected: st.follow ? { kind: 'invocation', id: st.follow } : null });
  await playStep(st);
  const url = new URL(location.href);
  url.searchParams.set('tour', id);
  url.searchParams.set('step', String(n));
  url.searchParams.delete('t');
  url.searchParams.delete('scenario');
  history.replaceState(null, '', url);
  return true;
}

/** Plays a step's window from its start: seek, slow-motion speed, play until its end. */
async function playStep(st: TourStep): Promise<void> {
  await request({ type: 'seek', timeMs: st.fromMs });
  const speed = stepSpeed(st);
  send({ type: 'setSpeed', speed });
  useUi.setState({ speed });
  send({ type: 'play', untilMs: st.toMs });
}

/** The current step, if a tour is open. */
export function currentStep(): TourStep | null {
  const t = useUi.getState().tour;
  return t ? chapterById(t.id)?.steps[t.step - 1] ?? null : null;
}

/** Plays the current step's window again from its start. */
export function replayStep(): void {
  const st = currentStep();
  if (st) void playStep(st);
}

/** Resumes the current step where it was paused, up to the window's end. */
export function resumeStep(): void {
  const st = currentStep();
  if (!st) return;
  const now = useUi.getState().frame?.timeMs ?? st.fromMs;
  if (now >= st.toMs || now < st.fromMs) return replayStep();
  send({ type: 'play', untilMs: st.toMs });
}

export function tourNext(delta: 1 | -1): void {
  const t = useUi.getState().tour;
  if (!t) return;
  const ch = chapterById(t.id);
  if (!ch) return;
  const n = t.step + delta;
  if (n < 1 || n > ch.steps.length) return;
  void openTourStep(t.id, n);
}

export function closeTour(): void {
  send({ type: 'pause' });
  if (speedBefore !== null) {
    send({ type: 'setSpeed', speed: speedBefore });
    useUi.setState({ speed: speedBefore });
    speedBefore = null;
  }
  useUi.setState({ tour: null, sceneFocus: null });
  const url = new URL(location.href);
  url.searchParams.delete('tour');
  url.searchParams.delete('step');
  history.replaceState(null, '', url);
}
