import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 }); // whole scenario runs, on a shared 2-core machine
import { parseScenario, Simulation, sceneView, SCENE_ENV_PHASES, requestStage } from '../../core';
import { CHAPTERS, chapterById } from './chapters';
import { stepSpeed } from './types';

/**
 * Each tour step's window checked against what actually happens in its scenario: the text
 * says what the window shows, and the run must agree at its start and at its end (nothing
 * the text has not reached is on screen; what it says happens has happened).
 */
const PARTS = ['clients', 'frontend', 'counting', 'assignment', 'placement', 'worker', 'microvm', 'queue', 'pollers', 'dlq', 'event-source'];

function runner(id: string) {
  const ch = chapterById(id)!;
  const r = parseScenario(ch.scenario);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  let sim = new Simulation(r.scenario, { recentInvocations: 10_000 });
  return (t: number) => {
    if (t < sim.nowMs) sim = new Simulation(r.scenario, { recentInvocations: 10_000 });
    sim.runUntil(t);
    const invs = new Map([...sim.recentInvocations(), ...sim.state.inflight.values()].map((i) => [i.id, i]));
    const stage = (id: number) => { const inv = invs.get(id); return inv ? requestStage(inv, t).stage : 'none'; };
    const scene = sceneView(sim);
    const phases = [...scene.envPhase].map((p) => SCENE_ENV_PHASES[p]);
    return { sim, scene, stage, phases };
  };
}
const step = (id: string, n: number) => chapterById(id)!.steps[n - 1];

describe('every tour step', () => {
  for (const ch of CHAPTERS) {
    it(`${ch.id}: windows play forward at a followable rate, name real parts, and follow requests that exist`, () => {
      const at = runner(ch.id);
      for (const s of ch.steps) {
        expect(s.toMs, s.title).toBeGreaterThan(s.fromMs);
        expect(s.seconds, s.title).toBeGreaterThanOrEqual(2);
        expect(stepSpeed(s), s.title).toBeGreaterThan(0.0009);
        for (const p of s.focus) expect(PARTS, s.title).toContain(p);
        if (s.follow) expect(at(s.toMs).stage(s.follow), `${s.title}: inv-${s.follow}`).not.toBe('none');
      }
    });
  }
});

describe('1. Anatomy of a synchronous invoke', () => {
  const at = runner('sync-invoke');
  it('step 1 ends before the request arrives: nothing is running yet', () => {
    expect(at(step('sync-invoke', 1).toMs).sim.state.nextInvocationId).toBe(1);
  });
  it('step 2 ends with the request granted its unit by Counting, not yet at Assignment', () => {
    const s = at(step('sync-invoke', 2).toMs);
    expect(s.stage(1)).toBe('counting');
    expect(s.scene.counting.inUse).toBe(1);
  });
  it('step 3 ends with Placement done and a pooled microVM taken; the code download has only begun', () => {
    const s = at(step('sync-invoke', 3).fromMs);
    expect(s.stage(1)).toBe('counting');
    const e = at(step('sync-invoke', 3).toMs);
    expect(e.stage(1)).toBe('code');
    expect(e.scene.counters.placed).toBe(1);
    expect(e.scene.workers[0].pool).toBe(7);
  });
  it('step 4 plays the code download and all of Init, ending as the handler starts', () => {
    expect(at(step('sync-invoke', 4).fromMs).phases).toEqual(['Provisioning']);
    const e = at(step('sync-invoke', 4).toMs);
    expect(e.stage(1)).toBe('invoke');
    expect(e.phases).toEqual(['Invoking']);
  });
  it('step 5 ends after the response, with the environment frozen', () => {
    const e = at(step('sync-invoke', 5).toMs);
    expect(e.stage(1)).toBe('done');
    expect(e.phases).toEqual(['Idle']);
  });
  it('step 6: still idle, and the pool refilled', () => {
    const e = at(step('sync-invoke', 6).toMs);
    expect(e.phases).toEqual(['Idle']);
    expect(e.scene.workers[0].pool).toBe(8);
  });
});

describe('2. Cold versus warm, and keep-alive', () => {
  const at = runner('cold-vs-warm');
  it('step 2 holds the whole first (cold) request', () => {
    expect(at(step('cold-vs-warm', 2).fromMs).stage(1)).toBe('none');
    const e = at(step('cold-vs-warm', 2).toMs);
    expect(e.stage(1)).toBe('done');
    expect(e.sim.recentInvocations()[0].cold).toBe(true);
  });
  it('step 3 holds the whole second request, warm on the same environment', () => {
    expect(at(step('cold-vs-warm', 3).fromMs).stage(2)).toBe('none');
    const e = at(step('cold-vs-warm', 3).toMs);
    expect(e.stage(2)).toBe('done');
    const inv2 = e.sim.recentInvocations().find((i) => i.id === 2)!;
    expect(inv2.cold).toBe(false);
  });
  it('step 4: the idle environment shuts down and is gone within the window', () => {
    expect(at(step('cold-vs-warm', 4).fromMs).phases).toEqual(['Idle']);
    expect(at(step('cold-vs-warm', 4).toMs).phases).toEqual([]);
  });
  it('step 5 holds the third request: cold, because the environment was reclaimed', () => {
    expect(at(step('cold-vs-warm', 5).fromMs).stage(3)).toBe('none');
    const e = at(step('cold-vs-warm', 5).toMs);
    expect(e.stage(3)).toBe('done');
    expect(e.sim.recentInvocations().find((i) => i.id === 3)!.coldReason?.kind).toBe('reclaimed');
  });
});

describe('3. Event invocations', () => {
  const at = runner('async');
  it('step 2: accepted and queued, not yet taken by a poller', () => {
    const e = at(step('async', 2).toMs);
    expect(e.scene.queue.shown).toEqual([expect.objectContaining({ state: 'Queued', attempts: 0 })]);
    expect(e.sim.state.nextInvocationId).toBe(1);
  });
  it('step 3: the first attempt runs cold and fails; the event waits to retry', () => {
    const e = at(step('async', 3).toMs);
    expect(e.stage(1)).toBe('done');
    expect(e.scene.queue.shown).toEqual([expect.objectContaining({ state: 'RetryWait', attempts: 1 })]);
  });
  it('step 4 waits out the first retry delay: the event is visible again, not yet taken', () => {
    const e = at(step('async', 4).toMs);
    expect(e.scene.queue.shown[0].state).toBe('Queued');
    expect(e.stage(2)).toBe('none');
  });
  it('step 5: the warm second attempt fails; two attempts used', () => {
    const e = at(step('async', 5).toMs);
    expect(e.stage(2)).toBe('done');
    expect(e.scene.queue.shown).toEqual([expect.objectContaining({ state: 'RetryWait', attempts: 2 })]);
  });
  it('step 6 waits out the second delay; step 7 ends with the event in the DLQ', () => {
    expect(at(step('async', 6).toMs).scene.queue.shown[0].state).toBe('Queued');
    const e = at(step('async', 7).toMs);
    expect(e.scene.queue.depth).toBe(0);
    expect(e.scene.dlq.deadLettered).toBe(1);
  });
});

describe('4. Scaling and throttling', () => {
  const at = runner('scaling');
  it('step 2: 1,000 go on, 2,000 are answered 429 by the window’s end', () => {
    expect(at(step('scaling', 2).fromMs).scene.counters.throttled).toBe(0);
    const e = at(step('scaling', 2).toMs);
    expect(e.scene.counters.throttled).toBe(2000);
    expect(e.scene.counters.coldStarts).toBe(1000);
  });
  it('step 3: in a cell of many workers no new environment waits for microVM capacity, and most already invoke', () => {
    const mid = at(1100);
    expect(mid.scene.stages.capacity).toBe(0);
    expect(at(2000).scene.stages.invoke).toBeGreaterThan(900);
  });
  it('step 4: of the second burst ~1,000 are warm, ~1,000 cold, the rest throttled', () => {
    const e = at(step('scaling', 4).toMs);
    expect(e.scene.counters.coldStarts).toBe(2000);
    expect(e.scene.counters.throttled).toBe(3000);
  });
  it('step 5: reserved concurrency 50 lets 50 run and throttles 150', () => {
    const e = at(step('scaling', 5).toMs);
    expect(e.scene.counters.throttleReasons.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(150);
    expect(e.scene.counting.functions[0].inUse).toBe(50);
  });
});

describe('5. Workers', () => {
  const at = runner('workers');
  it('step 2: ten environments, five on each worker, some booting', () => {
    const e = at(step('workers', 2).toMs);
    expect(e.scene.workers.map((w) => w.environments)).toEqual([5, 5]);
  });
  it('step 3: worker-1 fails within the window and a replacement joins', () => {
    expect(at(step('workers', 3).fromMs).scene.failedWorkers).toEqual([]);
    const e = at(step('workers', 3).toMs);
    expect(e.scene.failedWorkers.map((f) => f.id)).toEqual([1]);
    expect(e.scene.workers.length).toBe(2);
  });
  it('step 4: a worker drains and a replacement joins', () => {
    expect(at(step('workers', 4).fromMs).scene.workers.every((w) => w.state === 'Active')).toBe(true);
    const e = at(step('workers', 4).toMs);
    expect(e.scene.workers.some((w) => w.state === 'Draining')).toBe(true);
    expect(e.scene.workers.length).toBe(3);
  });
});

describe('6. Provisioned concurrency and SnapStart', () => {
  const at = runner('provisioned');
  it('step 1: the two provisioned environments finish Init before any request', () => {
    const e = at(step('provisioned', 1).toMs);
    expect(e.phases).toEqual(['Idle', 'Idle']);
    expect(e.sim.state.nextInvocationId).toBe(1);
  });
  it('step 2: the provisioned request is warm; the other two are being placed', () => {
    const e = at(step('provisioned', 2).toMs);
    const invs = [...e.sim.state.inflight.values(), ...e.sim.recentInvocations()];
    expect(invs.find((i) => i.functionName === 'provisioned:live')!.provisioned).toBe(true);
    expect(invs.filter((i) => i.cold).length).toBe(2);
  });
  it('step 3: the SnapStart restore and the on-demand Init both finish in the window', () => {
    const e = at(step('provisioned', 3).toMs);
    expect(e.sim.recentInvocations().filter((i) => i.state === 'Succeeded').length).toBe(3);
  });
});
