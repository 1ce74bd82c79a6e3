import * as core from '../../core/index';
import type { Scenario } from '../../core/scenario/types';
import { Checkpoints } from '../../worker/checkpoints';
import { Session, UserError, type Input, type Recorded } from '../../worker/session';
import { momentDiff, momentOf, type Moment } from './moment';
import { FuzzFailure, type Step } from './types';

/**
 * The time-travelling path: the page's Session driven through the same script, plus every
 * excursion in it (seek back and forward again, step back, fork, crash and recover,
 * snapshot and restore). After every step its moment must equal the straight run's.
 * Returns the session, for the hashing checks.
 */
export function runTravelling(scenario: Scenario, script: Step[], straight: Moment[], outOfTime: () => boolean, checkpointEvery?: number): Session {
  let s = session(scenario, checkpointEvery);
  /** The clock stands at the last event's time (reached by single steps), not past it. */
  let clockAtLastEvent = false;
  const must = (reached: boolean, what: string) => {
    if (!reached) throw new FuzzFailure('hang', `${what} did not finish within the wall-time budget`);
  };
  script.forEach((step, i) => {
    const atMs = s.sim.nowMs, events = s.sim.eventsProcessed;
    // Nothing is pending at this instant: a seek or a run to `atMs` lands exactly here.
    const atRest = s.sim.nextEventMs() > atMs;
    switch (step.do) {
      case 'run':
        must(s.runTo(step.toMs, outOfTime), `running to ${step.toMs}`);
        clockAtLastEvent = false;
        break;
      case 'steps':
        for (let k = 0; k < step.events && s.sim.nextEventMs() < Infinity; k++) s.step();
        clockAtLastEvent = true;
        break;
      case 'stepBackOn': {
        const back = Math.min(step.back, events);
        for (let j = 0; j < back; j++) s.stepBack();
        for (let k = 0; k < back + step.on && s.sim.nextEventMs() < Infinity; k++) s.step();
        clockAtLastEvent = true;
        break;
      }
      case 'input':
        apply(s, step.input);
        break;
      case 'seekBack':
        if (!atRest) break;
        s.seek(Math.min(step.toMs, atMs), outOfTime);
        s.seek(atMs, outOfTime);
        must(!(s.sim.nowMs < atMs && outOfTime()), `seeking back to ${step.toMs} and forward to ${atMs}`);
        break;
      case 'stepBack': {
        if (!atRest && !clockAtLastEvent) break;
        const k = Math.min(step.events, events);
        for (let j = 0; j < k; j++) s.stepBack();
        while (s.sim.eventsProcessed < events && s.sim.nextEventMs() < Infinity) s.step();
        if (atRest) must(s.runTo(atMs, outOfTime), `running to ${atMs}`);
        break;
      }
      case 'fork':
        if (atRest) {
          must(s.runTo(atMs + step.afterMs, outOfTime), 'running ahead to fork');
          apply(s, step.doomed);
          s.seek(atMs, outOfTime);
        }
        apply(s, step.input); // in the past of the doomed input: forks it away
        break;
      case 'recover':
        s = recover(scenario, s, checkpointEvery);
        break;
      case 'snapshot':
        snapshotRestore(s);
        break;
    }
    const diff = momentDiff(straight[i], momentOf(s.sim));
    if (diff) throw new FuzzFailure('time-travel equivalence', `after step ${i} (${describe(step)}): ${diff}`);
  });
  return s;
}

/**
 * A hashing Session whose checkpoints come every `every` events instead of every 100,000, so
 * that small cases restore checkpoints when they seek (reaching into the Session's private
 * field: the fuzzer's one concession to testability).
 */
function session(scenario: Scenario, every?: number): Session {
  const s = new Session(scenario, true);
  if (every !== undefined) (s as unknown as { checkpoints: Checkpoints }).checkpoints = new Checkpoints(every);
  return s;
}

function apply(s: Session, input: Input): void {
  try {
    s.apply(input);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
}

/**
 * A crash and its recovery: a new Session from the scenario, with every recorded input
 * re-applied after exactly the events it followed, brought to the same moment. (Until the
 * worker's own recovery lands in Session, this is what a correct one must be equivalent to.)
 */
function recover(scenario: Scenario, old: Session, checkpointEvery?: number): Session {
  const { inputs, cursor } = old as unknown as { inputs: Recorded[]; cursor: number };
  const events = old.sim.eventsProcessed, atMs = old.sim.nowMs;
  const s = session(scenario, checkpointEvery);
  for (const r of inputs.slice(0, cursor)) {
    while (s.sim.eventsProcessed < r.afterEvents && s.sim.step());
    s.sim.nowMs = r.atMs;
    apply(s, r.input);
  }
  while (s.sim.eventsProcessed < events && s.sim.step());
  s.sim.nowMs = atMs;
  return s;
}

/** The core's snapshot → structured clone → restore, once the core has one (core-state branch). */
function snapshotRestore(s: Session): void {
  const c = core as unknown as { snapshot?: (sim: unknown) => unknown; restore?: (snap: unknown) => Session['sim'] };
  if (typeof c.snapshot !== 'function' || typeof c.restore !== 'function') return;
  s.sim = c.restore(structuredClone(c.snapshot(s.sim)));
}

export function describe(step: Step): string {
  return JSON.stringify(step).slice(0, 200);
}
