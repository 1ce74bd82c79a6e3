import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ENVIRONMENT_STATE_CODES, ENVIRONMENT_TABLE, LOG, Simulation, recentRecords } from '../index';
import { environmentMachine } from '../machines/environmentMachine';
import { scenario } from '../testing/scenarios';
import { stepEvent } from './machineSteps';

/** The value of an XState snapshot as the table's dotted path ('Initializing.RuntimeInit'). */
function path(v: unknown): string {
  return typeof v === 'string' ? v : Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}.${path(x)}`)[0];
}

describe('the Stately Inspector bridge', () => {
  it('replays every recorded state change of an environment into the real machine, which lands in the same states', () => {
    const s = scenario({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 2 } }] }, { keepAliveMs: { dist: 'constant', value: 3000 }, errorRate: 0.1 });
    const sim = new Simulation(s, { logRingSize: 100_000 });
    sim.runUntil(120_000);
    const byEnv = new Map<number, string[]>();
    for (const r of recentRecords(sim.state.log)) if (r.code === LOG.ENVIRONMENT_STATE) byEnv.set(r.a, [...(byEnv.get(r.a) ?? []), ENVIRONMENT_STATE_CODES[r.b]]);
    expect(byEnv.size).toBeGreaterThan(3);
    for (const states of byEnv.values()) {
      const actor = createActor(environmentMachine).start();
      let current = ENVIRONMENT_TABLE.initial;
      for (const next of states) {
        if (next === current) continue;
        const ev = stepEvent(ENVIRONMENT_TABLE, current, next);
        expect(ev, `${current} → ${next}`).not.toBeNull();
        actor.send(ev as never);
        expect(path(actor.getSnapshot().value)).toBe(next);
        current = next;
      }
      actor.stop();
    }
  });
});
