import { detectFormat, type Detected } from '../core/traces/formats';
import { addDurationRows, addMemoryRows } from '../core/traces/durations2019';
import { planTrace, type TraceMapMode, type TracePlan } from '../core/traces/mapping';
import { isBlank, keyOf } from '../core/traces/rows';
import { createMinuteSource, createStreamSource, type TraceSource } from '../core/traces/source';
import { VolumeCounter, type TraceVolumes } from '../core/traces/volume';
import type { Scenario } from '../core/scenario/types';
import { RowReader, type ByteSource } from './rowReader';

/**
 * Prepares a trace replay, streaming: a first pass checks every line and counts
 * invocations per trace function; the mapping is chosen; for Azure 2019 a second pass keeps
 * the mapped functions' minute counts and the durations / memory files are read. The
 * arrivals themselves (2021, timestamps) are streamed during the run by `TraceFeeder`.
 */
export interface NamedBytes { name: string; bytes: ByteSource }

export interface PreparedTrace {
  file: NamedBytes;
  detected: Detected;
  volumes: TraceVolumes;
  plan: TracePlan;
  /** The scenario to run: functions added (top:N) or given the trace's durations. */
  scenario: Scenario;
  /** Azure 2019: minute counts of the mapped functions. */
  counts: Map<string, number[]> | null;
  chunkBytes: number;
}

export interface PrepareOptions { durations?: NamedBytes; memory?: NamedBytes; chunkBytes?: number; horizonMs?: number }

type Result = { ok: true; trace: PreparedTrace } | { ok: false; problems: string[] };

async function eachChunk(file: NamedBytes, chunkBytes: number, expect: (d: Detected) => string | null,
  onRows: (d: Detected, rows: string[][], firstLine: number) => void): Promise<{ detected: Detected } | { problems: string[] }> {
  const reader = new RowReader(file.bytes, chunkBytes);
  const first = await reader.first();
  if (!first) return { problems: [`${file.name}: the file is empty`] };
  const d = detectFormat(first);
  if ('error' in d) return { problems: [`${file.name}: ${d.error}`] };
  const wrong = expect(d);
  if (wrong) return { problems: [`${file.name}: ${wrong}`] };
  reader.start(d.header);
  const firstLine = d.header ? 2 : 1;
  for (;;) {
    const c = await reader.next();
    onRows(d, c.rows, firstLine + c.firstLine);
    if (c.eof) return { detected: d };
  }
}

export async function prepareTrace(file: NamedBytes, scenario: Scenario, mode: TraceMapMode, o: PrepareOptions = {}): Promise<Result> {
  const chunkBytes = o.chunkBytes ?? 1 << 20;
  let counter: VolumeCounter | null = null;
  const pass1 = await eachChunk(file, chunkBytes,
    (d) => (d.format === 'azure2019-durations' || d.format === 'azure2019-memory' ? `this is an Azure 2019 ${d.format.slice(10)} file: give it with --trace-${d.format.slice(10)} next to the invocations file` : null),
    (d, rows, line) => { (counter ??= new VolumeCounter(d)).add(rows, line); });
  if ('problems' in pass1) return { ok: false, problems: pass1.problems };
  const counted = counter!.result();
  if (!counted.ok) return { ok: false, problems: counted.problems.map((p) => `${file.name}: ${p}`) };
  const problems: string[] = [];
  const durations = new Map<string, number[]>(), memoryByApp = new Map<string, number>();
  for (const [extra, format, into] of [[o.durations, 'azure2019-durations', durations], [o.memory, 'azure2019-memory', memoryByApp]] as const) {
    if (!extra) continue;
    if (pass1.detected.format !== 'azure2019') { problems.push(`${extra.name}: durations and memory files go with an Azure 2019 invocations file; ${file.name} is ${pass1.detected.format}`); continue; }
    const local: string[] = [];
    const r = await eachChunk(extra, chunkBytes, (d) => (d.format === format ? null : `expected an Azure 2019 ${format.slice(10)} file, found ${d.format}`),
      (d, rows, line) => (format === 'azure2019-durations' ? addDurationRows(d, rows, line, into as Map<string, number[]>, local) : addMemoryRows(d, rows, line, into as Map<string, number>, local)));
    if ('problems' in r) problems.push(...r.problems);
    problems.push(...local.map((p) => `${extra.name}: ${p}`));
  }
  if (problems.length) return { ok: false, problems };
  const planned = planTrace(scenario, counted.volumes, mode, { durations: o.durations ? durations : undefined, memoryByApp: o.memory ? memoryByApp : undefined, horizonMs: o.horizonMs });
  if (!planned.ok) return planned;
  let counts: Map<string, number[]> | null = null;
  if (pass1.detected.format === 'azure2019') {
    const wanted = planned.plan.keyToTarget;
    const kept = new Map<string, number[]>();
    const d0 = pass1.detected;
    await eachChunk(file, chunkBytes, () => null, (_d, rows) => {
      for (const row of rows) {
        if (isBlank(row)) continue;
        const key = keyOf(row[d0.columns.HashApp] ?? '', row[d0.columns.HashFunction] ?? '');
        if (!(key in wanted)) continue;
        const c = row.slice(4).map(Number);
        const prev = kept.get(key);
        kept.set(key, prev ? prev.map((x, m) => x + (c[m] ?? 0)) : c);
      }
    });
    counts = kept;
  }
  return { ok: true, trace: { file, detected: pass1.detected, volumes: counted.volumes, plan: planned.plan, scenario: planned.scenario, counts, chunkBytes } };
}

/** A fresh arrival source for one simulation (each run of an A/B pair gets its own). */
export function newTraceSource(t: PreparedTrace): TraceSource {
  return t.detected.format === 'azure2019' ? createMinuteSource(t.plan, t.counts!) : createStreamSource(t.detected, t.plan);
}
