import type { Snapshot } from '../../protocol/pageApi';

/**
 * A guided tour chapter: a scenario and narrated steps. A step is a window of that
 * deterministic run: opening it seeks to `fromMs` and plays to `toMs` in slow motion (the
 * window takes `seconds` of wall time), then pauses there; it can be replayed. The text
 * describes exactly what happens in the window (chapters.test.ts checks it against the run),
 * so the picture never runs ahead of the words. Any step opens from a link (`?tour=ID&step=N`).
 */
export interface TourStep {
  title: string;
  /** Narration. Facts come from reference/lambda-facts.md; estimates say so. */
  text: string;
  /** The window of the run this step plays, virtual ms. */
  fromMs: number;
  toMs: number;
  /** How long the window takes to play, wall seconds (so a 275 ms cold start can take 8 s). */
  seconds: number;
  /** The scene's parts (data-component names) the text talks about: highlighted, the rest dimmed. */
  focus: string[];
  /** The view a slide or presenter of this step shows when the URL names none (default: the scene). */
  view?: string;
  /** A request to follow (inv-N): selected, labelled, its why-cold beside it, told as far as the moment shown. */
  follow?: number;
  /** Ask the learner to predict a number, then check it against the run at `checkAtMs`. */
  predict?: { question: string; unit: string; checkAtMs: number; tolerance: number; answer: (s: Snapshot) => number };
}

export interface Chapter {
  id: string;
  title: string;
  minutes: number;
  /** What you will learn, in a sentence (the chapter list shows it). */
  learn: string;
  scenario: Record<string, unknown> & { name: string; description: string };
  steps: TourStep[];
}

/** The playback rate of a step: virtual ms per wall ms. */
export function stepSpeed(s: TourStep): number {
  return (s.toMs - s.fromMs) / (s.seconds * 1000);
}
