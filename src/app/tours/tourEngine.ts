import { request, send } from '../simClient';
import { notify, useUi } from '../store/uiStore';
import { chapterById, CHAPTERS } from './chapters';

/**
 * Opens a tour step: loads the chapter's scenario if it is not the one running, pauses, and
 * seeks to the step's moment; then records it in the URL so "Copy link" and reloads land on
 * the same step. Steps are 1-based, as in `?step=N`.
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
  send({ type: 'pause' });
  if (s.scenarioName !== (ch.scenario as { name: string }).name) {
    const r = await request({ type: 'load', scenario: ch.scenario, playing: false, speed: s.speed });
    if (!r.ok) {
      notify(`Tour "${id}" could not load its scenario: ${r.message}`, 'error');
      return false;
    }
  }
  await request({ type: 'seek', timeMs: ch.steps[n - 1].atMs });
  useUi.setState({ tour: { id, step: n }, playing: false });
  const url = new URL(location.href);
  url.searchParams.set('tour', id);
  url.searchParams.set('step', String(n));
  url.searchParams.delete('t');
  url.searchParams.delete('scenario');
  history.replaceState(null, '', url);
  const view = ch.steps[n - 1].view;
  if (view) document.querySelector(`[data-view="${view}"]`)?.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  return true;
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
  useUi.setState({ tour: null });
  const url = new URL(location.href);
  url.searchParams.delete('tour');
  url.searchParams.delete('step');
  history.replaceState(null, '', url);
}
