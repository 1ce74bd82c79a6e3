import * as core from '../../core/index';
import type { Scenario } from '../../core/scenario/types';
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
    if (!reached) throw new FuzzFailure('hang', `${what} did not finish within the CPU-time budget`);
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
        s.seekFor(Math.min(step.toMs, atMs), outOfTime);
        s.seekFor(atMs, outOfTime);
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
          s.seekFor(atMs, outOfTime);
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
 * A hashing Session whose checkpoints come every `every` events (instead of the page's
 * spacing), so that small cases restore checkpoints when they seek.
 */
function session(scenario: Scenario, every?: number, inputs?: Recorded[]): Session {
  return new Session(scenario, true, { inputs, checkpoints: every === undefined ? undefined : { minEvents: every, bytesPerEvent: Infinity } });
}

function apply(s: Session, input: Input): void {
  try {
    s.apply(input);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
}

/**
 * A crash and its recovery, as the page does it after its worker died: a new Session from the
 * scenario with the whole recorded input log, brought to the exact moment (time and event
 * count) — inputs are re-applied as the replay reaches each one's moment.
 */
function recover(scenario: Scenario, old: Session, checkpointEvery?: number): Session {
  const s = session(scenario, checkpointEvery, [...old.inputLog]);
  s.seek(old.sim.nowMs, old.sim.eventsProcessed);
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
