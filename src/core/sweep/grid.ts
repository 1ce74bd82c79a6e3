import { parsePath, type Segment } from './setPath';

/**
 * The parameter grid of a sweep. `--set PATH=FROM..TO:N` gives N values evenly spaced from
 * FROM to TO (both included); `--set PATH=a,b,c` a list (numbers, true/false, null, or
 * words such as routing policies). Several `--set` make the Cartesian product, the first
 * varying slowest. Points are numbered in that order; a shard `i/n` runs the points whose
 * number is i − 1 modulo n, with all their seeds, so shards are disjoint, cover the grid, and
 * can each compute their own intervals.
 */
export interface Parameter { path: string; segs: Segment[]; values: unknown[] }

export function parseSet(spec: string): Parameter | { error: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0) return { error: `--set "${spec}": must be PATH=FROM..TO:N or PATH=a,b,c` };
  const path = spec.slice(0, eq).trim();
  const segs = parsePath(path);
  if ('error' in segs) return { error: `--set ${segs.error}` };
  const rhs = spec.slice(eq + 1).trim();
  const range = /^(-?[\d.eE+-]+)\.\.(-?[\d.eE+-]+):(\d+)$/.exec(rhs);
  if (range) {
    const [from, to, n] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!Number.isFinite(from) || !Number.isFinite(to)) return { error: `--set ${path}: FROM and TO must be numbers (got "${range[1]}", "${range[2]}")` };
    if (n < 1 || n > 10_000) return { error: `--set ${path}: N must be a whole number from 1 to 10000 (got ${n})` };
    const values = n === 1 ? [from] : Array.from({ length: n }, (_, i) => roundNice(from + ((to - from) * i) / (n - 1)));
    return { path, segs, values };
  }
  if (rhs.includes('..')) return { error: `--set ${path}: a range is FROM..TO:N, e.g. 60000..1800000:10 (got "${rhs}")` };
  const items = rhs.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) return { error: `--set ${path}: a list is a,b,c with no empty item (got "${rhs}")` };
  return { path, segs, values: items.map(parseValue) };
}

function parseValue(s: string): unknown {
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'null') return null;
  const n = Number(s);
  return Number.isFinite(n) && /^-?[\d.]/.test(s) ? n : s;
}

/** Avoids 0.30000000000000004 in a grid's values and column names. */
function roundNice(x: number): number {
  return Number(x.toPrecision(12));
}

/** Grid point `index` as one value per parameter (the first parameter varies slowest). */
export function pointValues(params: readonly Parameter[], index: number): unknown[] {
  const out: unknown[] = new Array(params.length);
  for (let p = params.length - 1; p >= 0; p--) {
    const n = params[p].values.length;
    out[p] = params[p].values[index % n];
    index = Math.floor(index / n);
  }
  return out;
}

export function gridSize(params: readonly Parameter[]): number {
  return params.reduce((n, p) => n * p.values.length, 1);
}

export function parseShard(s: string): { index: number; count: number } | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) return { error: `--shard: must be i/n with 1 ≤ i ≤ n (got "${s}")` };
  return { index: Number(m[1]), count: Number(m[2]) };
}

export function inShard(point: number, shard: { index: number; count: number }): boolean {
  return point % shard.count === shard.index - 1;
}
