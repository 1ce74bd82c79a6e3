import { describe, expect, it } from 'vitest';
import { scenario } from '../core/testing/scenarios';
import { summarize, toView } from '../core/index';
import { Session } from './session';
import { JobRunner, type ProgressReport } from './jobRunner';

/**
 * Bounded work: every long operation is a sequence of small steps at consistent moments, so
 * the worker can answer between them, report progress, and stop one at any point.
 */
const traffic = () => scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 200 } }] });
const hash = (s: Session) => summarize(s.sim, { final: true }).eventLogSha256;
const straightTo = (t: number) => { const s = new Session(traffic(), true); s.runTo(t); return s; };

describe('a long operation is a sequence of short steps', () => {
  it('a seek yields about every thousand events, each time at a moment the page can be shown', () => {
    const s = new Session(traffic(), true);
    const job = s.seekJob(120_000);
    let yields = 0, last = -1;
    for (let r = job.next(); !r.done; r = job.next()) {
      yields++;
      const frame = toView(s.sim); // what a snapshot() during the seek answers
      expect(frame.timeMs).toBeGreaterThanOrEqual(last);
      last = frame.timeMs;
      expect(s.sim.nextEventMs()).toBeGreaterThanOrEqual(s.sim.nowMs);
    }
    expect(s.sim.eventsProcessed / yields).toBeLessThanOrEqual(1100);
    expect(yields).toBeGreaterThan(30);
    expect(hash(s)).toBe(hash(straightTo(120_000)));
  }, 30_000);

  it('a seek stopped part-way leaves the run at a consistent moment: going on from there is the straight run', () => {
    const s = new Session(traffic(), true);
    const job = s.seekJob(120_000);
    for (let i = 0; i < 20; i++) job.next();
    job.return(false);
    const stoppedAt = s.sim.nowMs;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(120_000);
    s.runTo(120_000);
    expect(hash(s)).toBe(hash(straightTo(120_000)));
  }, 30_000);

  it('running to the next interesting event with nothing interesting ahead stops at its event bound', () => {
    const s = new Session(traffic(), true);
    s.runTo(60_000); // warm: no cold starts, throttles or reclaims for a while
    const job = s.stepInterestingJob(5_000);
    let yields = 0;
    for (let r = job.next(); !r.done; r = job.next()) yields++;
    expect(yields).toBeGreaterThan(2);
  }, 30_000);
});

describe('the job runner', () => {
  function fakeClock() {
    let t = 0;
    return { now: () => t, advance: (ms: number) => { t += ms; } };
  }

  it('runs a job in slices of the wall-time budget, reports progress with an estimate, and finishes once', () => {
    const clock = fakeClock();
    const reports: ProgressReport[] = [];
    const runner = new JobRunner(clock.now, (p) => reports.push(p));
    let finished = 0;
    function* work() { for (let i = 0; i < 100; i++) { clock.advance(3); yield i; } return 'ok'; }
    runner.start({ op: 'seek', requestId: 7, job: work(), position: (i) => ({ atMs: Number(i), targetMs: 100, fraction: Number(i) / 100 }), finish: () => finished++, cancelled: () => { throw new Error('not cancelled'); } });
    let slices = 0;
    while (!runner.slice(12)) slices++;
    expect(slices).toBeGreaterThanOrEqual(20); // 300 ms of work in ≤ 12 ms slices
    expect(finished).toBe(1);
    expect(runner.busy).toBe(false);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports[0]).toMatchObject({ requestId: 7, op: 'seek', targetMs: 100 });
    expect(reports.at(-1)!.etaMs).toBeGreaterThanOrEqual(0);
  });

  it('a cancelled job stops at its last step, says so once, and never finishes', () => {
    const clock = fakeClock();
    const runner = new JobRunner(clock.now, () => {});
    let steps = 0, cancelled = '', finished = false;
    function* work() { for (;;) { steps++; clock.advance(1); yield; } }
    runner.start({ op: 'export', requestId: 1, job: work(), position: () => ({ atMs: 0, targetMs: null, fraction: null }), finish: () => { finished = true; }, cancelled: (r) => { cancelled = r; } });
    runner.slice(10);
    const at = steps;
    expect(runner.cancel('by the user')).toBe(true);
    expect(runner.slice(10)).toBe(true);
    expect(steps).toBe(at);
    expect(cancelled).toBe('by the user');
    expect(finished).toBe(false);
    expect(runner.cancel('again')).toBe(false);
  });
});

describe('crash recovery', () => {
  it('after an event throws, the run resumes exactly before it, with the inputs given just before', () => {
    const s = new Session(traffic(), true);
    s.runTo(30_000);
    s.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 5 }); // just before the failure
    const moment = { atMs: s.sim.nowMs, events: s.sim.eventsProcessed };
    const broken = s.sim;
    const step = broken.step.bind(broken);
    let calls = 0;
    broken.step = () => { if (++calls === 3) throw new Error('a bug in the core'); return step(); };
    expect(() => s.runTo(40_000)).toThrow('a bug in the core');
    expect(s.goodMoment()).toEqual({ atMs: broken.nowMs, events: moment.events + 2 });
    s.recover();
    expect(s.sim).not.toBe(broken); // rebuilt from checkpoints, never the suspect state
    expect(s.sim.eventsProcessed).toBe(moment.events + 2);
    expect(s.inputsApplied).toBe(1);
    s.runTo(60_000);
    const b = new Session(traffic(), true);
    b.runTo(30_000);
    b.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 5 });
    b.runTo(60_000);
    expect(hash(s)).toBe(hash(b));
  }, 30_000);

  it('an input that makes the core throw is not part of the run: a restart resumes just before it', () => {
    const s = new Session(traffic(), true);
    s.runTo(10_000);
    const before = JSON.stringify({ ...summarize(s.sim), wallMs: 0 });
    s.sim.invoke = () => { throw new Error('a bug in invoke'); };
    expect(() => s.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 })).toThrow('a bug in invoke');
    expect(s.inputLog.length).toBe(0);
    s.recover();
    expect(JSON.stringify({ ...summarize(s.sim), wallMs: 0 })).toBe(before);
  }, 30_000);
});
