import { InputError, Simulation, checkControlPlaneCall, checkFault, checkInvokeRequest, checkLiveLoad, describeRecord, inputContext, oldestEventAgeMs, peekTokens, recentRecords, summarize, type ControlPlaneCall, type Fault, type InvokeMode, type Invocation, type LogEntry, type Scenario } from '../core/index';
import type { LiveLoad, SeriesPoint } from '../protocol/messages';
import { Checkpoints } from './checkpoints';

/** Something the user did to the run; recorded so that seeking back can replay it exactly. */
export type Input =
  | { kind: 'invoke'; function: string; mode: InvokeMode; count: number; payloadBytes?: number; tenantId?: string }
  | { kind: 'load'; load: LiveLoad | null }
  | { kind: 'control'; call: Omit<ControlPlaneCall, 'atMs'> }
  | { kind: 'fault'; fault: Fault };

export interface Recorded { afterEvents: number; atMs: number; input: Input }

const SERIES_CAP = 1500;

/**
 * One interactive run: a Simulation plus everything the user did to it. Time travel is
 * deterministic replay: seeking back rebuilds the simulation from the scenario and re-applies
 * each recorded input after exactly the number of events it originally followed. Applying a
 * new input in the past forks: the inputs that came after it are discarded.
 */
export class Session {
  sim: Simulation;
  private inputs: Recorded[] = [];
  /** How many recorded inputs the current simulation has had applied. */
  private cursor = 0;
  series: SeriesPoint[] = [];
  /** Changes whenever points already sent were rewritten (thinning, seeking back). */
  seriesGeneration = 0;
  private readonly checkpoints = new Checkpoints();

  /** @param hashEventLog hash the live event log (tests do; the page does not need it) */
  constructor(readonly scenario: Scenario, private readonly hashEventLog = false) {
    this.sim = this.fresh();
  }

  /**
   * The live simulation does not hash its event log: nothing on the page reads the digest,
   * and hashing in JavaScript costs ~20 % of a busy run. `exportRun` replays the run with
   * hashing on and gets the same SHA-256 the CLI would print.
   */
  private fresh(): Simulation {
    return new Simulation(this.scenario, { recentInvocations: 400, logRingSize: 2048, hashEventLog: this.hashEventLog });
  }

  /**
   * Applies a user input now. In the past (after a seek back) it forks: later inputs are
   * discarded. An input that breaks a rule is refused (UserError with the problems) before it
   * is recorded, so it neither forks the run nor replays.
   */
  apply(raw: Input): string {
    const input = checkInput(this.sim, raw);
    if (this.inputs.length > this.cursor) this.checkpoints.dropAfter(this.sim.eventsProcessed); // fork
    this.inputs.length = this.cursor;
    this.inputs.push({ afterEvents: this.sim.eventsProcessed, atMs: this.sim.nowMs, input });
    this.cursor++;
    return perform(this.sim, input);
  }

  /** Runs events up to `targetMs`, stopping early when `outOfTime()` says so. Returns true if reached. */
  runTo(targetMs: number, outOfTime: () => boolean = () => false): boolean {
    const sim = this.sim;
    this.replayDue(targetMs);
    while (sim.nextEventMs() <= targetMs) {
      for (let k = 0; k < 2000 && sim.nextEventMs() <= targetMs; k++) {
        sim.step();
        this.replayDue(targetMs);
      }
      this.checkpoints.maybeTake(sim, this.cursor);
      if (outOfTime()) return false;
    }
    if (targetMs > sim.nowMs && targetMs !== Infinity) sim.nowMs = targetMs;
    this.replayDue(targetMs);
    return true;
  }

  /**
   * The run so far with its complete event log (up to `maxRecords` entries), rebuilt by
   * replaying it with a large log: the same events, so the same SHA-256 as the live run.
   */
  exportRun(maxRecords: number, onInvocationDone?: (inv: Invocation) => void): { inputs: Recorded[]; entries: LogEntry[]; records: number; sha256: string; summary: ReturnType<typeof summarize> } {
    const replay = new Simulation(this.scenario, { recentInvocations: 0, logRingSize: Math.max(16, maxRecords), onInvocationDone });
    const inputs = this.inputs.slice(0, this.cursor);
    let k = 0;
    const apply = () => {
      while (k < inputs.length && inputs[k].afterEvents === replay.eventsProcessed) {
        replay.nowMs = inputs[k].atMs;
        try { perform(replay, inputs[k].input); } catch (e) { if (!(e instanceof UserError)) throw e; }
        k++;
      }
    };
    apply();
    while (replay.eventsProcessed < this.sim.eventsProcessed) {
      replay.step();
      apply();
    }
    replay.nowMs = this.sim.nowMs;
    apply();
    const records = recentRecords(replay.state.log, maxRecords);
    const first = replay.state.log.count - records.length;
    const summary = summarize(replay, { final: true });
    return { inputs, entries: records.map((r, i) => describeRecord(replay, r, first + i)), records: replay.state.log.count, sha256: summary.eventLogSha256, summary };
  }

  /** One event. Inputs recorded before it (after a seek or a step back) are applied first, as they were. */
  step(): void {
    this.replayDue(Infinity);
    this.stepHistory.push({ events: this.sim.eventsProcessed, atMs: this.sim.nowMs });
    if (this.stepHistory.length > 1000) this.stepHistory.shift();
    this.sim.step();
    this.replayDue(this.sim.nowMs);
  }

  /** The clock before each user step, so stepping back restores it exactly. */
  private stepHistory: { events: number; atMs: number }[] = [];

  /**
   * Steps to the next event a learner would want to see: a cold start, a throttle, a reclaim,
   * an async retry or dead-letter, a worker drain, a fault or a control-plane call.
   */
  stepInteresting(maxEvents = 2_000_000): boolean {
    const before = interestingCount(this.sim);
    for (let i = 0; i < maxEvents && this.sim.nextEventMs() < Infinity; i++) {
      this.step();
      if (interestingCount(this.sim) !== before) return true;
    }
    return false;
  }

  /** Moves to `targetMs`: forwards by running; backwards from the nearest checkpoint (or the start). */
  seek(targetMs: number, outOfTime?: () => boolean): void {
    if (targetMs < this.sim.nowMs) {
      this.rewind(targetMs, Infinity);
      this.series = this.series.filter((p) => p.t <= targetMs);
      this.seriesGeneration++;
    } else {
      // Forward within the part of the run already explored: jump to the nearest checkpoint.
      const c = this.checkpoints.restore(targetMs);
      if (c && c.sim.eventsProcessed > this.sim.eventsProcessed) {
        this.sim = c.sim;
        this.cursor = c.inputs;
      }
    }
    this.runTo(targetMs, outOfTime);
  }

  /** One event back: the state just before the last event ran. */
  stepBack(): void {
    const target = this.sim.eventsProcessed - 1;
    if (target < 0) return;
    const last = this.stepHistory.at(-1);
    const clock = last && last.events === target ? this.stepHistory.pop()!.atMs : NaN;
    this.stepHistory = this.stepHistory.filter((h) => h.events < target);
    this.rewind(this.sim.nowMs, target);
    while (this.sim.eventsProcessed < target) {
      this.replayDue(Infinity); // inputs recorded before the next event came before it
      this.sim.step();
      this.replayDue(this.sim.nowMs);
    }
    if (clock > this.sim.nowMs) this.sim.nowMs = clock;
    this.replayDue(this.sim.nowMs); // inputs made at the restored clock, before the undone event
    this.series = this.series.filter((p) => p.t <= this.sim.nowMs);
    this.seriesGeneration++;
  }

  private rewind(atMs: number, maxEvents: number): void {
    const c = this.checkpoints.restore(atMs, maxEvents);
    if (c && c.sim.nowMs <= atMs) {
      this.sim = c.sim;
      this.cursor = c.inputs;
    } else {
      this.sim = this.fresh();
      this.cursor = 0;
    }
  }

  /** Re-applies recorded inputs whose moment has come again: same event count, same time. */
  private replayDue(limitMs: number): void {
    for (let r = this.inputs[this.cursor]; r && r.afterEvents === this.sim.eventsProcessed && r.atMs <= limitMs; r = this.inputs[this.cursor]) {
      this.cursor++;
      this.sim.nowMs = r.atMs;
      try {
        perform(this.sim, r.input);
      } catch (e) {
        if (!(e instanceof UserError)) throw e; // a refused call is refused again: same run
      }
    }
  }

  sample(): void {
    const sim = this.sim;
    const last = this.series[this.series.length - 1];
    if (last && last.t >= sim.nowMs) return;
    const s = summarize(sim);
    let coldStarts = 0, invocations = 0;
    const st = sim.state;
    for (const f of st.functions) { coldStarts += f.stats.coldStarts; invocations += f.stats.invocations; }
    this.series.push({
      t: sim.nowMs, concurrency: st.counting.accountInUse, environments: st.environments.size,
      busy: st.gauge.now[1], idle: st.gauge.now[2], initializing: st.gauge.now[0],
      throttled: s.invocations.throttled, coldStarts, invocations, queueDepth: st.asyncQueue.events.size,
      oldestAgeMs: oldestEventAgeMs(st), bucketTokens: st.functions[0] ? peekTokens(st, st.functions[0], sim.nowMs) : 0,
    });
    if (this.series.length > SERIES_CAP) {
      // Halve the resolution of the older half instead of dropping it: the chart keeps the whole run.
      const keep = this.series.filter((_, i) => i % 2 === 0 || i >= SERIES_CAP / 2);
      this.series = keep;
      this.seriesGeneration++;
    }
  }
}

function interestingCount(sim: Simulation): number {
  const s = sim.state;
  let n = s.metrics.throttled + s.workersDrained + s.workersFailed + s.controlPlaneCalls + s.faults.history.length;
  for (const f of s.functions) n += f.stats.coldStarts + f.stats.throttled;
  const q = s.asyncQueue.stats;
  n += q.retries + q.deadLettered + q.dropped + q.expired;
  n += s.nextEnvironmentId - 1 - s.environments.size; // environments reclaimed
  return n;
}

export function perform(sim: Simulation, input: Input): string {
  switch (input.kind) {
    case 'invoke':
      for (let i = 0; i < input.count; i++) sim.invoke({ function: input.function, mode: input.mode, payloadBytes: input.payloadBytes, tenantId: input.tenantId });
      return `${input.count} × ${input.mode} ${input.function}`;
    case 'load':
      sim.setLiveLoad(input.load ? { function: input.load.function, mode: input.load.mode, arrival: input.load.arrival, client: { maxAttempts: 1, queueDuringOutage: false }, payloadBytes: 1024 } : null);
      return input.load ? `load: ${input.load.arrival.process}` : 'load stopped';
    case 'control': {
      const r = sim.controlPlane(input.call);
      if (!r.ok) throw new UserError(`${input.call.action}: ${r.message}`);
      return `${input.call.action}: ${r.message}`;
    }
    case 'fault':
      try {
        sim.injectFault(input.fault);
      } catch (e) {
        if (e instanceof InputError) throw new UserError(e.message);
        throw e;
      }
      return `fault: ${input.fault.type}`;
  }
}

/**
 * Validates an input with the core's validators, the same rules and messages as a scenario's
 * `controlPlane`, `faults` and `workload` entries; returns it normalized (defaults filled in).
 */
export function checkInput(sim: Simulation, input: Input): Input {
  const ctx = inputContext(sim.state);
  const refuse = (problems: string[]): never => { throw new UserError(problems.join('\n')); };
  switch (input?.kind) {
    case 'invoke': {
      const r = checkInvokeRequest({ function: input.function, mode: input.mode, count: input.count, ...(input.payloadBytes === undefined ? {} : { payloadBytes: input.payloadBytes }) });
      return r.ok ? { kind: 'invoke', ...r.value } : refuse(r.problems);
    }
    case 'load': {
      const r = checkLiveLoad(ctx, input.load);
      return r.ok ? { kind: 'load', load: r.value as LiveLoad | null } : refuse(r.problems);
    }
    case 'control': {
      const r = checkControlPlaneCall(ctx, input.call);
      return r.ok ? { kind: 'control', call: r.value } : refuse(r.problems);
    }
    case 'fault': {
      const r = checkFault(ctx, input.fault);
      return r.ok ? { kind: 'fault', fault: r.value } : refuse(r.problems);
    }
    default:
      return refuse(['input.kind: must be one of invoke, load, control, fault']);
  }
}

/** A refusal the user should read (an AWS error), not a crash. */
export class UserError extends Error {}
