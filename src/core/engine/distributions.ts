import { exp, ln } from './fmath';
import { normal, uniform, uniformInt, uniformOpen, type StreamState } from './random';

/** A distribution as written in a scenario (CONTRACTS.md §1). All values in ms unless named. */
export type Dist =
  | { dist: 'constant'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

/**
 * A distribution compiled for drawing, as plain data (it lives in the simulation state, so a
 * snapshot needs no closures): one shape for every kind, so `draw` stays monomorphic.
 * - constant: a = value
 * - exponential: a = mean
 * - lognormal: a = ln(median), b = sigma
 * - uniform: a = min, b = max − min
 * - empirical: values
 */
export interface CompiledDist {
  kind: DistKind;
  a: number;
  b: number;
  values: readonly number[] | null;
}

export const DistKind = { Constant: 0, Exponential: 1, Lognormal: 2, Uniform: 3, Empirical: 4 } as const;
export type DistKind = (typeof DistKind)[keyof typeof DistKind];

export function compileDist(d: Dist): CompiledDist {
  switch (d.dist) {
    case 'constant': return { kind: DistKind.Constant, a: d.value, b: 0, values: null };
    case 'exponential': return { kind: DistKind.Exponential, a: d.mean, b: 0, values: null };
    case 'lognormal': return { kind: DistKind.Lognormal, a: ln(d.median), b: d.sigma, values: null };
    case 'uniform': return { kind: DistKind.Uniform, a: d.min, b: d.max - d.min, values: null };
    case 'empirical': return { kind: DistKind.Empirical, a: 0, b: 0, values: d.values.slice() };
    default: return assertNever(d);
  }
}

/**
 * One sample. Every kind draws a fixed number of uniforms per call (constant draws none), so
 * a stream's position depends only on how many samples were taken, not on their values.
 */
export function draw(c: CompiledDist, r: StreamState): number {
  switch (c.kind) {
    case DistKind.Constant: return c.a;
    case DistKind.Exponential: return -c.a * ln(uniformOpen(r));
    case DistKind.Lognormal: return exp(c.a + c.b * normal(r));
    case DistKind.Uniform: return c.a + c.b * uniform(r);
    case DistKind.Empirical: return c.values![uniformInt(r, c.values!.length)];
  }
}

/** The distribution's mean, for explanations and analytic overlays. */
export function meanOf(d: Dist): number {
  switch (d.dist) {
    case 'constant': return d.value;
    case 'exponential': return d.mean;
    case 'lognormal': return d.median * exp((d.sigma * d.sigma) / 2);
    case 'uniform': return (d.min + d.max) / 2;
    case 'empirical': return d.values.reduce((a, b) => a + b, 0) / d.values.length;
    default: return assertNever(d);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
