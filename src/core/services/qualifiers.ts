import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { Simulation } from '../simulation';

/**
 * Resolves an invoke qualifier to a version: '$LATEST', a version number, or an alias —
 * which may split traffic between two versions by weight (UpdateAlias with
 * AdditionalVersionWeights), drawn from the function's seeded alias stream.
 */
export function resolveQualifier(sim: Simulation, fn: FunctionRuntime, qualifier: string): VersionRuntime | undefined {
  const direct = fn.versions.get(qualifier);
  if (direct !== undefined) return sim.versions[direct];
  const alias = fn.aliases.get(qualifier);
  if (!alias) return undefined;
  let version = alias.version;
  const extra = Object.entries(alias.weights);
  if (extra.length) {
    let u = fn.rng.alias.next();
    for (const [ver, w] of extra) {
      if (u < w) { version = ver; break; }
      u -= w;
    }
  }
  const id = fn.versions.get(version);
  return id === undefined ? undefined : sim.versions[id];
}
