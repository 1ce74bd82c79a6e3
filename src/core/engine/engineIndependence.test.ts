import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cos, exp, ln, pow, pow2, sin } from './fmath';
import { RandomStream } from './random';

/**
 * The same run in every engine: the core's floating point must not depend on the engine's
 * libm. `Math`'s exactly specified functions are allowed; its transcendentals (whose last bit
 * differs between V8 builds) and `**` (which calls the engine's pow) are not: use fmath.ts.
 */
const CORE = join(__dirname, '..');
const ALLOWED = new Set(['sqrt', 'floor', 'ceil', 'round', 'trunc', 'abs', 'min', 'max', 'imul', 'sign', 'fround', 'clz32', 'PI']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Source with comments and string literals blanked out, so prose cannot trip the check. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) => m.replace(/[^\n]/g, ' '));
}

export function engineDependentMath(file: string, text: string): string[] {
  const found: string[] = [];
  const src = code(text);
  const lines = src.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\bMath\b(\s*\.\s*([A-Za-z_$][\w$]*))?/g)) {
      if (!m[2] || !ALLOWED.has(m[2])) found.push(`${file}:${i + 1}: ${m[0].replace(/\s+/g, '')} (use engine/fmath.ts)`);
    }
    if (/\*\*/.test(line)) found.push(`${file}:${i + 1}: the ** operator (use pow or pow2 from engine/fmath.ts)`);
  });
  return found;
}

describe('the core computes the same floats in every engine', () => {
  it('no source file under src/core calls a Math transcendental, Math.random, or uses **', () => {
    const files = sources(CORE);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => engineDependentMath(relative(CORE, f), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the check itself catches each way of reaching the engine’s libm, and ignores prose', () => {
    const bad = 'const a = Math.exp(1);\nconst b = Math . log(2);\nconst { sin } = Math;\nconst c = x ** 0.5;\nconst d = Math.random();';
    expect(engineDependentMath('x.ts', bad)).toHaveLength(5);
    const fine = '// Math.exp is not used here; 2 ** 3 in a comment\nconst s = "Math.pow"; /** Math.sin */\nconst r = Math.sqrt(Math.floor(Math.PI));';
    expect(engineDependentMath('y.ts', fine)).toEqual([]);
  });

  it('fmath gives fdlibm’s results, pinned bit for bit (exp(1) is fdlibm’s, one ulp above the nearest double to e)', () => {
    expect(exp(1)).toBe(2.7182818284590455);
    expect(exp(-0.5)).toBe(0.6065306597126334);
    expect(ln(0.3)).toBe(-1.2039728043259361);
    expect([sin(2), cos(2)]).toEqual([0.9092974268256817, -0.4161468365471424]);
    expect(ln(2)).toBe(0.6931471805599453);
    expect(ln(10)).toBe(2.302585092994046);
    expect(sin(Math.PI / 6)).toBe(0.49999999999999994);
    expect(cos(0)).toBe(1);
    expect(pow(1.01, 100)).toBe(2.7048138294215285);
    expect([0, 1, 10, 52, 1023].map(pow2)).toEqual([1, 2, 1024, 4503599627370496, 8.98846567431158e307]);
  });

  it('fmath agrees with the engine’s Math to within one ulp over the ranges the core uses', () => {
    const r = new RandomStream(11, 'fmath');
    const ulps = (a: number, b: number) => Math.abs(a - b) / (Math.abs(b) * Number.EPSILON || Number.MIN_VALUE);
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = r.nextOpen(), t = r.next() * 2 * Math.PI, x = (r.next() - 0.5) * 40;
      worst = Math.max(worst, ulps(ln(u), Math.log(u)), ulps(exp(x), Math.exp(x)), ulps(sin(t), Math.sin(t)) * Number(Math.abs(Math.sin(t)) > 1e-3), ulps(cos(t), Math.cos(t)) * Number(Math.abs(Math.cos(t)) > 1e-3), ulps(pow(1.01, x * 50), Math.pow(1.01, x * 50)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });
});
