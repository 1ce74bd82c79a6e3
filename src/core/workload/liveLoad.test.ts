import { describe, expect, it } from 'vitest';
import { simulate } from '../testing/scenarios';

describe('the live load generator', () => {
  it('starts now, can be replaced while running, and the old generator’s arrivals stop', () => {
    const sim = simulate();
    sim.runUntil(10_000);
    sim.setLiveLoad({ function: 'hello', mode: 'RequestResponse', arrival: { process: 'constant', ratePerSec: 10 }, client: { maxAttempts: 1, queueDuringOutage: false }, payloadBytes: 1024 });
    sim.runUntil(20_000);
    const afterFirst = sim.state.nextInvocationId - 1;
    expect(afterFirst).toBe(101); // 10/s from t=10 s to t=20 s inclusive
    sim.setLiveLoad({ function: 'hello', mode: 'DryRun', arrival: { process: 'constant', ratePerSec: 1 }, client: { maxAttempts: 1, queueDuringOutage: false }, payloadBytes: 1024 });
    sim.runUntil(30_000);
    expect(sim.state.nextInvocationId - 1 - afterFirst).toBe(11); // only the new 1/s generator
    expect(sim.state.metrics.dryRun).toBe(11);
    sim.setLiveLoad(null);
    sim.runUntil(60_000);
    expect(sim.state.nextInvocationId - 1 - afterFirst).toBe(11);
    expect(sim.liveLoad).toBeNull();
  });
});
