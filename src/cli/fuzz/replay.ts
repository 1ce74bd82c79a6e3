import { Simulation } from '../../core/simulation';
import type { Scenario } from '../../core/scenario/types';
import { summarize } from '../../core/summary';
import { UserError, perform, type Recorded } from '../../worker/session';
import { nodeHasher } from '../nodeHasher';

/**
 * Replays recorded inputs from scratch with node:crypto hashing the event log, up to
 * `events` events and the clock at `atMs`: the CLI's view of the page's run. Its digest must
 * equal the built-in SHA-256's (the page's) for the same run.
 */
export function nodeReplayDigest(scenario: Scenario, inputs: Recorded[], events: number, atMs: number): string {
  const sim = new Simulation(scenario, { hasher: nodeHasher(), recentInvocations: 0, logRingSize: 16 });
  let k = 0;
  const due = () => {
    while (k < inputs.length && inputs[k].afterEvents === sim.eventsProcessed) {
      sim.nowMs = inputs[k].atMs;
      try { perform(sim, inputs[k].input); } catch (e) { if (!(e instanceof UserError)) throw e; }
      k++;
    }
  };
  due();
  while (sim.eventsProcessed < events && sim.step()) due();
  sim.nowMs = atMs;
  due();
  return summarize(sim, { final: true }).eventLogSha256;
}
