import type { Dist } from '../engine/distributions';
import { Problems, join } from './check';
import { LIMITS } from './limits';

const MAX = LIMITS.distributionMs;

/** Validates a distribution (CONTRACTS.md §1). Values are non-negative durations in ms, at most 30 days. */
export function parseDist(p: Problems, path: string, v: unknown, def?: Dist): Dist {
  if (v === undefined && def) return def;
  if (!p.isObject(path, v)) return def ?? { dist: 'constant', value: 0 };
  const kind = p.oneOf(join(path, 'dist'), v.dist, ['constant', 'exponential', 'lognormal', 'uniform', 'empirical'] as const);
  switch (kind) {
    case 'constant':
      p.unknownKeys(path, v, ['dist', 'value']);
      return { dist: kind, value: p.number(join(path, 'value'), v.value, { min: 0, max: MAX }) };
    case 'exponential':
      p.unknownKeys(path, v, ['dist', 'mean']);
      return { dist: kind, mean: p.number(join(path, 'mean'), v.mean, { min: 0, exclusiveMin: true, max: MAX }) };
    case 'lognormal':
      p.unknownKeys(path, v, ['dist', 'median', 'sigma']);
      return {
        dist: kind,
        median: p.number(join(path, 'median'), v.median, { min: 0, exclusiveMin: true, max: MAX }),
        sigma: p.number(join(path, 'sigma'), v.sigma, { min: 0, max: 5 }),
      };
    case 'uniform': {
      p.unknownKeys(path, v, ['dist', 'min', 'max']);
      const min = p.number(join(path, 'min'), v.min, { min: 0, max: MAX });
      const max = p.number(join(path, 'max'), v.max, { min: 0, max: MAX });
      if (max < min) p.add(join(path, 'max'), `must be at least min (${min})`);
      return { dist: kind, min, max: Math.max(min, max) };
    }
    case 'empirical': {
      p.unknownKeys(path, v, ['dist', 'values']);
      const raw = p.array(join(path, 'values'), v.values, undefined, LIMITS.empiricalValues, 'values');
      if (Array.isArray(v.values) && raw.length === 0) p.add(join(path, 'values'), 'must have at least one value');
      const values = raw.map((x, i) => p.number(join(join(path, 'values'), i), x, { min: 0, max: MAX }));
      return { dist: kind, values: values.length ? values : [0] };
    }
  }
}
