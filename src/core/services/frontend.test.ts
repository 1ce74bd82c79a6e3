import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

describe('Frontend Invoke service', () => {
  it('DryRun checks the request and answers 204; nothing runs', () => {
    const sim = simulate();
    invokeAt(sim, 0, { function: 'hello', mode: 'DryRun' });
    sim.runUntil(1000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('DryRunSucceeded');
    expect(inv.statusCode).toBe(204);
    expect(sim.state.environments.size).toBe(0);
    expect(sim.state.metrics.dryRun).toBe(1);
  });

  it('an unknown function gets 404 ResourceNotFoundException', () => {
    const sim = simulate();
    invokeAt(sim, 0, { function: 'nope' });
    sim.runUntil(1000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('Rejected');
    expect(inv.rejectReason).toBe('ResourceNotFoundException');
    expect(inv.statusCode).toBe(404);
  });

  it('a synchronous payload over 6 MB gets 413 RequestTooLargeException', () => {
    const sim = simulate();
    invokeAt(sim, 0, { function: 'hello', payloadBytes: 6 * 1024 * 1024 + 1 });
    invokeAt(sim, 1, { function: 'hello', payloadBytes: 6 * 1024 * 1024 });
    sim.runUntil(1000);
    const [big, ok] = sim.recentInvocations().sort((a, b) => a.id - b.id);
    expect(big.statusCode).toBe(413);
    expect(big.rejectReason).toBe('RequestTooLargeException');
    expect(ok.statusCode).toBe(200);
  });

  it('bad parameters — an unknown invocation type, a negative payload — get 400 InvalidParameterValueException', () => {
    const sim = simulate();
    invokeAt(sim, 0, { function: 'hello', mode: 'Async' as never });
    invokeAt(sim, 1, { function: 'hello', payloadBytes: -5 });
    sim.runUntil(1000);
    for (const inv of sim.recentInvocations()) {
      expect(inv.statusCode).toBe(400);
      expect(inv.rejectReason).toBe('InvalidParameterValueException');
    }
  });

  it('a function error is still HTTP 200, counted as a function error, and the environment stays warm', () => {
    const sim = simulate({}, { errorRate: 1 });
    invokeAt(sim, 0);
    invokeAt(sim, 2000);
    sim.runUntil(5000);
    const [a, b] = sim.recentInvocations();
    expect([a.state, b.state]).toEqual(['FunctionError', 'FunctionError']);
    expect(a.statusCode).toBe(200);
    expect(b.cold).toBe(false);
    expect(sim.state.metrics.functionErrors).toBe(2);
  });

  it('Lambda never retries a synchronous request itself: without client retries a 429 is final', () => {
    const sim = simulate({}, { reservedConcurrency: 0 });
    invokeAt(sim, 0);
    sim.runUntil(60_000);
    expect(sim.recentInvocations()).toHaveLength(1);
  });
});
