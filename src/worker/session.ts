import { Simulation, type Invocation, type Scenario } from '../core/index';
import type { Input, Recorded } from '../protocol/messages';
import { Checkpoints, type CheckpointOptions } from './checkpoints';
import { exportRun, type ExportedRun } from './exportRun';
import { checkInput, interestingCount, perform, replayInput, UserError } from './inputs';
import { samplePoint } from './samplePoint';
import { SeriesStore } from './seriesStore';

export type { Input, Recorded } from '../protocol/messages';
export { checkInput, perform, UserError } from './inputs';

/** Events run between yields of a long operation: ~1 ms, so a 10–15 ms slice checks the clock often. */
const CHUNK = 1024;

export interface Applied { ok: boolean; message: string; index: number; recorded: Recorded }
type Job<T> = Generator<void, T>;

/** Runs a job until it ends (its result) or `outOfTime()` says stop between steps (false). */
function within(job: Generator<unknown, boolean>, outOfTime: () => boolean): boolean {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
    if (outOfTime()) return false;
  }
}

/** Runs a job to its end (Node tests, the CLI's bench; the worker runs jobs in slices instead). */
export function drain<T>(job: Generator<unknown, T>): T {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
  }
}

/**
 * One interactive run: a Simulation plus everything the user did to it. Time travel is
 * deterministic replay: each recorded input is re-applied after exactly the number of events
 * it followed, at its time. Acting behind the explored frontier forks: later inputs,
 * checkpoints and series points belong to another future and are dropped.
 *
 * Long operations (`runJob`, `seekJob`, `stepBackJob`, `stepInterestingJob`, `recoverJob`,
 * `exportJob`; each has a synchronous form without `Job`, for tests and scripts) are generators that yield about every CHUNK events at a consistent moment (between events,
 * every due input applied): the worker runs them in time slices and may stop one at any
 * yield — the run is then simply at that moment.
 */
export class Session {
  sim: Simulation;
  private inputs: Recorded[];
  /** How many recorded inputs the current simulation has had applied. */
  private cursor = 0;
  readonly series = new SeriesStore();
  private readonly checkpoints: Checkpoints<Simulation>;
  /** The furthest moment explored (events, then time): acting behind it forks. */
  private frontier = { events: 0, atMs: 0 };
  /** Set when an event or input threw: the moment just before it (where a restart resumes). */
  private failedAt: { events: number; atMs: number } | null = null;
  /** The clock before each user step, so stepping back restores it exactly. */
  private stepHistory: { events: number; atMs: number }[] = [];
  private readonly sample = (b: number) => samplePoint(this.sim, b);

  /**
   * @param hashEventLog hash the live event log (tests do; the page does not need it: the
   *   export replays with hashing and gets the digest the CLI prints)
   * @param inputs a recorded run to continue (crash recovery, a link): applied as the run reaches each moment
   */
  constructor(readonly scenario: Scenario, private readonly hashEventLog = false, opts: { checkpoints?: CheckpointOptions; inputs?: Recorded[] } = {}) {
    this.checkpoints = new Checkpoints(undefined, opts.checkpoints);
    this.inputs = (opts.inputs ?? []).slice();
    this.sim = this.fresh();
  }

  private fresh(): Simulation {
    return new Simulation(this.scenario, { recentInvocations: 400, logRingSize: 2048, hashEventLog: this.hashEventLog });
  }

  /** The recorded inputs (the whole explored run, also those ahead of the current moment). */
  get inputLog(): readonly Recorded[] { return this.inputs; }
  get inputsApplied(): number { return this.cursor; }
  get checkpointStats() { return { count: this.checkpoints.size, bytes: this.checkpoints.bytes, maxGapEvents: this.checkpoints.maxGapEvents(this.frontier.events) }; }

  /** Where the run is, or (after a failure) the last consistent moment before it. */
  goodMoment(): { events: number; atMs: number } {
    return this.failedAt ?? { events: this.sim.eventsProcessed, atMs: this.sim.nowMs };
  }

  /**
   * Applies a user input now; behind the frontier it forks. An input that breaks a rule is
   * refused (UserError with the problems) before it is recorded, so it neither forks the run
   * nor replays; a call the control plane refuses (an AWS error) is recorded, and replay
   * refuses it again.
   */
  apply(raw: Input): Applied {
    const sim = this.sim;
    const input = checkInput(sim, raw);
    if (this.inputs.length > this.cursor || this.behindFrontier()) this.fork();
    const recorded: Recorded = { afterEvents: sim.eventsProcessed, atMs: sim.nowMs, input };
    const index = this.inputs.length;
    this.inputs.push(recorded);
    this.cursor++;
    try {
      return { ok: true, message: perform(sim, input), index, recorded };
    } catch (e) {
      if (e instanceof UserError) return { ok: false, message: e.message, index, recorded };
      // A bug, not a refusal: the input is not part of the run; a restart resumes before it.
      this.inputs.pop();
      this.cursor--;
      this.failedAt = { events: recorded.afterEvents, atMs: recorded.atMs };
      throw e;
    }
  }

  /**
   * Runs every event at or before `targetMs` (and at most `maxEvents` events in all), then,
   * if it got there, moves the clock to `targetMs`. Returns true when the target was reached.
   * `advanceClock: false` (as fast as possible) leaves the clock at the last event.
   */
  *runJob(targetMs: number, maxEvents = Infinity, advanceClock = true): Job<boolean> {
    const sim = this.sim;
    this.replayDue(targetMs);
    for (;;) {
      let k = 0;
      let goodEvents = sim.eventsProcessed, goodAt = sim.nowMs;
      try {
        for (; k < CHUNK; k++) {
          const te = sim.nextEventMs();
          if (te > targetMs || te === Infinity || sim.eventsProcessed >= maxEvents) break;
          if (te > this.series.nextMs) this.series.sampleBefore(te, this.sample);
          goodEvents = sim.eventsProcessed;
          goodAt = sim.nowMs;
          sim.step();
          if (this.cursor < this.inputs.length) this.replayDue(targetMs);
        }
      } catch (e) {
        this.failedAt = { events: goodEvents, atMs: goodAt };
        throw e;
      }
      this.settle();
      if (k < CHUNK) break;
      yield;
    }
    const next = sim.nextEventMs();
    const reached = next > targetMs || (sim.eventsProcessed >= maxEvents && next >= targetMs);
    if (reached && advanceClock && targetMs !== Infinity && targetMs > sim.nowMs) {
      this.series.sampleBefore(targetMs, this.sample);
      sim.nowMs = targetMs;
      this.replayDue(targetMs);
      this.settle();
    }
    return reached;
  }

  /** Pacing: runs toward `targetMs` until `outOfTime()`; true if it got there. */
  runFor(targetMs: number, outOfTime: () => boolean, advanceClock = true): boolean {
    return within(this.runJob(targetMs, Infinity, advanceClock), outOfTime);
  }

  /** Synchronous forms of the jobs, for tests and scripts; `outOfTime` stops early (false: not reached). */
  runTo(targetMs: number, outOfTime?: () => boolean): boolean { return outOfTime ? this.runFor(targetMs, outOfTime) : drain(this.runJob(targetMs)); }
  seekFor(targetMs: number, outOfTime: () => boolean): boolean { return within(this.seekJob(targetMs), outOfTime); }
  seek(targetMs: number, events = Infinity): boolean { return drain(this.seekJob(targetMs, events)); }
  stepBack(): void { drain(this.stepBackJob()); }
  stepInteresting(maxEvents?: number, maxMs?: number): boolean { return drain(this.stepInterestingJob(maxEvents, maxMs)); }
  recover(): boolean { return drain(this.recoverJob()); }

  /**
   * Moves to a moment: forwards by running (from a later checkpoint of the explored run if
   * there is one), backwards from the nearest earlier checkpoint (or the start). `events`
   * makes the moment exact (crash recovery). Returns true when the moment was reached.
   */
  *seekJob(targetMs: number, events = Infinity): Job<boolean> {
    const sim = this.sim;
    if (targetMs < sim.nowMs || events < sim.eventsProcessed) this.rewind(targetMs, events);
    else {
      const c = this.checkpoints.restore(targetMs, events, sim.eventsProcessed);
      if (c) this.adopt(c.sim, c.inputs);
    }
    return yield* this.runJob(targetMs, events);
  }

  /** After an exception: rebuilds the run from checkpoints (never from the suspect state) to the last good moment. */
  *recoverJob(): Job<boolean> {
    const m = this.goodMoment();
    this.rewind(m.atMs, m.events);
    this.failedAt = null;
    return yield* this.runJob(m.atMs, m.events);
  }

  /** One event. */
  step(): boolean {
    const before = { events: this.sim.eventsProcessed, atMs: this.sim.nowMs };
    if (!this.stepOne()) return false;
    this.stepHistory.push(before);
    if (this.stepHistory.length > 1000) this.stepHistory.splice(0, 500);
    this.settle();
    return true;
  }

  /** Steps to the next event a learner would want to see (see interestingCount); false if none within `maxEvents`. */
  *stepInterestingJob(maxEvents = 10_000_000, maxMs = Infinity): Job<boolean> {
    const before = interestingCount(this.sim);
    for (let n = 0; n < maxEvents;) {
      for (let k = 0; k < CHUNK && n < maxEvents; k++, n++) {
        if (this.sim.nextEventMs() > maxMs) return false;
        const prev = { events: this.sim.eventsProcessed, atMs: this.sim.nowMs };
        if (!this.stepOne()) return false;
        if (interestingCount(this.sim) !== before) {
          this.stepHistory.push(prev);
          this.settle();
          return true;
        }
      }
      this.settle();
      yield;
    }
    return false;
  }

  /** One event back: the state just before the last event ran (replayed from a checkpoint). */
  *stepBackJob(): Job<void> {
    const target = this.sim.eventsProcessed - 1;
    if (target < 0) return;
    const last = this.stepHistory.at(-1);
    const clock = last && last.events === target ? this.stepHistory.pop()!.atMs : NaN;
    this.stepHistory = this.stepHistory.filter((h) => h.events < target);
    this.rewind(this.sim.nowMs, target);
    yield* this.runJob(Infinity, target, false);
    if (clock > this.sim.nowMs) {
      this.series.sampleBefore(clock, this.sample);
      this.sim.nowMs = clock;
    }
  }

  /** The run up to now, replayed with a hashed log (see exportRun.ts); yields the fraction done. */
  exportJob(maxRecords: number, onInvocationDone?: (inv: Invocation) => void) {
    return exportRun(this.scenario, this.inputs.slice(0, this.cursor), { events: this.sim.eventsProcessed, atMs: this.sim.nowMs }, maxRecords, onInvocationDone);
  }

  exportRun(maxRecords: number, onInvocationDone?: (inv: Invocation) => void): ExportedRun { return drain(this.exportJob(maxRecords, onInvocationDone)); }

  /** The series as shown at the current moment. */
  seriesView() { return this.series.view(this.sim.nowMs); }

  private stepOne(): boolean {
    const sim = this.sim;
    const te = sim.nextEventMs();
    if (te === Infinity) return false;
    this.replayDue(te);
    if (te > this.series.nextMs) this.series.sampleBefore(te, this.sample);
    const good = { events: sim.eventsProcessed, atMs: sim.nowMs };
    try {
      sim.step();
    } catch (e) {
      this.failedAt = good;
      throw e;
    }
    this.replayDue(sim.nowMs);
    return true;
  }

  private behindFrontier(): boolean {
    return this.sim.eventsProcessed < this.frontier.events || this.sim.nowMs < this.frontier.atMs;
  }

  /** The future changed at the current moment: forget what belonged to the old one. */
  private fork(): void {
    const sim = this.sim;
    this.inputs.length = this.cursor;
    this.checkpoints.dropAfter(sim.eventsProcessed, sim.nowMs, this.cursor);
    this.series.truncate(sim.nowMs);
    this.frontier = { events: sim.eventsProcessed, atMs: sim.nowMs };
  }

  /** After each chunk: a checkpoint if one is due; the frontier moves on. */
  private settle(): void {
    const sim = this.sim;
    this.checkpoints.maybeTake(sim, this.cursor);
    const f = this.frontier;
    if (sim.eventsProcessed > f.events || (sim.eventsProcessed === f.events && sim.nowMs > f.atMs)) this.frontier = { events: sim.eventsProcessed, atMs: sim.nowMs };
  }

  private rewind(atMs: number, maxEvents: number): void {
    const c = this.checkpoints.restore(atMs, maxEvents);
    if (c) this.adopt(c.sim, c.inputs);
    else this.adopt(this.fresh(), 0);
  }

  private adopt(sim: Simulation, cursor: number): void {
    this.sim = sim;
    this.cursor = cursor;
  }

  /** Re-applies recorded inputs whose moment has come again: same event count, time within the limit. */
  private replayDue(limitMs: number): void {
    const sim = this.sim;
    for (let r = this.inputs[this.cursor]; r && r.afterEvents === sim.eventsProcessed && r.atMs <= limitMs; r = this.inputs[this.cursor]) {
      const clock = sim.nowMs;
      if (r.atMs > clock) {
        this.series.sampleBefore(r.atMs, this.sample);
        sim.nowMs = r.atMs;
      }
      this.cursor++;
      try {
        replayInput(sim, r.input);
      } catch (e) {
        this.cursor--;
        this.failedAt = { events: sim.eventsProcessed, atMs: clock };
        throw e;
      }
    }
  }
}
