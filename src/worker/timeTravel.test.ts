import { describe, expect, it } from 'vitest';
import { scenario } from '../core/testing/scenarios';
import { summarize } from '../core/index';
import { Session } from './session';
import type { Input } from '../protocol/messages';

/**
 * Time travel with the user's inputs: every path to a moment — straight, seeking back and
 * forth across checkpoints, stepping back, forking, a new session rebuilt from the recorded
 * inputs — gives the run the straight path gives.
 */
const traffic = () => scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 60 } }] }, { durationMs: { dist: 'lognormal', median: 200, sigma: 0.6 } });
const small = { checkpoints: { minEvents: 1_000, bytesPerEvent: Infinity } }; // a checkpoint every few simulated seconds
const state = (s: Session) => JSON.stringify({ ...summarize(s.sim), wallMs: 0 });
const hash = (s: Session) => summarize(s.sim, { final: true }).eventLogSha256;
const burst: Input = { kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 30 };
const outage: Input = { kind: 'fault', fault: { type: 'invoke-outage', fromMs: 42_000, toMs: 45_000 } };
const reserve: Input = { kind: 'control', call: { action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 5 } };

function straight(): Session {
  const s = new Session(traffic(), true, small);
  s.runTo(20_000); s.apply(burst);
  s.runTo(40_000); s.apply(outage); s.step(); s.apply(reserve);
  s.runTo(90_000);
  return s;
}

describe('time travel keeps every user input', () => {
  it('seeking back across checkpoints and forward again reproduces the straight run exactly', () => {
    const a = straight();
    expect(a.checkpointStats.count).toBeGreaterThan(3);
    a.seek(30_000);
    expect(a.sim.nowMs).toBe(30_000);
    a.seek(5_000);
    a.seek(90_000);
    expect(hash(a)).toBe(hash(straight()));
  }, 30_000);

  it('a moment named by time and event count is reached exactly, with the inputs given at that very moment', () => {
    const a = straight();
    a.seek(40_000); // after the outage fault, before the step that followed it
    const moment = { atMs: a.sim.nowMs, events: a.sim.eventsProcessed };
    a.step();
    const exact = { atMs: a.sim.nowMs, events: a.sim.eventsProcessed };
    const at = state(a);
    a.seek(0);
    a.seek(exact.atMs, exact.events);
    expect(a.sim.eventsProcessed).toBe(exact.events);
    expect(state(a)).toBe(at); // PutFunctionConcurrency, applied right after that step, is there
    expect(a.sim.state.functions[0].cfg.reservedConcurrency).toBe(5);
    expect(moment.events).toBe(exact.events - 1);
  }, 30_000);

  it('a new session given the recorded inputs rebuilds the same run (crash recovery in a new worker, a link)', () => {
    const a = straight();
    const b = new Session(traffic(), true, { inputs: [...a.inputLog] });
    b.seek(a.sim.nowMs, a.sim.eventsProcessed);
    expect(hash(b)).toBe(hash(a));
    expect(b.inputsApplied).toBe(3);
  }, 30_000);

  it('acting in the past forks: later inputs, checkpoints and series points of the old future are dropped', () => {
    const a = straight();
    a.seek(30_000);
    a.apply({ kind: 'invoke', function: 'hello', mode: 'DryRun', count: 1 });
    expect(a.inputLog.length).toBe(2); // the burst, then the new input; the outage and the reservation are gone
    a.seek(60_000); // forward: must not jump into a checkpoint of the old future
    const b = new Session(traffic(), true, small);
    b.runTo(20_000); b.apply(burst);
    b.runTo(30_000); b.apply({ kind: 'invoke', function: 'hello', mode: 'DryRun', count: 1 });
    b.runTo(60_000);
    expect(hash(a)).toBe(hash(b));
    expect(JSON.stringify(a.seriesView().points.slice(0, a.seriesView().count))).toBe(JSON.stringify(b.seriesView().points.slice(0, b.seriesView().count)));
  }, 30_000);

  it('step back returns to just before the last event, also across a checkpoint, and stepping again redoes it', () => {
    const a = straight();
    a.seek(55_000);
    a.step();
    const after = state(a);
    const events = a.sim.eventsProcessed;
    a.stepBack();
    expect(a.sim.eventsProcessed).toBe(events - 1);
    a.step();
    expect(state(a)).toBe(after);
  }, 30_000);
});

const quiet = () => scenario({ durationMs: 3_600_000 }, { durationMs: { dist: 'lognormal', median: 80, sigma: 0.5 } });
const load = { function: 'hello', mode: 'RequestResponse' as const, arrival: { process: 'poisson' as const, ratePerSec: 100 } };
const view = (s: Session) => ({ ...summarize(s.sim, { final: true }), wallMs: 0 });

describe('time travel with the live load generator on (issue #8)', () => {
  it('seeking back across a checkpoint loses no request: the same invocations, summary and hash as the straight run', { timeout: 120_000 }, () => {
    const straight = new Session(quiet(), true);
    straight.runTo(10_000);
    straight.apply({ kind: 'load', load });
    straight.runTo(700_000);

    const travelled = new Session(quiet(), true);
    travelled.runTo(10_000);
    travelled.apply({ kind: 'load', load });
    travelled.runTo(800_000); // several checkpoints behind it, the live load running through all of them
    travelled.seek(700_000);

    expect(travelled.sim.state.live.current?.entry.arrival).toEqual(load.arrival); // the Load panel's "Running 100/s" is still true
    expect(view(travelled).invocations.total).toBeGreaterThan(60_000);
    expect(view(travelled)).toEqual(view(straight));

    // …and the restored run goes on generating load into its own queue.
    travelled.runTo(760_000);
    straight.runTo(760_000);
    expect(view(travelled)).toEqual(view(straight));
  });

  it('changing the load and stopping it, then seeking back and forward, reproduces the straight run', { timeout: 120_000 }, () => {
    const drive = (s: Session) => {
      s.runTo(5_000);
      s.apply({ kind: 'load', load });
      s.runTo(300_000);
      s.apply({ kind: 'load', load: { ...load, arrival: { process: 'constant', ratePerSec: 40 } } });
      s.runTo(500_000);
      s.apply({ kind: 'load', load: null });
      s.runTo(600_000);
      return s;
    };
    const straight = drive(new Session(quiet(), true));
    const travelled = drive(new Session(quiet(), true));
    travelled.seek(250_000);
    travelled.seek(450_000);
    travelled.seek(600_000);
    expect(view(travelled)).toEqual(view(straight));
  });
});
