import type { Invocation } from '../model/records';
import { invocationPhases } from './phases';

/**
 * A run as a Chrome / Perfetto trace (the JSON "Trace Event Format": an object with
 * `traceEvents`; times in µs). Built incrementally from completed invocations, so the CLI
 * can stream a long run to a file.
 *
 * Tracks: each worker is a process (`pid` 1000 + worker id, named `worker-N`) and each
 * execution environment one of its threads (`tid` = environment id, named `env-N`), with
 * each invocation's environment-side phases as nested complete ('X') slices — Placement,
 * microVM, code, Extension/Runtime/Function init or Restore, Invoke. The Frontend Invoke
 * service is process 1: every request is a slice from receipt to response on one of its
 * lanes (threads, allocated so that slices on a lane never overlap), with its front-end
 * hops nested inside. An Event invocation's successive attempts are joined by flow events
 * ('s' → 'f'), so Perfetto draws an arrow from each attempt to its retry.
 */
export interface TraceEvent {
  name: string;
  ph: 'X' | 'M' | 's' | 'f';
  ts?: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  id?: string;
  bp?: 'e';
  args?: Record<string, unknown>;
}

export const FRONTEND_PID = 1;
export const workerPid = (worker: number) => 1000 + worker;
/** ms → µs, rounded to the ns so that a child's end never passes its parent's by a rounding error. */
const us = (ms: number) => Math.round(ms * 1e6) / 1e3;
const span = (startMs: number, endMs: number) => ({ ts: us(startMs), dur: Math.round((us(endMs) - us(startMs)) * 1e3) / 1e3 });

export class PerfettoBuilder {
  private readonly named = new Set<string>();
  private readonly lanes: number[] = []; // latest end (ms) of the slices on each Frontend lane
  private readonly lastAttempt = new Map<number, { pid: number; tid: number; ts: number; attempt: number }>();
  invocations = 0;

  constructor(private readonly functionName: (fn: number, requested: string) => string, private readonly maxRetryChains = 100_000) {}

  /** The trace events for one completed invocation (metadata for new tracks included). */
  add(inv: Invocation): TraceEvent[] {
    const out: TraceEvent[] = [];
    this.invocations++;
    const fn = this.functionName(inv.fn, inv.functionName);
    const label = `inv-${inv.id} ${fn}${inv.cold ? ' (cold)' : ''}`;
    const args = { invocation: inv.id, function: fn, version: inv.version, state: inv.state, statusCode: inv.statusCode, cold: inv.cold, attempt: inv.attempt, ...(inv.asyncEvent ? { asyncEvent: inv.asyncEvent } : {}) };
    const p = invocationPhases(inv);

    // The request on the Frontend Invoke service.
    const start = Number.isNaN(inv.queuedSinceMs) ? inv.receivedMs : Math.min(inv.receivedMs, inv.queuedSinceMs);
    const end = Math.max(start, inv.respondedMs);
    const lane = this.lane(start, end);
    this.meta(out, FRONTEND_PID, 0, 'process_name', 'Frontend Invoke');
    this.meta(out, FRONTEND_PID, lane, 'thread_name', `requests ${lane}`);
    out.push({ name: label, ph: 'X', cat: 'request', ...span(start, end), pid: FRONTEND_PID, tid: lane, args });
    for (const s of p.request) out.push({ name: s.name, ph: 'X', cat: 'request', ...span(s.startMs, s.endMs), pid: FRONTEND_PID, tid: lane });

    // The environment's side.
    if (inv.env && p.environment.length) {
      const pid = workerPid(inv.worker);
      this.meta(out, pid, 0, 'process_name', `worker-${inv.worker}`);
      this.meta(out, pid, inv.env, 'thread_name', `env-${inv.env}`);
      const s0 = p.environment[0].startMs, s1 = p.environment[p.environment.length - 1].endMs;
      out.push({ name: label, ph: 'X', cat: 'environment', ...span(s0, s1), pid, tid: inv.env, args });
      for (const s of p.environment) out.push({ name: s.name, ph: 'X', cat: 'environment', ...span(s.startMs, s.endMs), pid, tid: inv.env });
    }

    // Retries of an Event invocation: an arrow from the previous attempt to this one.
    if (inv.asyncEvent) {
      const here = { pid: FRONTEND_PID, tid: lane, ts: us((start + end) / 2), attempt: inv.attempt };
      const prev = this.lastAttempt.get(inv.asyncEvent);
      if (prev) {
        const id = `event-${inv.asyncEvent}.${prev.attempt}-${inv.id}`;
        out.push({ name: 'retry', ph: 's', cat: 'async', id, pid: prev.pid, tid: prev.tid, ts: prev.ts });
        out.push({ name: 'retry', ph: 'f', bp: 'e', cat: 'async', id, pid: here.pid, tid: here.tid, ts: here.ts });
      }
      this.lastAttempt.delete(inv.asyncEvent); // re-insert: the map stays in first-use order for eviction
      this.lastAttempt.set(inv.asyncEvent, here);
      if (this.lastAttempt.size > this.maxRetryChains) this.lastAttempt.delete(this.lastAttempt.keys().next().value!);
    }
    return out;
  }

  private lane(startMs: number, endMs: number): number {
    let i = this.lanes.findIndex((e) => e <= startMs);
    if (i < 0) { i = this.lanes.length; this.lanes.push(0); }
    this.lanes[i] = endMs;
    return i + 1;
  }

  private meta(out: TraceEvent[], pid: number, tid: number, name: 'process_name' | 'thread_name', value: string): void {
    const k = `${name}:${pid}:${tid}`;
    if (this.named.has(k)) return;
    this.named.add(k);
    out.push({ name, ph: 'M', pid, tid, args: { name: value } });
  }
}

/** The opening and closing text of a trace file whose events are written in between, comma-separated. */
export const TRACE_HEAD = '{"displayTimeUnit":"ms","traceEvents":[\n';
export function traceTail(otherData: Record<string, unknown>): string {
  return `\n],"otherData":${JSON.stringify(otherData)}}\n`;
}
