import { describe, expect, it } from 'vitest';
import type { RoutingPolicy } from '../scenario/types';
import { invokeAt, simulate } from '../testing/scenarios';

/**
 * Three environments are created by three overlapping requests (env-1, env-2, env-3 in
 * creation order); they become idle in the order env-2, env-3, env-1. Which one serves the
 * next request is the routing policy's choice.
 */
function pickAfterStaggeredIdle(routing: RoutingPolicy, seed = 1): number {
  const sim = simulate({ seed }, { routing, timeoutMs: 900_000, durationMs: { dist: 'constant', value: 100_000 } });
  const ends = [4000, 2000, 3000]; // env-1 ends last, env-2 first
  for (let i = 0; i < 3; i++) invokeAt(sim, i);
  sim.runUntil(1000);
  // Re-time the three handlers by hand: the test is about routing, not durations.
  for (const inv of sim.state.inflight.values()) {
    const env = sim.state.environments.get(inv.env)!;
    env.epoch++;
    inv.pendingOutcome = 'SUCCEEDED';
    sim.schedule(ends[env.id - 1], { type: 'environment.advance', env: env.id, epoch: env.epoch, signal: 'INVOKE_END' });
  }
  invokeAt(sim, 5000);
  sim.runUntil(5001);
  const [probe] = [...sim.state.inflight.values()];
  return probe.env;
}

describe('routing: which idle environment gets the next request', () => {
  it('mru picks the environment that became idle most recently', () => {
    expect(pickAfterStaggeredIdle('mru')).toBe(1);
  });
  it('newest picks the idle environment created most recently', () => {
    expect(pickAfterStaggeredIdle('newest')).toBe(3);
  });
  it('oldest picks the idle environment created least recently', () => {
    expect(pickAfterStaggeredIdle('oldest')).toBe(1);
  });
  it('random picks any idle environment, the same one for the same seed', () => {
    const picks = new Set<number>();
    for (let seed = 1; seed <= 30; seed++) {
      const a = pickAfterStaggeredIdle('random', seed);
      expect(pickAfterStaggeredIdle('random', seed)).toBe(a);
      picks.add(a);
    }
    expect([...picks].sort()).toEqual([1, 2, 3]);
  });

  it('after a spike, mru lets the surplus environments expire while random keeps them all warm', () => {
    const alive = (routing: RoutingPolicy) => {
      const sim = simulate({
        workload: [
          { function: 'hello', arrival: { process: 'burst', count: 20, atMs: 0 } },
          { function: 'hello', arrival: { process: 'poisson', ratePerSec: 5 }, startMs: 5000 },
        ],
      }, { routing, keepAliveMs: { dist: 'constant', value: 30_000 } });
      sim.runUntil(300_000);
      return sim.state.environments.size;
    };
    // 5 req/s × 100 ms needs about one environment; MRU reuses the few at the top of its stack.
    expect(alive('mru')).toBeLessThanOrEqual(4);
    // Random touches each of the 20 every ~4 s on average, well within the 30 s keep-alive.
    expect(alive('random')).toBeGreaterThanOrEqual(18);
  });
});
