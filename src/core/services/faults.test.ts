import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

describe('faults', () => {
  it('a worker failure: its environments vanish, in-flight requests get a 5xx, and a replacement worker joins', () => {
    const sim = simulate({ fleet: { workers: 1 }, faults: [{ type: 'worker-failure', atMs: 1000, worker: 1 }] }, { timeoutMs: 60_000, durationMs: { dist: 'constant', value: 5000 } });
    invokeAt(sim, 0);
    sim.runUntil(2000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('ServiceError');
    expect(inv.serviceErrorReason).toBe('WorkerLost');
    expect(sim.state.environments.size).toBe(0);
    expect([...sim.state.workers.keys()]).toEqual([2]);
  });

  it('killing a worker loses no async event: in-flight events go back to the queue and succeed later', () => {
    const sim = simulate({ fleet: { workers: 2 }, faults: [{ type: 'worker-failure', atMs: 3000, worker: 'any' }] }, { timeoutMs: 60_000, durationMs: { dist: 'constant', value: 5000 } });
    for (let i = 0; i < 20; i++) invokeAt(sim, i * 10, { function: 'hello', mode: 'Event' });
    sim.runUntil(600_000);
    expect(sim.state.workersFailed).toBe(1);
    expect(sim.state.asyncQueue.stats).toMatchObject({ accepted: 20, succeeded: 20, deadLettered: 0, dropped: 0 });
    expect(sim.recentInvocations().some((i) => i.state === 'ServiceError')).toBe(true);
  });

  it('during an invoke-service outage clients get a 5xx; one with SDK retries gets through after it', () => {
    const sim = simulate({ faults: [{ type: 'invoke-outage', fromMs: 1000, toMs: 2000 }] });
    invokeAt(sim, 1500);
    invokeAt(sim, 1500, { function: 'hello', maxAttempts: 10 });
    sim.runUntil(60_000);
    const invs = sim.recentInvocations().sort((a, b) => a.id - b.id);
    expect(invs[0].statusCode).toBe(500);
    expect(invs[0].serviceErrorReason).toBe('ServiceException');
    const retried = invs.filter((i) => i.attempt > 1);
    expect(retried.at(-1)!.state).toBe('Succeeded');
  });

  it('a client that queues during an outage sends its requests when the service is back', () => {
    const sim = simulate({
      faults: [{ type: 'invoke-outage', fromMs: 1000, toMs: 5000 }],
      workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [1500, 2500] }, client: { queueDuringOutage: true } }],
    });
    sim.runUntil(10_000);
    const invs = sim.recentInvocations();
    expect(invs.map((i) => i.state)).toEqual(['Succeeded', 'Succeeded']);
    expect(invs.every((i) => i.receivedMs === 5000)).toBe(true);
    expect(sim.state.metrics.clientQueued).toBe(2);
  });

  it('the async data plane keeps working during an invoke-service outage', () => {
    const sim = simulate({ faults: [{ type: 'invoke-outage', fromMs: 500, toMs: 60_000 }] });
    invokeAt(sim, 0, { function: 'hello', mode: 'Event' });
    sim.runUntil(10_000);
    expect(sim.state.asyncQueue.stats.succeeded).toBe(1);
  });

  it('slow pollers delay queued events', () => {
    const delay = (factor: number) => {
      const sim = simulate({ faults: [{ type: 'slow-pollers', fromMs: 0, toMs: 600_000, factor }], platform: { pollerLatencyMs: { dist: 'constant', value: 20 } } });
      invokeAt(sim, 0, { function: 'hello', mode: 'Event' });
      sim.runUntil(60_000);
      return sim.recentInvocations()[0].receivedMs;
    };
    expect(delay(1)).toBe(20);
    expect(delay(100)).toBe(2000);
  });

  it('when Init fails, Lambda retries it at the first invoke; if that fails too, the invocation is a function error', () => {
    const sim = simulate({ faults: [{ type: 'init-failure', function: 'hello', rate: 1 }] });
    invokeAt(sim, 0);
    sim.runUntil(10_000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('FunctionError');
    expect(sim.state.environments.get(inv.env)!.state).toBe('Reset');
  });
});
