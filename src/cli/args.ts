/**
 * Strict flag parsing for the CLI: every unknown flag or bad value is reported, with the
 * rule it breaks, instead of being ignored.
 */
export interface FlagSpec {
  [flag: string]: { kind: 'int' | 'number' | 'bool' | 'string'; min?: number; max?: number };
}

export type Parsed = { positional: string[]; flags: Record<string, number | boolean | string>; problems: string[] };

export function parseArgs(argv: string[], spec: FlagSpec): Parsed {
  const out: Parsed = { positional: [], flags: {}, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const s = spec[name];
    if (!s) {
      out.problems.push(`${clip(name)}: unknown flag (known: ${Object.keys(spec).join(', ')})`);
      continue;
    }
    if (s.kind === 'bool') {
      if (inline !== undefined) out.problems.push(`${name}: takes no value (got "${clip(inline)}")`);
      else out.flags[name] = true;
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) {
      out.problems.push(`${name}: needs a value`);
      continue;
    }
    if (s.kind === 'string') {
      out.flags[name] = raw;
      continue;
    }
    const n = Number(raw);
    const min = s.min ?? -Infinity, max = s.max ?? Infinity;
    if (!Number.isFinite(n) || (s.kind === 'int' && !Number.isInteger(n)) || n < min || n > max || raw.trim() === '') {
      const kind = s.kind === 'int' ? 'an integer' : 'a number';
      const range = min > -Infinity && max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` of at least ${min}` : max < Infinity ? ` of at most ${max}` : '';
      out.problems.push(`${name}: must be ${kind}${range} (got "${clip(raw)}")`);
      continue;
    }
    out.flags[name] = n;
  }
  return out;
}

const clip = (s: string) => (s.length > 40 ? s.slice(0, 39) + '…' : s);
