import { firstDifference } from '../compare/sameTraffic';
import { SWEEP_FORMAT, type SweepResult } from './result';

/**
 * Joins the outputs of sweep shards (`--shard i/n … --json`) into one result. The shards
 * must come from the same sweep — scenario, parameters, seeds and metrics — and must not
 * overlap; a grid point no shard holds is reported, not invented.
 */
export function mergeSweeps(parts: { name: string; json: unknown }[]): { ok: true; result: SweepResult; missing: number[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const results: { name: string; r: SweepResult }[] = [];
  for (const { name, json } of parts) {
    const r = json as SweepResult;
    if (!r || typeof r !== 'object' || r.format !== SWEEP_FORMAT || !Array.isArray(r.points)) problems.push(`${name}: not a sweep result (expected "format": "${SWEEP_FORMAT}", as written by npm run sweep -- … --json)`);
    else results.push({ name, r });
  }
  if (problems.length) return { ok: false, problems };
  if (results.length === 0) return { ok: false, problems: ['--merge: give the JSON files of the shards'] };
  const first = results[0];
  for (const { name, r } of results.slice(1)) {
    for (const key of ['scenario', 'baseSeed', 'seeds', 'parameters', 'metrics'] as const) {
      const d = firstDifference(first.r[key], r[key], key);
      if (d) problems.push(`${name}: ${d.path} is ${JSON.stringify(d.b)}, but ${first.name} has ${JSON.stringify(d.a)}: shards must come from the same sweep`);
    }
    if (r.shard && first.r.shard && r.shard.count !== first.r.shard.count) problems.push(`${name}: is shard ${r.shard.index}/${r.shard.count}, ${first.name} is ${first.r.shard.index}/${first.r.shard.count}: shards must split the grid the same way`);
  }
  const byIndex = new Map<number, string>();
  const points = [];
  for (const { name, r } of results) {
    for (const p of r.points) {
      const seen = byIndex.get(p.index);
      if (seen) { problems.push(`${name}: grid point ${p.index} is also in ${seen}: shards overlap`); continue; }
      byIndex.set(p.index, name);
      points.push(p);
    }
  }
  if (problems.length) return { ok: false, problems };
  points.sort((a, b) => a.index - b.index);
  const size = first.r.parameters.reduce((n, p) => n * p.values.length, 1);
  const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !byIndex.has(i));
  return { ok: true, missing, result: { ...first.r, shard: missing.length ? first.r.shard : null, points } };
}
