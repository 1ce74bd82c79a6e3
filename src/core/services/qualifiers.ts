import type { SimContext } from '../context';
import { uniform } from '../engine/random';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';

/**
 * Resolves an invoke qualifier to a version: '$LATEST', a version number, or an alias —
 * which may split traffic between two versions by weight (UpdateAlias with
 * AdditionalVersionWeights), drawn from the function's seeded alias stream.
 */
export function resolveQualifier(ctx: SimContext, fn: FunctionRuntime, qualifier: string): VersionRuntime | undefined {
  const s = ctx.state;
  const direct = fn.versions.get(qualifier);
  if (direct !== undefined) return s.versions[direct];
  const alias = fn.aliases.get(qualifier);
  if (!alias) return undefined;
  let version = alias.version;
  const extra = Object.entries(alias.weights);
  if (extra.length) {
    let u = uniform(s.streams[fn.rng.alias]);
    for (const [ver, w] of extra) {
      if (u < w) { version = ver; break; }
      u -= w;
    }
  }
  const id = fn.versions.get(version);
  return id === undefined ? undefined : s.versions[id];
}
