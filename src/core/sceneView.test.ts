import { describe, expect, it } from 'vitest';
import { SCENE_ENV_PHASES, sceneView } from './sceneView';
import { requestStage } from './requestStage';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { invokeAt, scenario, simulate } from './testing/scenarios';

const phaseOf = (sim: Simulation, env: number) => {
  const ids = [...sim.state.environments.keys()];
  return SCENE_ENV_PHASES[sceneView(sim).envPhase[ids.indexOf(env)]];
};

// Constant timings (testing/scenarios): Counting granted at 1003.5, Assignment at 1006.5,
// Placement at 1021.5 (15 ms), code at 1026.5 (5 MB zip), Init 200 ms, handler 100 ms.
describe('the scene shows what has happened by the frame’s time, never what is decided for later', () => {
  it('a cold start’s environment appears on its worker only when Placement has chosen it, and takes a pooled microVM then', () => {
    const sim = simulate({ fleet: { workers: 1, prebootedPoolSize: 4 } });
    invokeAt(sim, 1000);
    sim.runUntil(1010); // the core already created env-1 at 1000; Placement answers at 1021.5
    let s = sceneView(sim);
    expect(phaseOf(sim, 1)).toBe('Hidden');
    expect(s.counters.placed).toBe(0);
    expect(s.counters.coldStarts).toBe(1); // Assignment (1006.5) found no idle environment
    expect(s.workers[0].pool).toBe(4);
    expect(s.workers[0].environments).toBe(0);
    expect(s.stages.placement).toBe(1);
    sim.runUntil(1022);
    s = sceneView(sim);
    expect(phaseOf(sim, 1)).toBe('Provisioning');
    expect(s.counters.placed).toBe(1);
    expect(s.workers[0].pool).toBe(3);
    expect(s.stages.code).toBe(1);
    sim.runUntil(1040); // code in place at 1036.5 (5 MB zip: 5 + 2 ms/MB)
    expect(phaseOf(sim, 1)).toBe('RuntimeInit'); // no extensions: the runtime starts at once
  });

  it('Counting holds the unit only once the request has reached it', () => {
    const sim = simulate();
    invokeAt(sim, 1000);
    sim.runUntil(1002);
    expect(sim.state.counting.accountInUse).toBe(1); // leased at the arrival instant
    expect(sceneView(sim).counting.inUse).toBe(0);
    expect(sceneView(sim).counting.functions[0].inUse).toBe(0);
    expect(sceneView(sim).stages.frontend).toBe(1);
    sim.runUntil(1004);
    expect(sceneView(sim).counting.inUse).toBe(1);
  });

  it('a 429 is counted when it leaves Counting, with its reason', () => {
    const sim = simulate({}, { reservedConcurrency: 0 });
    invokeAt(sim, 1000);
    sim.runUntil(1001);
    expect(summarize(sim).invocations.throttled).toBe(1);
    expect(sceneView(sim).counters.throttled).toBe(0);
    sim.runUntil(1004);
    const s = sceneView(sim);
    expect(s.counters.throttled).toBe(1);
    expect(s.counters.throttleReasons).toEqual({ ReservedFunctionConcurrentInvocationLimitExceeded: 1 });
    expect(s.stages.throttled).toBe(1);
  });

  it('a warm request’s environment stays idle until the payload reaches it', () => {
    const sim = simulate();
    invokeAt(sim, 0);
    invokeAt(sim, 2000);
    sim.runUntil(2005); // assigned at 2006.5, the handler starts at 2008 (payload hop 1.5 ms)
    expect(sim.state.environments.get(1)!.state).toBe('Invoking');
    expect(phaseOf(sim, 1)).toBe('Idle');
    sim.runUntil(2009);
    expect(phaseOf(sim, 1)).toBe('Invoking');
  });

  it('with the pool empty the microVM waits for a creation slot, then boots', () => {
    const sim = simulate({ fleet: { workers: 1, prebootedPoolSize: 0 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 3, atMs: 0 } }] });
    sim.runUntil(25); // all three placed at 21.5; creations 6.67 ms apart
    const third = [...sim.state.inflight.values()][2];
    expect(third.microvmBootStartMs - third.placedMs).toBeCloseTo(2 * 1000 / 150); // two creations ahead of it
    expect(phaseOf(sim, third.env)).toBe('Capacity');
    expect(requestStage(third, 25).stage).toBe('capacity');
    sim.runUntil(40);
    expect(phaseOf(sim, third.env)).toBe('Boot');
  });

  it('an Event waiting out its retry delay says when it wakes; after its last attempt it reaches the DLQ', () => {
    const sim = new Simulation(scenario({ workload: [{ function: 'hello', mode: 'Event', arrival: { process: 'trace', timesMs: [1000] } }] }, { errorRate: 1, async: { maximumRetryAttempts: 1, onFailure: 'dlq' } }));
    sim.runUntil(5000);
    let s = sceneView(sim);
    expect(s.queue.depth).toBe(1);
    expect(s.queue.shown[0]).toMatchObject({ state: 'RetryWait', attempts: 1 });
    expect(s.queue.shown[0].wakeAtMs).toBeGreaterThan(60_000);
    sim.runUntil(200_000);
    s = sceneView(sim);
    expect(s.queue.depth).toBe(0);
    expect(s.dlq.deadLettered).toBe(1);
    expect(s.dlq.recent).toEqual([expect.objectContaining({ state: 'DeadLettered', attempts: 2 })]);
  });

  it('a poller’s attempts form its batch', () => {
    const sim = new Simulation(scenario({ workload: [{ function: 'hello', mode: 'Event', arrival: { process: 'burst', count: 3, atMs: 1000 } }] }));
    sim.runUntil(1100);
    const b = sceneView(sim).pollers.batches;
    expect(b.flatMap((x) => x.events).sort()).toEqual([1, 2, 3]);
  });

  it('a worker lost to a failure is listed as failed for a minute', () => {
    const sim = simulate({ fleet: { workers: 2 }, faults: [{ type: 'worker-failure', atMs: 5000, worker: 1 }] });
    invokeAt(sim, 0);
    sim.runUntil(6000);
    expect(sceneView(sim).failedWorkers).toEqual([{ id: 1, atMs: 5000, environments: 1 }]);
    expect(sceneView(sim).workers.map((w) => w.id)).not.toContain(1);
    sim.runUntil(70_000);
    expect(sceneView(sim).failedWorkers).toEqual([]);
  });

  it('building the scene after every event leaves the run unchanged', () => {
    const make = () => new Simulation(scenario({
      fleet: { workers: 2, prebootedPoolSize: 1 },
      workload: [
        { function: 'hello', arrival: { process: 'poisson', ratePerSec: 40 } },
        { function: 'hello', mode: 'Event', arrival: { process: 'poisson', ratePerSec: 5 } },
        { function: 'hello', arrival: { process: 'burst', count: 300, atMs: 5000 } },
      ],
      faults: [{ type: 'worker-failure', atMs: 8000, worker: 'any' }],
    }, { errorRate: 0.3, reservedConcurrency: 100 }));
    const quiet = make();
    quiet.runUntil(20_000);
    const watched = make();
    while (watched.nextEventMs() <= 20_000) { watched.step(); sceneView(watched); }
    watched.runUntil(20_000);
    expect(summarize(watched, { final: true }).eventLogSha256).toBe(summarize(quiet, { final: true }).eventLogSha256);
  }, 60_000);
});
