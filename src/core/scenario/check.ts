/**
 * A tiny collector of validation problems, each named by JSON path and rule, e.g.
 * `functions[0].memoryMb: must be an integer from 128 to 10240`. Validation never stops at
 * the first problem: users fix a scenario in one pass.
 */
export class Problems {
  readonly list: string[] = [];

  add(path: string, rule: string): void {
    this.list.push(`${path}: ${rule}`);
  }

  isObject(path: string, v: unknown): v is Record<string, unknown> {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return true;
    this.add(path, v === undefined ? 'is required' : 'must be an object');
    return false;
  }

  /** Reports keys that no rule reads: a typo must never be silently ignored. */
  unknownKeys(path: string, obj: Record<string, unknown>, known: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (!known.includes(k)) this.add(join(path, k), `is not a known field (known: ${known.join(', ')})`);
    }
  }

  number(path: string, v: unknown, o: { int?: boolean; min?: number; max?: number; exclusiveMin?: boolean; def?: number } = {}): number {
    if (v === undefined && o.def !== undefined) return o.def;
    const kind = o.int ? 'an integer' : 'a number';
    const range =
      o.min !== undefined && o.max !== undefined ? (o.exclusiveMin ? ` greater than ${o.min} and at most ${o.max}` : ` from ${o.min} to ${o.max}`)
      : o.min !== undefined ? (o.exclusiveMin ? ` greater than ${o.min}` : ` of at least ${o.min}`)
      : o.max !== undefined ? ` of at most ${o.max}` : '';
    const ok =
      typeof v === 'number' && Number.isFinite(v) && (!o.int || Number.isInteger(v)) &&
      (o.min === undefined || (o.exclusiveMin ? v > o.min : v >= o.min)) && (o.max === undefined || v <= o.max);
    if (!ok) {
      this.add(path, v === undefined ? `is required (${kind}${range})` : `must be ${kind}${range}`);
      return o.def ?? o.min ?? 0;
    }
    return v as number;
  }

  oneOf<T extends string>(path: string, v: unknown, allowed: readonly T[], def?: T): T {
    if (v === undefined && def !== undefined) return def;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(path, v === undefined ? `is required (one of ${allowed.join(', ')})` : `must be one of ${allowed.join(', ')}`);
    return def ?? allowed[0];
  }

  string(path: string, v: unknown, pattern?: RegExp, rule?: string): string {
    if (typeof v === 'string' && (!pattern || pattern.test(v))) return v;
    this.add(path, v === undefined ? 'is required' : rule ?? 'must be a string');
    return '';
  }

  array(path: string, v: unknown, def?: unknown[]): unknown[] {
    if (v === undefined && def !== undefined) return def;
    if (Array.isArray(v)) return v;
    this.add(path, v === undefined ? 'is required (an array)' : 'must be an array');
    return [];
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
