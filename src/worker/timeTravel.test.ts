import { describe, expect, it } from 'vitest';
import { summarize } from '../core/index';
import { scenario } from '../core/testing/scenarios';
import { Session } from './session';

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
