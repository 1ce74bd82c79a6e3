import type { Scenario } from '../scenario/types';

/**
 * Whether two scenarios see the same requests at the same times. Arrivals are drawn per
 * workload entry — entry i from its own stream `workload:<i>` of the seed, using nothing but
 * the entry itself — so two runs with the same seed and the same `workload` get identical
 * arrivals however their functions, account, fleet, platform, control plane or faults
 * differ. A difference in `workload` would change the traffic itself, so a comparison
 * refuses it; a different seed or duration is overridden by A's, and said so.
 */
export interface TrafficCheck {
  /** Reasons the comparison cannot run (B changes the traffic). */
  problems: string[];
  /** What was aligned to A, for the user to read. */
  notes: string[];
  /** B with A's seed and duration. */
  b: Scenario;
}

export function checkSameTraffic(a: Scenario, b: Scenario, names = { a: 'A', b: 'B' }): TrafficCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const diff = firstDifference(a.workload, b.workload, 'workload');
  if (diff) {
    problems.push(
      `${names.b}: ${diff.path}: ${names.a} has ${show(diff.a)}, ${names.b} has ${show(diff.b)} — a comparison runs both configurations on identical traffic, `
      + `and the arrivals come from the workload (entry i draws from its own stream of the seed), so ${names.b} must keep ${names.a}'s workload: `
      + 'change functions, account, fleet, platform, controlPlane or faults instead, or run the two scenarios separately',
    );
  }
  for (const [i, w] of a.workload.entries()) {
    const bare = w.function.split(':')[0];
    if (!b.functions.some((f) => f.name === bare) && !b.controlPlane.some((c) => c.action === 'CreateFunction' && c.function === bare)) {
      problems.push(`${names.b}: workload[${i}].function: "${bare}" is not a function of ${names.b}; both configurations need the functions the traffic invokes`);
    }
  }
  if (b.seed !== a.seed) notes.push(`${names.b}'s seed ${b.seed} differs from ${names.a}'s: both run with seed ${a.seed}, so that every random draw not changed by the configuration is the same`);
  if (b.durationMs !== a.durationMs) notes.push(`${names.b}'s durationMs ${b.durationMs} differs from ${names.a}'s: both run for ${a.durationMs} ms`);
  return { problems, notes, b: { ...b, seed: a.seed, durationMs: a.durationMs } };
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v);
}

/** The first path at which two plain values differ, or null. */
export function firstDifference(a: unknown, b: unknown, path: string): { path: string; a: unknown; b: unknown } | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return { path, a, b };
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const d = firstDifference(ao[k], bo[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
