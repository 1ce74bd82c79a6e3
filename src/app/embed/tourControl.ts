import { useUi } from '../store/uiStore';
import { chapterById } from '../tours/chapters';
import { openTourStep } from '../tours/tourEngine';

/**
 * The few things slides, presenter mode and the postMessage API need from the tours, in one
 * place: which step is open, its view, and moving to the next or previous step.
 */
export function currentStep(): { id: string; step: number; count: number; title: string; text: string; view?: string } | null {
  const t = useUi.getState().tour;
  const ch = t ? chapterById(t.id) : undefined;
  if (!t || !ch) return null;
  const s = ch.steps[t.step - 1];
  return s ? { id: t.id, step: t.step, count: ch.steps.length, title: s.title, text: s.text, view: s.view } : null;
}

/**
 * Moves the open tour by one step. Resolves to null when it moved (once the step is shown),
 * or to the reason it could not (no tour open, already at the first or last step).
 */
export async function moveTour(delta: 1 | -1): Promise<string | null> {
  const cur = currentStep();
  if (!cur) return 'no tour is open';
  const n = cur.step + delta;
  if (n < 1) return `already at the first step of tour "${cur.id}"`;
  if (n > cur.count) return `already at the last step (${cur.count} of ${cur.count}) of tour "${cur.id}"`;
  const ok = await openTourStep(cur.id, n);
  return ok ? null : `tour "${cur.id}" could not open step ${n}`;
}

/** The view a slide shows: the one the URL names, else the open tour step's, else `fallback`. */
export function slideView(named: string, tourView: string | undefined, fallback: string): string {
  if (named !== 'all') return named;
  return tourView ?? fallback;
}
