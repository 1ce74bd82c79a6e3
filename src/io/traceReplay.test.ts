import { describe, expect, it } from 'vitest';
import { Simulation } from '../core/simulation';
import { summarize } from '../core/summary';
import { scenario } from '../core/testing/scenarios';
import { parseTraceMap } from '../core/traces/mapping';
import { TRACE_SOURCE } from '../core/traces/source';
import { fileBytes } from '../cli/fileBytes';
import { prepareTrace, type PrepareOptions } from './traceLoad';
import type { Invocation } from '../core/model/records';

const file = (name: string) => {
  const f = fileBytes(`traces/${name}`);
  if (!f.ok) throw new Error(f.problem);
  return f.file;
};
const base = (fns: Record<string, unknown>[] = [{ name: 'checkout' }, { name: 'thumbnail' }, { name: 'nightly' }], durationMs = 1_900_000) =>
  scenario({
    durationMs,
    functions: fns.map((f) => ({ runtime: 'nodejs20.x', memoryMb: 512, timeoutMs: 30_000, durationMs: { dist: 'constant', value: 100 }, initMs: { dist: 'constant', value: 200 }, ...f })),
  });

async function replay(name: string, map: string, o: PrepareOptions & { durationMs?: number; fns?: Record<string, unknown>[] } = {}) {
  const mode = parseTraceMap(map);
  if ('error' in mode) throw new Error(mode.error);
  const prepared = await prepareTrace(file(name), base(o.fns, o.durationMs), mode, o);
  if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
  const t = prepared.trace;
  const done: Invocation[] = [];
  const sim = new Simulation(t.scenario, { recentInvocations: 0, onInvocationDone: (inv) => void done.push(inv) });
  let maxPending = 0;
  for (let at = 0; at < t.scenario.durationMs; at += 10_000) {
    sim.runUntil(Math.min(at + 10_000, t.scenario.durationMs));
    maxPending = Math.max(maxPending, sim.state.trace!.pending.at.length);
  }
  t.release();
  return { sim, trace: t, done, maxPending, summary: summarize(sim, { final: true }) };
}

describe('trace replay', () => {
  it('an Azure 2021 file replays every invocation onto the function of the same name', async () => {
    const { summary, trace } = await replay('azure2021-sample.csv', 'name');
    expect(trace.volumes.invocations).toBe(1289);
    expect(summary.functions.checkout.invocations).toBe(916);
    expect(summary.functions.thumbnail.invocations).toBe(337);
    expect(summary.functions.nightly.invocations).toBe(36);
  });

  it('an Azure 2021 invocation starts at end − duration and runs for the trace’s duration', async () => {
    const { done } = await replay('azure2021-sample.csv', 'name');
    const first = done.filter((i) => i.source === TRACE_SOURCE && i.functionName === 'checkout' && !i.cold)[0];
    expect(first.invokeEndMs - first.invokeStartMs).toBeCloseTo(first.traceDurationMs, 6);
    // The file's second row: end 4.398 s, duration 0.022 s → arrives at 4376 ms.
    expect(done.some((i) => Math.abs(i.receivedMs - 4376) < 1e-6)).toBe(true);
  });

  it('rank maps the busiest trace function onto functions[0]', async () => {
    const { summary } = await replay('azure2021-sample.csv', 'rank', { fns: [{ name: 'a' }, { name: 'b' }] });
    expect(summary.functions).toMatchObject({ a: { invocations: 916 }, b: { invocations: 337 } });
  });

  it('top:N creates one function per busy trace function from the template', async () => {
    const { summary, trace } = await replay('azure2021-sample.csv', 'top:2', { fns: [{ name: 'template' }] });
    expect(trace.scenario.functions.map((f) => f.name)).toEqual(['template', 'checkout', 'thumbnail']);
    expect(summary.functions.checkout.invocations).toBe(916);
    expect(trace.plan.unmapped).toEqual({ functions: 1, invocations: 36 });
  });

  it('an Azure 2019 day replays each minute’s count inside that minute', async () => {
    const { summary, done } = await replay('azure2019-invocations-sample.csv', 'rank', { fns: [{ name: 'web' }, { name: 'batch' }, { name: 'cron' }, { name: 'events' }], durationMs: 86_400_000 });
    expect(summary.functions).toMatchObject({ web: { invocations: 8640 }, batch: { invocations: 1800 }, cron: { invocations: 96 }, events: { invocations: 65 } });
    // The queue function's 30 a minute all fall within minutes 540–599.
    const batch = done.filter((i) => i.functionName === 'batch');
    expect(Math.min(...batch.map((i) => i.receivedMs))).toBeGreaterThanOrEqual(540 * 60_000);
    expect(Math.max(...batch.map((i) => i.receivedMs))).toBeLessThan(600 * 60_000);
  });

  it('Azure 2019 duration percentiles become the mapped function’s duration distribution, memory sizes created functions', async () => {
    const { trace } = await replay('azure2019-invocations-sample.csv', 'top:1', {
      fns: [{ name: 'template' }], durationMs: 60_000, durations: file('azure2019-durations-sample.csv'), memory: file('azure2019-memory-sample.csv'),
    });
    const f = trace.scenario.functions[1];
    expect(f.memoryMb).toBe(170);
    expect(f.durationMs.dist).toBe('empirical');
    const values = (f.durationMs as { values: number[] }).values;
    expect(values[99]).toBeCloseTo(38, 0); // the median of percentile_Average_50 = 38 ms
  });

  it('a plain timestamps file replays to its count, burst included', async () => {
    const { summary } = await replay('timestamps-sample.csv', 'name', { fns: [{ name: 'hello' }], durationMs: 700_000 });
    expect(summary.functions.hello.invocations).toBe(311);
  });

  it('reads a bounded window ahead of virtual time, never the whole file', async () => {
    // Pending: the rows read beyond virtual time — the reorder horizon (60 s here) plus one chunk.
    const { maxPending, trace } = await replay('azure2021-sample.csv', 'name', { chunkBytes: 1000, horizonMs: 60_000 });
    expect(maxPending).toBeLessThan(trace.volumes.invocations / 10);
  });

  it('the same file, scenario and seed give the same event log hash whatever the chunk sizes', async () => {
    const hashes = new Set<string>();
    for (const chunkBytes of [64, 1000, 1 << 20]) hashes.add((await replay('azure2021-sample.csv', 'name', { chunkBytes })).summary.eventLogSha256);
    expect(hashes.size).toBe(1);
  });
});

describe('a replayed trace is part of the simulation state', () => {
  it('a snapshot taken mid-replay restores and continues to the same event log as the uninterrupted run', async () => {
    const { snapshot, restore } = await import('../core/snapshot');
    const mode = parseTraceMap('name');
    if ('error' in mode) throw new Error(mode.error);
    const prepared = await prepareTrace(file('azure2021-sample.csv'), base(), mode, { chunkBytes: 2000 });
    if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
    const t = prepared.trace;
    const whole = new Simulation(t.scenario);
    whole.runUntil(t.scenario.durationMs);
    const first = new Simulation(t.scenario);
    first.runUntil(700_000);
    const resumed = restore(snapshot(first));
    expect(resumed.state.trace).toMatchObject({ kind: 'stream', linesRead: first.state.trace!.kind === 'stream' ? first.state.trace!.linesRead : -1 });
    first.runUntil(900_000); // moves the shared reader on: the restored copy must resume at its own cursor
    resumed.runUntil(t.scenario.durationMs);
    expect(whole.eventLogSha256()).toMatch(/^[0-9a-f]{64}$/);
    expect(resumed.eventLogSha256()).toBe(whole.eventLogSha256());
  });
});
