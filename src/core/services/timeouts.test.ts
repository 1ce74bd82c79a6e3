import { describe, expect, it } from 'vitest';
import { compileDist } from '../engine/distributions';
import { invokeAt, simulate } from '../testing/scenarios';

describe('timeouts and resets', () => {
  it('an invocation longer than the function timeout times out at the timeout and resets the environment', () => {
    const sim = simulate({}, { timeoutMs: 3000, durationMs: { dist: 'constant', value: 5000 } });
    invokeAt(sim, 0);
    sim.runUntil(10_000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('TimedOut');
    expect(inv.statusCode).toBe(200); // a function error: 200 with X-Amz-Function-Error
    expect(inv.invokeEndMs - inv.invokeStartMs).toBe(3000);
    expect(sim.state.environments.get(inv.env)!.state).toBe('Reset');
  });

  it('the next request to a reset environment re-initializes the runtime inside its Invoke phase, without a cold start', () => {
    const sim = simulate({}, { timeoutMs: 3000, durationMs: { dist: 'empirical', values: [5000] } });
    invokeAt(sim, 0);
    sim.runUntil(10_000);
    const v = sim.state.versions[0];
    v.sample = { ...v.sample, durationMs: compileDist({ dist: 'constant', value: 100 }) }; // the next request is quick
    invokeAt(sim, 20_000);
    sim.runUntil(30_000);
    const [, second] = sim.recentInvocations();
    expect(second.cold).toBe(false);
    expect(second.reinit).toBe(true);
    expect(second.state).toBe('Succeeded');
    // Init (200 ms) then handler (100 ms), both inside the Invoke phase.
    expect(second.invokeEndMs - second.invokeStartMs).toBeCloseTo(300);
  });

  it('an Init longer than 10 s is cut off and retried at the first invoke, bounded by the function timeout', () => {
    // The lamby report: a 12 s init becomes ~22 s before the handler runs.
    const sim = simulate({}, { timeoutMs: 30_000, initMs: { dist: 'constant', value: 12_000 } });
    invokeAt(sim, 0);
    sim.runUntil(60_000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('Succeeded');
    const initStart = inv.codeReadyMs;
    expect(inv.invokeStartMs).toBeCloseTo(initStart + 10_000); // Init phase abandoned at 10 s
    expect(inv.invokeEndMs).toBeCloseTo(initStart + 10_000 + 12_000 + 100);
  });

  it('if the retried Init cannot finish within the function timeout, the invocation times out', () => {
    const sim = simulate({}, { timeoutMs: 3000, initMs: { dist: 'constant', value: 12_000 } });
    invokeAt(sim, 0);
    sim.runUntil(60_000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('TimedOut');
    expect(inv.invokeEndMs - inv.invokeStartMs).toBe(3000);
    expect(sim.state.environments.get(inv.env)!.state).toBe('Reset');
  });
});
