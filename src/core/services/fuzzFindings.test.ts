import { describe, expect, it } from 'vitest';
import { InvariantMonitor } from '../invariantMonitor';
import { invokeAt, simulate } from '../testing/scenarios';
import type { Simulation } from '../simulation';

/** Runs to `untilMs` one event at a time, failing on the first broken invariant (time going back among them). */
function runChecked(sim: Simulation, untilMs: number): void {
  const monitor = new InvariantMonitor();
  while (sim.nextEventMs() <= untilMs) {
    sim.step();
    const problems = monitor.check(sim);
    if (problems.length) throw new Error(`t=${sim.nowMs}: ${problems.join('; ')}`);
  }
}

describe('nothing is ever scheduled in the past (found by the fuzzer)', () => {
  it('a provisioned environment whose recycle time passed while it was busy is recycled once it is idle, at that moment', () => {
    const sim = simulate({ platform: { provisionedRecycleMs: 60_000, provisionedAllocationDelayMs: 0 } }, {
      runtime: 'java21', provisionedConcurrency: 1, timeoutMs: 120_000, durationMs: { dist: 'constant', value: 70_000 },
    });
    invokeAt(sim, 1000, { function: 'hello:live' });
    runChecked(sim, 100_000);
    const [served] = sim.recentInvocations();
    expect(served).toMatchObject({ state: 'Succeeded', env: 1, provisioned: true });
    expect(sim.state.environments.has(1)).toBe(false); // recycled when the request ended (~71 s)…
    const replacement = [...sim.state.environments.values()].find((e) => e.provisioned)!;
    expect(replacement.createdAtMs).toBeGreaterThan(served.invokeEndMs - 1); // …and replaced then, not at 60 s
  });

  it('an Event whose maximum age passed during a failing attempt expires when the attempt ends, not before', () => {
    const sim = simulate({}, {
      errorRate: 1, timeoutMs: 120_000, durationMs: { dist: 'constant', value: 70_000 },
      async: { maximumRetryAttempts: 2, maximumEventAgeMs: 60_000, onFailure: 'dlq' },
    });
    invokeAt(sim, 1000, { function: 'hello', mode: 'Event' });
    runChecked(sim, 300_000);
    expect(sim.state.asyncQueue.stats).toMatchObject({ accepted: 1, expired: 1, deadLettered: 1, retries: 0 });
  });
});

describe('a failed worker takes nothing new (found by the fuzzer)', () => {
  it('a provisioned environment lost with its worker is replaced on another worker, never on the failed one', () => {
    const sim = simulate({ fleet: { workers: 1 }, platform: { provisionedAllocationDelayMs: 0 }, faults: [{ type: 'worker-failure', atMs: 0, worker: 'any' }] }, { runtime: 'java21', provisionedConcurrency: 1 });
    runChecked(sim, 1000);
    const pc = [...sim.state.environments.values()].filter((e) => e.provisioned);
    expect(pc).toHaveLength(1);
    expect(sim.state.workers.get(pc[0].worker)?.state).toBe('Active');
  });
});

describe('a timeout lowered mid-invocation (found by the fuzzer)', () => {
  it('an invocation whose timeout an update lowered while Init was retried inside it times out when Init ends, never in the past', () => {
    const sim = simulate({
      platform: { initLimitMs: 1000 },
      controlPlane: [{ atMs: 5000, action: 'UpdateFunctionConfiguration', function: 'hello', config: { timeoutMs: 4000 } }],
    }, { timeoutMs: 12_000, initMs: { dist: 'constant', value: 12_000 } });
    invokeAt(sim, 0);
    sim.runUntil(10);
    runChecked(sim, 60_000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('TimedOut');
    expect(inv.invokeEndMs).toBeGreaterThanOrEqual(inv.invokeStartMs + 12_000 - 1e-6);
  });
});

describe('the account limit holds while a new reservation waits for carried units (found by the fuzzer)', () => {
  it('a function reserved while others hold the whole account is throttled until they release, never over the account limit', () => {
    const sim = simulate({
      account: { concurrencyLimit: 1, unreservedMinimum: 0 },
      functions: [
        { name: 'hello', durationMs: { dist: 'constant', value: 100 }, initMs: { dist: 'constant', value: 200 } },
        { name: 'b', durationMs: { dist: 'constant', value: 5000 }, initMs: { dist: 'constant', value: 200 }, timeoutMs: 10_000, cpuBoundFraction: 0 }, // 5 s as written at 128 MB
      ],
    });
    invokeAt(sim, 0, { function: 'b' }); // b (unreserved) holds the account's only unit for ~5 s
    sim.runUntil(10);
    expect(sim.controlPlane({ action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 1 } as never).ok).toBe(true);
    invokeAt(sim, 1000, { function: 'hello' });
    invokeAt(sim, 8000, { function: 'hello' });
    runChecked(sim, 10_000);
    const hello = sim.recentInvocations().filter((i) => i.functionName === 'hello');
    expect(hello.map((i) => i.state)).toEqual(['Throttled', 'Succeeded']);
    expect(hello[0].throttleReason).toBe('ConcurrentInvocationLimitExceeded');
  });
});
