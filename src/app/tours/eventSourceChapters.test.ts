import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 }); // whole scenario runs, on a shared 2-core machine
import { parseScenario, Simulation, toView } from '../../core';
import { chapterById } from './chapters';

/**
 * The event source chapters' windows checked against their runs: at each window's start
 * nothing the text describes has happened yet; at its end it has.
 */
function runner(id: string) {
  const r = parseScenario(chapterById(id)!.scenario);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  let sim = new Simulation(r.scenario);
  return (t: number) => {
    if (t < sim.nowMs) sim = new Simulation(r.scenario);
    sim.runUntil(t);
    const src = sim.state.eventSources.sources[0];
    return { c: { ...src.counters }, invoking: src.invoking, state: src.state, view: toView(sim).eventSources[0] };
  };
}
const win = (id: string, n: number) => chapterById(id)!.steps[n - 1];

describe('7. A queue in front of a function', () => {
  const at = runner('queue');
  it('step 1: the mapping starts with five concurrent batches', () => {
    expect(at(win('queue', 1).toMs).invoking).toBe(5);
  });
  it('step 2: it adds at most 5 batches a second (300 a minute) while messages wait: 50 at 10 s, 8,000 waiting', () => {
    const s = win('queue', 2);
    const end = at(s.toMs);
    expect(end.invoking).toBeLessThanOrEqual(5 + Math.ceil((300 * (s.toMs - 0)) / 60_000));
    expect(end.invoking).toBe(50);
    expect(end.view.visible).toBeGreaterThan(8000);
    expect(end.c.functionErrors).toBe(0);
  });
  it('step 3: the poison message fails its batch at 11 s, twice more after the visibility timeout, and all 10 messages go to the DLQ', () => {
    const s = win('queue', 3);
    expect(at(s.fromMs).c.functionErrors).toBe(0);
    expect(at(11_000).c.functionErrors).toBe(1);
    const end = at(s.toMs);
    expect(end.c.functionErrors).toBe(3);
    expect(end.c.retried).toBe(20); // received again twice, 10 messages each time
    expect(end.c.toDlq).toBe(10);
  });
  it('step 4: the backlog is drained by 84 s; the mapping is Updating at 60 s, partial batch responses on after', () => {
    const s = win('queue', 4);
    expect(at(60_000).state).toBe('Updating');
    const end = at(s.toMs);
    expect(end.state).toBe('Enabled');
    expect(end.view.reportBatchItemFailures).toBe(true);
    expect(end.view.visible).toBeLessThan(100);
    expect(end.invoking).toBeGreaterThan(300);
    expect(end.c.partialFailures).toBe(0);
    expect(end.c.toDlq).toBe(10);
  });
  it('step 5: with partial batch responses only the poison message is retried (3 receives) and only it goes to the DLQ; the mapping scales down', () => {
    const s = win('queue', 5);
    const a = at(s.fromMs), b = at(s.toMs);
    expect(b.c.partialFailures - a.c.partialFailures).toBe(3);
    expect(b.c.functionErrors - a.c.functionErrors).toBe(0);
    expect(b.c.retried - a.c.retried).toBe(2);
    expect(b.c.toDlq - a.c.toDlq).toBe(1);
    expect(b.invoking).toBeLessThan(a.invoking);
  });
});

describe('8. A stream’s stalled shard', () => {
  const at = runner('stream');
  const stalled = (v: ReturnType<typeof at>['view']) => v.lanes.filter((l) => l.retries > 0).map((l) => l.shard);
  it('step 1: four shards keep up, iterator age about a second', () => {
    const end = at(win('stream', 1).toMs);
    expect(end.view.lanes).toHaveLength(4);
    expect(stalled(end.view)).toEqual([]);
    expect(end.view.iteratorAgeMs).toBeLessThan(1500);
  });
  it('step 2: a poison record at 41 s stalls shard 3 only; its iterator age climbs past 50 s', () => {
    const s = win('stream', 2);
    expect(at(s.fromMs).c.functionErrors).toBe(0);
    const end = at(s.toMs);
    expect(stalled(end.view)).toEqual([3]);
    expect(end.view.lanes.filter((l) => l.shard !== 3).every((l) => l.oldestAgeMs < 1500)).toBe(true);
    expect(end.view.iteratorAgeMs).toBeGreaterThan(45_000);
    expect(end.c.toDlq).toBe(0);
  });
  it('step 3: bisect and 2 retries send the poison record to the on-failure destination, and the shard catches up', () => {
    const end = at(win('stream', 3).toMs);
    expect(end.c.toDlq).toBe(1);
    expect(stalled(end.view)).toEqual([]);
    expect(end.view.iteratorAgeMs).toBeLessThan(2000);
  });
  it('step 4: the next poison record stalls its shard for seconds, then goes to the destination', () => {
    const s = win('stream', 4);
    expect(at(s.fromMs).c.toDlq).toBe(1);
    expect(stalled(at(130_000).view)).toHaveLength(1);
    const end = at(s.toMs);
    expect(end.c.toDlq).toBe(2);
    expect(end.view.iteratorAgeMs).toBeLessThan(2000);
  });
});
