import type { ReactNode } from 'react';
import { useUi } from '../store/uiStore';
import { chapterById } from '../tours/chapters';
import { MarkedText } from '../tours/MarkedText';

/**
 * The open tour step in a slide, read-only (the presenter talks over it). `brief` (an embed):
 * one line — step and title, with `aside` (the clock) at its end — so the picture keeps the
 * frame's height and its text stays at the slide floor; the step's text is still read out
 * to screen readers. Presenter mode shows the text too, in large type.
 */
export function EmbedNarration({ brief = false, aside }: { brief?: boolean; aside?: ReactNode }) {
  const tour = useUi((s) => s.tour);
  const ch = tour ? chapterById(tour.id) : undefined;
  const step = tour && ch ? ch.steps[tour.step - 1] : undefined;
  if (!tour || !ch || !step) return null;
  return (
    <section className={`embed-narration ${brief ? 'brief' : ''}`} data-tour-narration aria-live="polite" data-testid="embed.narration">
      <div className="embed-narration-head">
        <h2><span className="embed-step">{tour.step} / {ch.steps.length}</span> <MarkedText text={step.title} /></h2>
        {aside}
      </div>
      <p className={brief ? 'sr-only' : undefined}><MarkedText text={step.text} /></p>
    </section>
  );
}
