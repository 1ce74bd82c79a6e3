import { CHAPTERS } from './chapters';
import { openTourStep } from './tourEngine';

/** The guided tours as a list a first-time visitor wants to click: title, minutes, what you will learn. */
export function ChapterList() {
  return (
    <section className="panel chapters" aria-labelledby="chapters-h" data-testid="chapters">
      <h2 id="chapters-h">Guided tours <small>each step plays in slow motion</small></h2>
      <ol>
        {CHAPTERS.map((c) => (
          <li key={c.id}>
            <button className="chapter" data-testid={`chapter.${c.id}`} onClick={() => void openTourStep(c.id, 1)}>
              <span className="chapter-title">{c.title.replace(/^\d+\.\s*/, '')}</span>
              <span className="chapter-meta">{c.steps.length} steps · ~{c.minutes} min</span>
              <span className="chapter-learn">{c.learn}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
