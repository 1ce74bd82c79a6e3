/**
 * A reader and checker of Chrome / Perfetto JSON traces, written from the Trace Event
 * Format specification (Google, "Trace Event Format", the document Perfetto's JSON importer
 * follows): an array of events or an object with `traceEvents`; every event has `name`,
 * `ph`, `pid`, `tid`, and — except metadata — `ts` in µs; complete events ('X') have a
 * `dur` ≥ 0 and must nest on their thread (a slice lies wholly inside another or after
 * it); metadata ('M') names processes and threads in `args.name`; flow events ('s' start,
 * 't' step, 'f' finish) are matched by `cat` + `id` and bind to the slice that encloses them
 * on their thread. Used by the tests to prove that an export opens in Perfetto as drawn.
 */
export interface ParsedTrace {
  events: Record<string, unknown>[];
  problems: string[];
  /** Complete slices per "pid:tid" track. */
  tracks: Map<string, { name: string; ts: number; dur: number }[]>;
  processNames: Map<number, string>;
  threadNames: Map<string, string>;
  flows: { id: string; from: { pid: number; tid: number; ts: number }; to: { pid: number; tid: number; ts: number } }[];
}

const PHASES = new Set(['B', 'E', 'X', 'i', 'I', 'C', 'b', 'n', 'e', 's', 't', 'f', 'P', 'O', 'N', 'D', 'M', 'R', 'c']);
const METADATA = new Set(['process_name', 'process_labels', 'process_sort_index', 'thread_name', 'thread_sort_index']);
const EPS = 1e-6; // µs

export function parseTraceEvents(text: string): ParsedTrace {
  const out: ParsedTrace = { events: [], problems: [], tracks: new Map(), processNames: new Map(), threadNames: new Map(), flows: [] };
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { out.problems.push(`not JSON: ${(e as Error).message}`); return out; }
  const list = Array.isArray(json) ? json : (json as { traceEvents?: unknown })?.traceEvents;
  if (!Array.isArray(list)) { out.problems.push('expected an array of events or an object with a traceEvents array'); return out; }
  const flowEnds = new Map<string, { s?: { pid: number; tid: number; ts: number }; f?: { pid: number; tid: number; ts: number }; count: Record<string, number> }>();
  list.forEach((ev, i) => {
    const at = `traceEvents[${i}]`;
    if (typeof ev !== 'object' || ev === null) { out.problems.push(`${at}: must be an object`); return; }
    const e = ev as Record<string, unknown>;
    out.events.push(e);
    if (typeof e.name !== 'string') out.problems.push(`${at}.name: must be a string`);
    if (typeof e.ph !== 'string' || !PHASES.has(e.ph)) { out.problems.push(`${at}.ph: must be one of the format's phases (got ${JSON.stringify(e.ph)})`); return; }
    for (const k of ['pid', 'tid'] as const) if (!Number.isInteger(e[k])) out.problems.push(`${at}.${k}: must be an integer`);
    const pid = e.pid as number, tid = e.tid as number;
    if (e.ph === 'M') {
      const name = (e.args as { name?: unknown } | undefined)?.name;
      if (!METADATA.has(e.name as string)) out.problems.push(`${at}.name: metadata must be one of ${[...METADATA].join(', ')}`);
      else if (e.name === 'process_name' || e.name === 'thread_name') {
        if (typeof name !== 'string') out.problems.push(`${at}.args.name: must be a string`);
        else if (e.name === 'process_name') out.processNames.set(pid, name);
        else out.threadNames.set(`${pid}:${tid}`, name);
      }
      return;
    }
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts)) { out.problems.push(`${at}.ts: must be a number (µs)`); return; }
    const ts = e.ts;
    if (e.ph === 'X') {
      if (typeof e.dur !== 'number' || !(e.dur >= 0)) { out.problems.push(`${at}.dur: must be a number ≥ 0 (µs)`); return; }
      const k = `${pid}:${tid}`;
      const track = out.tracks.get(k) ?? [];
      track.push({ name: e.name as string, ts, dur: e.dur });
      out.tracks.set(k, track);
    } else if (e.ph === 's' || e.ph === 't' || e.ph === 'f') {
      if (e.id === undefined) { out.problems.push(`${at}.id: a flow event needs an id`); return; }
      const key = `${String(e.cat ?? '')}|${String(e.id)}`;
      const f = flowEnds.get(key) ?? { count: {} };
      f.count[e.ph] = (f.count[e.ph] ?? 0) + 1;
      if (e.ph === 's') f.s = { pid, tid, ts };
      if (e.ph === 'f') f.f = { pid, tid, ts };
      flowEnds.set(key, f);
    }
  });
  for (const [k, track] of out.tracks) {
    const [pid] = k.split(':').map(Number);
    if (!out.processNames.has(pid)) out.problems.push(`process ${pid}: has slices but no process_name`);
    if (!out.threadNames.has(k)) out.problems.push(`thread ${k}: has slices but no thread_name`);
    checkNesting(k, track, out.problems);
  }
  for (const [key, f] of flowEnds) {
    if (f.count.s !== 1 || f.count.f !== 1) { out.problems.push(`flow ${key}: needs exactly one 's' and one 'f' (got ${JSON.stringify(f.count)})`); continue; }
    if (f.f!.ts < f.s!.ts) out.problems.push(`flow ${key}: finishes before it starts`);
    for (const end of [f.s!, f.f!]) {
      const track = out.tracks.get(`${end.pid}:${end.tid}`) ?? [];
      if (!track.some((x) => x.ts - EPS <= end.ts && end.ts <= x.ts + x.dur + EPS)) out.problems.push(`flow ${key}: no slice encloses its end at ${end.ts} µs on ${end.pid}:${end.tid}`);
    }
    out.flows.push({ id: key, from: f.s!, to: f.f! });
  }
  return out;
}

/** Slices on one thread must form a forest: each inside its parent, never straddling a boundary. */
function checkNesting(track: string, slices: { name: string; ts: number; dur: number }[], problems: string[]): void {
  const sorted = [...slices].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack: { name: string; end: number }[] = [];
  for (const s of sorted) {
    const end = s.ts + s.dur;
    while (stack.length && stack[stack.length - 1].end <= s.ts + EPS) stack.pop();
    const top = stack[stack.length - 1];
    if (top && end > top.end + EPS) {
      problems.push(`thread ${track}: slice "${s.name}" [${s.ts}, ${end}] overlaps the end of "${top.name}" (${top.end}) without nesting in it`);
      continue;
    }
    stack.push({ name: s.name, end });
  }
}
