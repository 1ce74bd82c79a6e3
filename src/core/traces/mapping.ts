import { percentilesToDist } from './durations2019';
import type { FunctionConfig, Scenario } from '../scenario/types';
import type { ArrivalFormat } from './formats';
import type { TraceVolumes } from './volume';

/**
 * How trace functions become scenario functions:
 * - `name` — a trace function drives the scenario function of the same name (2021 `func`,
 *   2019 `HashFunction`); others are skipped.
 * - `rank` — by volume: the busiest trace function drives `functions[0]`, the next
 *   `functions[1]`, …; the rest are skipped.
 * - `top:N` — the N busiest trace functions each get a function of their own, copied from
 *   `functions[0]` (the template) and named after the trace function.
 * A timestamps file has one anonymous function: it drives `functions[0]` (or, with `top:N`,
 * one copy of the template).
 */
export type TraceMapMode = { kind: 'name' } | { kind: 'rank' } | { kind: 'top'; n: number };

export function parseTraceMap(s: string): TraceMapMode | { error: string } {
  if (s === 'name' || s === 'rank') return { kind: s };
  const m = /^top:(\d+)$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 10_000) return { kind: 'top', n: Number(m[1]) };
  return { error: `must be name, rank or top:N with N from 1 to 10000 (got "${s}")` };
}

export interface TracePlan {
  format: ArrivalFormat;
  /** Trace function key → index into `targets`; keys not listed are skipped. */
  keyToTarget: Record<string, number>;
  targets: { function: string; keys: string[]; invocations: number }[];
  unmapped: { functions: number; invocations: number };
  /**
   * Azure 2021 rows are read in file order (by end time); an arrival (end − duration) can
   * only be placed once no later row can hold an earlier one: rows are buffered until
   * their start is `horizonMs` behind the latest end read (Azure's own limit on a
   * consumption-plan execution is 10 min).
   */
  horizonMs: number;
}

export interface PlanExtras {
  /** Azure 2019 duration percentiles (ms; 0, 1, 25, 50, 75, 99, 100) by trace function key. */
  durations?: Map<string, number[]>;
  /** Azure 2019 average allocated memory (MB) by app. */
  memoryByApp?: Map<string, number>;
  horizonMs?: number;
}

/** Lambda's short function-name rule: 1–64 letters, digits, hyphens or underscores. */
function functionName(raw: string, taken: Set<string>): string {
  const base = (raw.replace(/[^A-Za-z0-9_-]/g, '_') || 'trace').slice(0, 60);
  let name = base, k = 2;
  while (taken.has(name)) name = `${base}-${k++}`;
  taken.add(name);
  return name;
}

/** Lambda memory: a whole number of MB from 128 to 10240. */
const lambdaMemory = (mb: number) => Math.min(10_240, Math.max(128, Math.ceil(mb)));

/**
 * Maps the trace's functions onto the scenario and returns the scenario to run: for `top:N`
 * with the new functions added; with 2019 durations, the mapped functions' `durationMs`
 * replaced by the trace's empirical distribution; with 2019 memory, created functions sized
 * like their app.
 */
export function planTrace(scenario: Scenario, v: TraceVolumes, mode: TraceMapMode, extras: PlanExtras = {}):
  { ok: true; plan: TracePlan; scenario: Scenario } | { ok: false; problems: string[] } {
  const byVolume = v.functions.map((f, i) => ({ ...f, i })).sort((a, b) => b.invocations - a.invocations || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const functions: FunctionConfig[] = scenario.functions.map((f) => ({ ...f }));
  const targets: TracePlan['targets'] = [];
  const keyToTarget: Record<string, number> = {};
  const targetOf = (name: string) => {
    let t = targets.findIndex((x) => x.function === name);
    if (t < 0) { t = targets.length; targets.push({ function: name, keys: [], invocations: 0 }); }
    return t;
  };
  const map = (f: TraceVolumes['functions'][number], name: string) => {
    const t = targetOf(name);
    keyToTarget[f.key] = t;
    targets[t].keys.push(f.key);
    targets[t].invocations += f.invocations;
  };
  if (mode.kind === 'top') {
    const template = functions[0];
    const taken = new Set(functions.map((f) => f.name));
    for (const f of byVolume.slice(0, mode.n)) {
      const name = functionName(v.format === 'timestamps' ? 'trace' : f.name, taken);
      const mem = extras.memoryByApp?.get(f.app);
      functions.push({ ...template, name, memoryMb: mem === undefined ? template.memoryMb : lambdaMemory(mem) });
      map(f, name);
    }
  } else if (mode.kind === 'rank' || v.format === 'timestamps') {
    byVolume.slice(0, functions.length).forEach((f, r) => map(f, functions[r].name));
  } else {
    const names = new Set(functions.map((f) => f.name));
    for (const f of v.functions) if (names.has(f.name)) map(f, f.name);
    if (targets.length === 0 && v.functions.length > 0) {
      return { ok: false, problems: [`--trace-map name: no trace function has the name of a scenario function (scenario: ${[...names].join(', ')}; trace, busiest first: ${byVolume.slice(0, 5).map((f) => f.name).join(', ')}${byVolume.length > 5 ? ', …' : ''}); use --trace-map rank or top:N`] };
    }
  }
  if (extras.durations) {
    for (const t of targets) {
      const d = t.keys.map((k) => extras.durations!.get(k)).find((x) => x !== undefined);
      if (d) functions[functions.findIndex((f) => f.name === t.function)].durationMs = percentilesToDist(d);
    }
  }
  const mapped = targets.reduce((n, t) => n + t.invocations, 0);
  return {
    ok: true,
    scenario: { ...scenario, functions },
    plan: {
      format: v.format, keyToTarget, targets,
      unmapped: { functions: v.functions.length - Object.keys(keyToTarget).length, invocations: v.invocations - mapped },
      horizonMs: extras.horizonMs ?? 600_000,
    },
  };
}
