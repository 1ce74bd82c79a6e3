import { describe, expect, it } from 'vitest';
import { scenario } from '../core/testing/scenarios';
import { summarize } from '../core/summary';
import { Session } from './session';

const base = () => scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 20 } }] }, { durationMs: { dist: 'lognormal', median: 200, sigma: 0.6 } });
const hash = (s: Session) => summarize(s.sim, { final: true }).eventLogSha256;

describe('the interactive session: time travel by deterministic replay', () => {
  it('seeking back and forward again reproduces the run exactly, including the user’s inputs', () => {
    const a = new Session(base());
    a.runTo(10_000);
    a.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 50 });
    a.step();
    a.step();
    a.apply({ kind: 'fault', fault: { type: 'invoke-outage', fromMs: 12_000, toMs: 15_000 } });
    a.runTo(30_000);
    a.seek(5_000);
    expect(a.sim.nowMs).toBe(5_000);
    a.seek(30_000);
    const b = new Session(base());
    b.runTo(10_000);
    b.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 50 });
    b.step();
    b.step();
    b.apply({ kind: 'fault', fault: { type: 'invoke-outage', fromMs: 12_000, toMs: 15_000 } });
    b.runTo(30_000);
    expect(hash(a)).toBe(hash(b));
  });

  it('the state at time t is the same whether reached forwards or by seeking back', () => {
    const a = new Session(base());
    a.runTo(20_000);
    const forwards = JSON.stringify({ ...summarize(a.sim), wallMs: 0 });
    a.runTo(40_000);
    a.seek(20_000);
    expect(JSON.stringify({ ...summarize(a.sim), wallMs: 0 })).toBe(forwards);
  });

  it('an intervention in the past forks: the old future’s inputs are discarded', () => {
    const a = new Session(base());
    a.runTo(10_000);
    a.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 500 });
    a.runTo(20_000);
    a.seek(5_000);
    a.apply({ kind: 'invoke', function: 'hello', mode: 'DryRun', count: 1 });
    a.runTo(20_000);
    const b = new Session(base());
    b.runTo(5_000);
    b.apply({ kind: 'invoke', function: 'hello', mode: 'DryRun', count: 1 });
    b.runTo(20_000);
    expect(hash(a)).toBe(hash(b));
  });

  it('stepping to the next interesting event stops at the first cold start', () => {
    const s = new Session(base());
    expect(s.stepInteresting()).toBe(true);
    expect(s.sim.functions[0].stats.coldStarts).toBe(1);
  });
});
