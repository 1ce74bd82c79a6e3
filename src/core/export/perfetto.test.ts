import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { scenario } from '../testing/scenarios';
import type { Invocation } from '../model/records';
import { PerfettoBuilder, TRACE_HEAD, traceTail, type TraceEvent } from './perfetto';
import { parseTraceEvents } from './traceEventParser';
import { invocationSpans } from './otlp';

/** A run with cold and warm starts, several workers and failing Event invocations that are retried. */
function run(): Invocation[] {
  const done: Invocation[] = [];
  const s = scenario({
    durationMs: 600_000,
    fleet: { workers: 3 },
    workload: [
      { function: 'hello', arrival: { process: 'poisson', ratePerSec: 20 } },
      { function: 'hello', mode: 'Event', arrival: { process: 'poisson', ratePerSec: 1 } },
    ],
  }, { durationMs: { dist: 'lognormal', median: 200, sigma: 0.6 }, keepAliveMs: { dist: 'constant', value: 20_000 }, errorRate: 0.3 });
  const sim = new Simulation(s, { recentInvocations: 0, onInvocationDone: (inv) => void done.push(inv) });
  sim.runUntil(s.durationMs);
  return done;
}

function exportText(invs: Invocation[]): string {
  const b = new PerfettoBuilder((fn, name) => (fn === 0 ? 'hello' : name));
  const events: TraceEvent[] = invs.flatMap((i) => b.add(i));
  return TRACE_HEAD + events.map((e) => JSON.stringify(e)).join(',\n') + traceTail({ invocations: b.invocations });
}

describe('Perfetto / Chrome trace export', () => {
  const invs = run();
  const parsed = parseTraceEvents(exportText(invs));

  it('round-trips through a parser of the Trace Event Format with no problem', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.events.length).toBeGreaterThan(invs.length);
  });

  it('gives each worker a process and each execution environment a thread, named', () => {
    const envs = new Set(invs.filter((i) => i.env).map((i) => i.env));
    const threads = [...parsed.threadNames.values()].filter((n) => n.startsWith('env-'));
    expect(new Set(threads).size).toBe(envs.size);
    expect([...parsed.processNames.values()].filter((n) => n.startsWith('worker-')).length).toBeGreaterThanOrEqual(2);
    expect(parsed.processNames.get(1)).toBe('Frontend Invoke');
  });

  it('draws a cold invocation’s Init phases nested inside its slice on the environment’s thread', () => {
    const cold = invs.find((i) => i.cold && i.state === 'Succeeded')!;
    const track = parsed.tracks.get(`${1000 + cold.worker}:${cold.env}`)!;
    const names = track.filter((s) => s.ts >= cold.assignedMs * 1000 - 1e-3 && s.ts <= cold.invokeEndMs * 1000).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([`inv-${cold.id} hello (cold)`, 'Placement', 'Runtime init', 'Function init', 'Invoke']));
  });

  it('joins an Event invocation’s attempts with flow arrows, one per retry', () => {
    const attempts = new Map<number, number>();
    for (const i of invs) if (i.asyncEvent) attempts.set(i.asyncEvent, (attempts.get(i.asyncEvent) ?? 0) + 1);
    const retries = [...attempts.values()].reduce((n, k) => n + k - 1, 0);
    expect(retries).toBeGreaterThan(5);
    expect(parsed.flows.length).toBe(retries);
  });

  it('the parser rejects slices that straddle each other and flows with no finish', () => {
    const bad = JSON.stringify({ traceEvents: [
      { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'p' } }, { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 't' } },
      { name: 'a', ph: 'X', ts: 0, dur: 10, pid: 1, tid: 1 }, { name: 'b', ph: 'X', ts: 5, dur: 10, pid: 1, tid: 1 },
      { name: 'r', ph: 's', id: 'x', ts: 1, pid: 1, tid: 1 },
    ] });
    const p = parseTraceEvents(bad);
    expect(p.problems.some((x) => x.includes('overlaps the end of "a"'))).toBe(true);
    expect(p.problems.some((x) => x.includes("needs exactly one 's' and one 'f'"))).toBe(true);
  });

  it('writes each invocation as an OpenTelemetry trace: a server span and its phases as children', () => {
    const cold = invs.find((i) => i.cold && i.state === 'Succeeded')!;
    const spans = invocationSpans(cold, 'hello', 1);
    expect(spans[0]).toMatchObject({ name: 'Invoke hello', kind: 2 });
    expect(spans[0].traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(spans.slice(1).every((s) => s.parentSpanId === spans[0].spanId && s.traceId === spans[0].traceId)).toBe(true);
    expect(spans.map((s) => s.name)).toContain('Function init');
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(spans.length);
  });
});
