import { describe, expect, it } from 'vitest';
import { scenario } from '../core/testing/scenarios';
import { summarize } from '../core/index';
import { Session } from './session';

const base = () => scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 20 } }] }, { durationMs: { dist: 'lognormal', median: 200, sigma: 0.6 } });
const hash = (s: Session) => {
  const h = summarize(s.sim, { final: true }).eventLogSha256;
  expect(h).toMatch(/^[0-9a-f]{64}$/); // a real digest, never the empty string of an unhashed log
  return h;
};

describe('the interactive session: time travel by deterministic replay', () => {
  it('seeking back and forward again reproduces the run exactly, including the user’s inputs', () => {
    const drive = (s: Session) => {
      s.runTo(10_000);
      s.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 50 });
      s.step();
      s.step();
      s.apply({ kind: 'fault', fault: { type: 'invoke-outage', fromMs: 12_000, toMs: 15_000 } });
      s.runTo(30_000);
      return s;
    };
    const a = drive(new Session(base(), true));
    a.seek(5_000);
    expect(a.sim.nowMs).toBe(5_000);
    a.seek(30_000);
    expect(hash(a)).toBe(hash(drive(new Session(base(), true))));
  });

  it('the state at time t is the same whether reached forwards or by seeking back', () => {
    const a = new Session(base(), true);
    a.runTo(20_000);
    const forwards = JSON.stringify({ ...summarize(a.sim), wallMs: 0 });
    a.runTo(40_000);
    a.seek(20_000);
    expect(JSON.stringify({ ...summarize(a.sim), wallMs: 0 })).toBe(forwards);
  });

  it('an intervention in the past forks: the old future’s inputs are discarded', () => {
    const a = new Session(base(), true);
    a.runTo(10_000);
    a.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 500 });
    a.runTo(20_000);
    a.seek(5_000);
    a.apply({ kind: 'invoke', function: 'hello', mode: 'DryRun', count: 1 });
    a.runTo(20_000);
    const b = new Session(base(), true);
    b.runTo(5_000);
    b.apply({ kind: 'invoke', function: 'hello', mode: 'DryRun', count: 1 });
    b.runTo(20_000);
    expect(hash(a)).toBe(hash(b));
  });

  it('stepping to the next interesting event stops at the first cold start', () => {
    const s = new Session(base(), true);
    expect(s.stepInteresting()).toBe(true);
    expect(s.sim.state.functions[0].stats.coldStarts).toBe(1);
  });
});

describe('checkpoints', () => {
  it('seeking back in a long run restores a checkpoint instead of replaying from the start, with the same result', { timeout: 60_000 }, () => {
    const heavy = scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 500 } }] });
    const a = new Session(heavy, true);
    a.runTo(600_000); // ~300k requests: several checkpoints
    a.seek(500_000);
    const viaCheckpoint = JSON.stringify({ ...summarize(a.sim), wallMs: 0 });
    const b = new Session(heavy, true);
    b.runTo(500_000);
    expect(viaCheckpoint).toBe(JSON.stringify({ ...summarize(b.sim), wallMs: 0 }));
  });

  it('seeking forward within the explored run jumps to a checkpoint, with the same result as running', { timeout: 60_000 }, () => {
    const heavy = scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 500 } }] });
    const a = new Session(heavy, true);
    a.runTo(600_000);
    a.seek(10_000);
    a.seek(550_000);
    const b = new Session(heavy, true);
    b.runTo(550_000);
    expect(JSON.stringify({ ...summarize(a.sim), wallMs: 0 })).toBe(JSON.stringify({ ...summarize(b.sim), wallMs: 0 }));
  });

  it('step back returns to the state just before the last event', () => {
    const a = new Session(base(), true);
    a.runTo(5_000);
    const before = JSON.stringify({ ...summarize(a.sim), wallMs: 0 });
    const events = a.sim.eventsProcessed;
    a.step();
    a.stepBack();
    expect(a.sim.eventsProcessed).toBe(events);
    expect(JSON.stringify({ ...summarize(a.sim), wallMs: 0 })).toBe(before);
  });
});

describe('the exported run', () => {
  it('has the SHA-256 of the live run, although the page’s session does not hash as it goes', () => {
    const drive = (s: Session) => {
      s.runTo(8_000);
      s.apply({ kind: 'invoke', function: 'hello', mode: 'Event', count: 20 });
      s.runTo(20_000);
      return s;
    };
    const page = drive(new Session(base()));
    const hashed = drive(new Session(base(), true));
    const exported = page.exportRun(100_000);
    expect(exported.sha256).toBe(hash(hashed));
    expect(exported.entries.length).toBe(exported.records);
  });
});
