import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkSameTraffic } from '../core/compare/sameTraffic';
import { Pairing } from '../core/compare/pairing';
import { deltaOf } from '../core/compare/delta';
import { parseScenario } from '../core/scenario/parseScenario';
import type { Scenario } from '../core/scenario/types';
import { Simulation } from '../core/simulation';
import { summarize, type Summary } from '../core/summary';
import { parseTraceMap } from '../core/traces/mapping';
import { prepareTrace, type PreparedTrace } from '../io/traceLoad';
import { fileBytes } from './fileBytes';
import { formatSummary } from './formatSummary';
import { formatCompare } from './formatCompare';
import { nodeHasher } from './nodeHasher';
import { openExports, type RunExports } from './exportFiles';
import type { Invocation } from '../core/model/records';

/**
 * The workbench side of `npm run sim`: `--trace` (replay a trace file), `--compare`
 * (A/B on identical traffic) and `--perfetto` / `--otlp` (export the run). Returns the exit
 * code; user errors are messages, never stack traces.
 */
export interface WorkbenchFlags {
  fileA: string;
  asJson: boolean;
  compare?: string;
  trace?: string;
  traceMap?: string;
  traceDurations?: string;
  traceMemory?: string;
  perfetto?: string;
  otlp?: string;
  overrides: { seed?: number; durationMs?: number };
}

type Fail = { problems: string[] };

function readScenario(file: string, overrides: WorkbenchFlags['overrides']): Scenario | Fail {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { problems: [err.code === 'ENOENT' ? `${file}: no such file` : err instanceof SyntaxError ? `${file}: not valid JSON (${err.message})` : `${file}: cannot be read (${err.message})`] };
  }
  const parsed = parseScenario(json, overrides);
  return parsed.ok ? parsed.scenario : { problems: parsed.problems.map((p) => `${file}: ${p}`) };
}

async function loadTrace(f: WorkbenchFlags, scenario: Scenario): Promise<PreparedTrace | Fail> {
  const mode = parseTraceMap(f.traceMap ?? 'name');
  if ('error' in mode) return { problems: [`--trace-map: ${mode.error}`] };
  const open = (p: string | undefined) => (p === undefined ? undefined : fileBytes(p));
  const [main, durations, memory] = [open(f.trace), open(f.traceDurations), open(f.traceMemory)];
  const bad = [main, durations, memory].flatMap((x) => (x && !x.ok ? [x.problem] : []));
  if (bad.length) return { problems: bad };
  const ok = <T extends { ok: boolean }>(x: T | undefined) => (x && x.ok ? (x as Extract<T, { ok: true }>) : undefined);
  const r = await prepareTrace(ok(main)!.file, scenario, mode, { durations: ok(durations)?.file, memory: ok(memory)?.file });
  return r.ok ? r.trace : { problems: r.problems };
}

export async function runWorkbench(f: WorkbenchFlags, a0: Scenario, fail: (problems: string[]) => never): Promise<void> {
  let a = a0;
  let b: Scenario | null = null;
  if (f.compare !== undefined) {
    const rb = readScenario(f.compare, f.overrides);
    if ('problems' in rb) fail(rb.problems);
    const check = checkSameTraffic(a, rb, { a: f.fileA, b: f.compare });
    if (check.problems.length) fail(check.problems);
    for (const n of check.notes) process.stderr.write(`note: ${n}\n`);
    b = check.b;
  }
  let traceA: PreparedTrace | null = null;
  if (f.trace !== undefined) {
    const t = await loadTrace(f, a);
    if ('problems' in t) fail(t.problems);
    traceA = t;
    a = t.scenario;
    const v = t.volumes;
    process.stderr.write(`trace: ${f.trace} (${v.format}): ${v.invocations} invocations of ${v.functions.length} functions; `
      + `${t.plan.targets.map((x) => `${x.function} ← ${x.invocations}`).join(', ')}${t.plan.unmapped.functions ? `; ${t.plan.unmapped.functions} functions (${t.plan.unmapped.invocations} invocations) not mapped` : ''}\n`);
    if (b) {
      const onto = t.onto(b);
      if (!onto.ok) fail(onto.problems.map((p) => `${f.compare}: ${p}`));
      b = onto.scenario;
    }
  }
  const pairing = b ? new Pairing() : null;
  let exportsA: RunExports | null = null;
  try {
    exportsA = openExports(f, a);
  } catch (e) {
    fail([(e as Error).message]);
  }
  const observe = (side: 0 | 1) => (inv: Invocation) => {
    pairing?.add(side, inv);
    if (side === 0) exportsA?.invocation(inv);
  };
  const t0 = performance.now();
  const sims = [a, ...(b ? [b] : [])].map((s, i) => new Simulation(s, {
    hasher: nodeHasher(), logRingSize: 16, recentInvocations: 0, onInvocationDone: observe(i as 0 | 1),
  }));
  // Both runs advance together, a slice of virtual time at a time (a trace is pulled as they go).
  const slices = 50;
  for (let k = 1; k <= slices; k++) {
    for (const sim of sims) sim.runUntil((a.durationMs * k) / slices);
    if (process.stderr.isTTY) process.stderr.write(`\rsimulating… ${Math.round((k / slices) * 100)}%`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  traceA?.release();
  const wallMs = performance.now() - t0;
  const summaries: Summary[] = sims.map((s) => summarize(s, { wallMs, final: true }));
  exportsA?.close(sims[0]);
  const traceInfo = (t: PreparedTrace | null, sim: Simulation) => (t ? { file: t.file.name, format: t.detected.format, mapped: t.plan.targets, unmapped: t.plan.unmapped, ...sim.state.trace!.stats } : undefined);
  if (!b) {
    const out = traceA ? { ...summaries[0], trace: traceInfo(traceA, sims[0]) } : summaries[0];
    process.stdout.write(f.asJson ? JSON.stringify(out, null, 2) + '\n' : formatSummary(summaries[0]));
    return;
  }
  const pairs = { ...pairing!.stats, unpaired: pairing!.unpaired };
  const result = { a: summaries[0], b: summaries[1], delta: deltaOf(summaries[0], summaries[1]), pairs, ...(traceA ? { trace: traceInfo(traceA, sims[0]) } : {}) };
  process.stdout.write(f.asJson ? JSON.stringify(result, null, 2) + '\n' : formatCompare(f.fileA, f.compare!, result));
}
