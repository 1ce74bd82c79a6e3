import { useUi } from '../store/uiStore';
import { chapterById } from '../tours/chapters';
import { MarkedText } from '../tours/MarkedText';

/** The open tour step in a slide: its title and text, read-only (the presenter talks over it). */
export function EmbedNarration() {
  const tour = useUi((s) => s.tour);
  const ch = tour ? chapterById(tour.id) : undefined;
  const step = tour && ch ? ch.steps[tour.step - 1] : undefined;
  if (!tour || !ch || !step) return null;
  return (
    <section className="embed-narration" data-tour-narration aria-live="polite" data-testid="embed.narration">
      <h2><span className="embed-step">{tour.step} / {ch.steps.length}</span> <MarkedText text={step.title} /></h2>
      <p><MarkedText text={step.text} /></p>
    </section>
  );
}
