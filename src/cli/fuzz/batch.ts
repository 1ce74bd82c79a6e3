import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { buildScenario } from './buildScenario';
import { scenarioShapeArb } from './generateScenario';
import { buildScript, scriptShapeArb } from './generateScript';
import { runCase, type CaseResult } from './runCase';
import { DEFAULT_BUDGET, FuzzFailure, type Budget, type FuzzCase } from './types';

/** A case: a random scenario and a random script read against it. Shrinks as its numbers do. */
export const caseArb: fc.Arbitrary<FuzzCase> = fc.tuple(scenarioShapeArb, scriptShapeArb, fc.constantFrom(1, 10, 100, 1000)).map(([shape, script, checkpointEvery]) => {
  const scenario = buildScenario(shape);
  // Read from the shape: with two accounts the scenario has `accounts`, not `account` (same limits).
  const reservable = shape.account.concurrencyLimit - Math.floor(shape.account.concurrencyLimit * shape.account.unreservedShare);
  return { scenario, script: buildScript(script, shape.functions.length, shape.durationMs, reservable), checkpointEvery };
});

/** The seed of case `i` of a run seeded `runSeed`: each case can be replayed on its own. */
export function caseSeed(runSeed: number, i: number): number {
  let h = (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) | 0;
  h ^= h >>> 16; h = Math.imul(h, 0x7feb352d); h ^= h >>> 15; h = Math.imul(h, 0x846ca68b); h ^= h >>> 16;
  return h >>> 1; // a non-negative 31-bit integer
}

export type CaseOutcome =
  | { ok: true; seed: number; result: CaseResult }
  | { ok: false; seed: number; failure: Reproducer };

/** A failing case, shrunk: everything `npm run fuzz -- --replay FILE` needs to run it again. */
export interface Reproducer {
  format: 'lambdascope-fuzz/1';
  seed: number;
  property: string;
  message: string;
  shrinks: number;
  case: FuzzCase;
}

const asFailure = (e: unknown): FuzzFailure =>
  e instanceof FuzzFailure ? e : new FuzzFailure('crash', `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${e instanceof Error && e.stack ? ` @ ${e.stack.split('\n')[1]?.trim()}` : ''}`);

/**
 * Generates case `seed` and runs it. On failure fast-check shrinks it — keeping only
 * smaller cases that fail the same property, and for at most `shrinkMs` of wall time — and
 * the smallest one found is returned as a reproducer. `beat` is called before every run (the
 * watchdog's heartbeat).
 */
export function runSeed(seed: number, opts: { budget?: Budget; shrinkMs?: number; beat?: () => void } = {}): CaseOutcome {
  const budget = opts.budget ?? DEFAULT_BUDGET;
  let property: string | null = null;
  let stopAt = Infinity;
  let result: CaseResult | null = null;
  const prop = fc.property(caseArb, (c) => {
    opts.beat?.();
    if (performance.now() > stopAt) return true; // shrinking is over: the smallest failure so far stands
    try {
      result = runCase(c, budget);
      return true;
    } catch (e) {
      const f = asFailure(e);
      if (property === null) {
        property = f.property;
        stopAt = performance.now() + (opts.shrinkMs ?? 30_000);
      }
      if (f.property !== property) return true; // a different bug: not a smaller case of this one
      throw f;
    }
  });
  const details = fc.check(prop, { seed, numRuns: 1 });
  if (!details.failed || !details.counterexample) return { ok: true, seed, result: result! };
  const [shrunk] = details.counterexample;
  return {
    ok: false, seed,
    failure: { format: 'lambdascope-fuzz/1', seed, property: property!, message: asFailure(details.errorInstance).message, shrinks: details.numShrinks, case: shrunk },
  };
}

/** Reruns a saved reproducer exactly (no generation, no shrinking). */
export function runReproducer(r: Pick<Reproducer, 'case'>, budget: Budget = DEFAULT_BUDGET): { ok: true; result: CaseResult } | { ok: false; property: string; message: string } {
  try {
    return { ok: true, result: runCase(r.case, budget) };
  } catch (e) {
    const f = asFailure(e);
    return { ok: false, property: f.property, message: f.message };
  }
}
