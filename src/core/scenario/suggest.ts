import { quote } from './check';

/**
 * "Did you mean…": up to `k` known names within edit distance 2 of `name`, closest first.
 * Linear in the number of names (each comparison is a banded edit distance, at most
 * 64 × 5 cells), and the answer is bounded: never a list of every known name.
 */
export function closeNames(name: string, names: Iterable<string>, k = 3): string[] {
  const found: { n: string; d: number }[] = [];
  const q = name.slice(0, 80);
  for (const n of names) {
    if (Math.abs(n.length - q.length) > 2) continue;
    const d = boundedDistance(q, n, 2);
    if (d <= 2) found.push({ n, d });
  }
  found.sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return found.slice(0, k).map((f) => f.n);
}

/**
 * Why a reference to an unknown name is wrong, in bounded words: the known names when they
 * are few, otherwise how many there are and the closest ones.
 */
export function unknownNameRule(what: string, name: string, known: ReadonlySet<string> | readonly string[], few = 5): string {
  const size = 'size' in known ? known.size : known.length;
  if (size === 0) return `${what} (none defined)`;
  if (size <= few) return `${what} (${[...known].join(', ')})`;
  const close = closeNames(name, known);
  return `${what} (${size} defined; ${close.length ? `closest: ${close.join(', ')}` : `none close to ${quote(name)}`})`;
}

/** Levenshtein distance of a and b, or max + 1 as soon as it must exceed max. */
function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max), to = Math.min(n, i + max);
    cur.fill(max + 1);
    cur[0] = i;
    let best = i <= max ? i : max + 1;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1);
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n], max + 1);
}
