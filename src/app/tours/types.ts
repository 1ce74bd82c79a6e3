import type { Snapshot } from '../../protocol/pageApi';

/**
 * A guided tour chapter: a scenario and narrated steps. Each step is a moment of that
 * deterministic run (the engine loads the scenario and seeks there), so any step can be
 * opened directly from a link (`?tour=ID&step=N`) and looks the same every time.
 */
export interface TourStep {
  title: string;
  /** Narration. Facts come from reference/lambda-facts.md; estimates say so. */
  text: string;
  /** The moment shown, virtual ms. The run is paused there. */
  atMs: number;
  /** Which view the step is about (scrolled into view). */
  view?: 'architecture' | 'timeline' | 'fleet' | 'lifecycle' | 'charts' | 'log';
  /** Ask the learner to predict a number, then check it against the run at `checkAtMs`. */
  predict?: { question: string; unit: string; checkAtMs: number; tolerance: number; answer: (s: Snapshot) => number };
}

export interface Chapter {
  id: string;
  title: string;
  minutes: number;
  scenario: object;
  steps: TourStep[];
}
