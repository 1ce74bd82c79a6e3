import { LIMITS } from './limits';

/**
 * A collector of validation problems, each named by JSON path and rule, e.g.
 * `functions[0].memoryMb: must be an integer from 128 to 10240`. Validation never stops at
 * the first problem (users fix a scenario in one pass), but what it reports is bounded
 * however hostile the input: at most `LIMITS.problems` messages, then a count of the rest;
 * each message at most `LIMITS.problemChars` long. A rule may be given as a function, so a
 * costly message (one that suggests close names) is only built when it will be shown.
 */
export class Problems {
  private readonly shown: string[] = [];
  /** Problems found beyond the ones shown. */
  private more = 0;

  constructor(private readonly max: number = LIMITS.problems) {}

  /** Every problem found so far (the count of those not shown as the last line). */
  get list(): string[] {
    return this.more ? [...this.shown, `… and ${this.more} more problem${this.more === 1 ? '' : 's'}`] : this.shown.slice();
  }

  get count(): number {
    return this.shown.length + this.more;
  }

  add(path: string, rule: string | (() => string)): void {
    if (this.shown.length >= this.max) {
      this.more++;
      return;
    }
    const text = `${clip(path, 160)}: ${typeof rule === 'string' ? rule : rule()}`;
    this.shown.push(clip(text, LIMITS.problemChars));
  }

  /** Takes over another collector's problems (validated on the side, e.g. a patch). */
  addAll(other: Problems): void {
    for (const m of other.shown) {
      if (this.shown.length < this.max) this.shown.push(m);
      else this.more++;
    }
    this.more += other.more;
  }

  isObject(path: string, v: unknown): v is Record<string, unknown> {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return true;
    this.add(path, v === undefined ? 'is required' : 'must be an object');
    return false;
  }

  /** Reports keys that no rule reads: a typo must never be silently ignored. */
  unknownKeys(path: string, obj: Record<string, unknown>, known: readonly string[]): void {
    for (const k in obj) {
      if (Object.hasOwn(obj, k) && !known.includes(k)) this.add(join(path, k), `is not a known field (known: ${known.join(', ')})`);
    }
  }

  number(path: string, v: unknown, o: { int?: boolean; min?: number; max?: number; exclusiveMin?: boolean; def?: number; multipleOf?: number; why?: string } = {}): number {
    if (v === undefined && o.def !== undefined) return o.def;
    const kind = o.int ? 'an integer' : 'a number';
    const range =
      o.min !== undefined && o.max !== undefined ? (o.exclusiveMin ? ` greater than ${o.min} and at most ${o.max}` : ` from ${o.min} to ${o.max}`)
      : o.min !== undefined ? (o.exclusiveMin ? ` greater than ${o.min}` : ` of at least ${o.min}`)
      : o.max !== undefined ? ` of at most ${o.max}` : '';
    const extra = (o.multipleOf ? ` and a multiple of ${o.multipleOf}` : '') + (o.why ? ` (${o.why})` : '');
    const ok =
      typeof v === 'number' && Number.isFinite(v) && (!o.int || Number.isInteger(v)) &&
      (o.min === undefined || (o.exclusiveMin ? v > o.min : v >= o.min)) && (o.max === undefined || v <= o.max) &&
      (!o.multipleOf || v % o.multipleOf === 0);
    if (!ok) {
      this.add(path, v === undefined ? `is required (${kind}${range}${extra})` : `must be ${kind}${range}${extra}`);
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

  array(path: string, v: unknown, def?: unknown[], max?: number, what = 'entries'): unknown[] {
    if (v === undefined && def !== undefined) return def;
    if (!Array.isArray(v)) {
      this.add(path, v === undefined ? 'is required (an array)' : 'must be an array');
      return [];
    }
    if (max !== undefined && v.length > max) {
      this.add(path, `has ${v.length} ${what}, more than the maximum of ${max}`);
      return v.slice(0, max); // the first `max` are still checked: one pass finds the rest
    }
    return v;
  }
}

/** A JSON path one step deeper: `a.b`, `a[3]`; odd keys are quoted so the path stays readable. */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const k = /^[A-Za-z0-9_$-]{1,64}$/.test(key) ? key : JSON.stringify(clip(key, 40));
  return path ? `${path}.${k}` : k;
}

/** A user's string inside a message: quoted, and cut to `max` characters. */
export function quote(s: string, max = 40): string {
  return JSON.stringify(clip(s, max));
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}
