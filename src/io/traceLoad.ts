import { detectFormat, type Detected } from '../core/traces/formats';
import { addDurationRows, addMemoryRows } from '../core/traces/durations2019';
import { planTrace, type PlanExtras, type TraceMapMode, type TracePlan } from '../core/traces/mapping';
import type { TraceReplay } from '../core/traces/replay';
import { isBlank, keyOf } from '../core/traces/rows';
import { VolumeCounter, type TraceVolumes } from '../core/traces/volume';
import type { Scenario } from '../core/scenario/types';
import { RowReader, type ByteSource } from './rowReader';
import { openFeed } from './tracePuller';

/**
 * Prepares a trace replay, streaming: a first pass checks every line and counts
 * invocations per trace function; the mapping is chosen; for Azure 2019 a second pass keeps
 * the mapped functions' minute counts and the durations / memory files are read. The
 * arrivals themselves (2021, timestamps) are pulled by the simulation during the run
 * (tracePuller.ts), a chunk at a time. `pause` is awaited between chunks, so a host can stay
 * responsive and cancel (the worker yields to its messages there).
 */
export interface NamedBytes { name: string; bytes: ByteSource }

export interface PreparedTrace {
  file: NamedBytes;
  detected: Detected;
  volumes: TraceVolumes;
  plan: TracePlan;
  /** The scenario to run: with the trace (`scenario.trace`), functions added (top:N) or given the trace's durations. */
  scenario: Scenario;
  /** The same trace, mapped the same way, onto another configuration (side B of a comparison). */
  onto(other: Scenario): { ok: true; scenario: Scenario } | { ok: false; problems: string[] };
  /** Closes the feed: simulations of this scenario can no longer pull rows. */
  release(): void;
}

export interface PrepareOptions { durations?: NamedBytes; memory?: NamedBytes; chunkBytes?: number; horizonMs?: number; pause?: () => Promise<void> }

type Result = { ok: true; trace: PreparedTrace } | { ok: false; problems: string[] };

async function eachChunk(file: NamedBytes, chunkBytes: number, pause: () => Promise<void>, expect: (d: Detected) => string | null,
  onRows: (d: Detected, rows: string[][], firstLine: number) => void): Promise<{ detected: Detected } | { problems: string[] }> {
  const reader = new RowReader(file.bytes, chunkBytes);
  const first = reader.first();
  if (!first) return { problems: [`${file.name}: the file is empty`] };
  const d = detectFormat(first);
  if ('error' in d) return { problems: [`${file.name}: ${d.error}`] };
  const wrong = expect(d);
  if (wrong) return { problems: [`${file.name}: ${wrong}`] };
  reader.start(d.header);
  const firstLine = d.header ? 2 : 1;
  for (;;) {
    const c = reader.next();
    onRows(d, c.rows, firstLine + c.firstLine);
    if (c.eof) return { detected: d };
    await pause();
  }
}

export async function prepareTrace(file: NamedBytes, scenario: Scenario, mode: TraceMapMode, o: PrepareOptions = {}): Promise<Result> {
  const chunkBytes = o.chunkBytes ?? 1 << 20;
  const pause = o.pause ?? (() => Promise.resolve());
  let counter: VolumeCounter | null = null;
  const pass1 = await eachChunk(file, chunkBytes, pause,
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
    const r = await eachChunk(extra, chunkBytes, pause, (d) => (d.format === format ? null : `expected an Azure 2019 ${format.slice(10)} file, found ${d.format}`),
      (d, rows, line) => (format === 'azure2019-durations' ? addDurationRows(d, rows, line, into as Map<string, number[]>, local) : addMemoryRows(d, rows, line, into as Map<string, number>, local)));
    if ('problems' in r) problems.push(...r.problems);
    problems.push(...local.map((p) => `${extra.name}: ${p}`));
  }
  if (problems.length) return { ok: false, problems };
  const extras: PlanExtras = { durations: o.durations ? durations : undefined, memoryByApp: o.memory ? memoryByApp : undefined, horizonMs: o.horizonMs };
  const planned = planTrace(scenario, counted.volumes, mode, extras);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const d = pass1.detected;
  let counts: number[][] | null = null;
  if (d.format === 'azure2019') {
    counts = plan.targets.map(() => []);
    await eachChunk(file, chunkBytes, pause, () => null, (_d, rows) => {
      for (const row of rows) {
        if (isBlank(row)) continue;
        const t = plan.keyToTarget[keyOf(row[d.columns.HashApp] ?? '', row[d.columns.HashFunction] ?? '')];
        if (t === undefined) continue;
        const sum = counts![t];
        for (let m = 4; m < row.length; m++) sum[m - 4] = (sum[m - 4] ?? 0) + Number(row[m]);
      }
    });
  }
  const feed = d.format === 'azure2019' ? { feed: '', release: () => {} } : openFeed(file.name, file.bytes, d.header, chunkBytes);
  const replay: TraceReplay = {
    feed: feed.feed, file: file.name, format: counted.volumes.format, detected: d, keyToTarget: plan.keyToTarget,
    targetNames: plan.targets.map((t) => t.function), horizonMs: plan.horizonMs, counts,
  };
  return {
    ok: true,
    trace: {
      file, detected: d, volumes: counted.volumes, plan, scenario: { ...planned.scenario, trace: replay }, release: feed.release,
      onto(other) {
        const p = planTrace(other, counted.volumes, mode, extras);
        if (!p.ok) return p;
        const same = p.plan.targets.map((t) => t.function).join('\n') === replay.targetNames.join('\n');
        if (!same) return { ok: false, problems: [`the trace maps onto other functions (${p.plan.targets.map((t) => t.function).join(', ')}) than in the first configuration (${replay.targetNames.join(', ')}): both need the same function names`] };
        return { ok: true, scenario: { ...p.scenario, trace: replay } };
      },
    },
  };
}
