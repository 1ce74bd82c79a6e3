import type { RandomStream } from './random';

/** A distribution as written in a scenario (CONTRACTS.md §1). All values in ms unless named. */
export type Dist =
  | { dist: 'constant'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

export type Sampler = (rng: RandomStream) => number;

/**
 * Compiles a distribution into a sampler. Every sampler draws a fixed number of uniforms per
 * call for its kind (constant draws none), so a stream's position depends only on how many
 * samples were taken, not on their values.
 */
export function sampler(d: Dist): Sampler {
  switch (d.dist) {
    case 'constant': {
      const v = d.value;
      return () => v;
    }
    case 'exponential': {
      const mean = d.mean;
      return (rng) => -mean * Math.log(rng.nextOpen());
    }
    case 'lognormal': {
      const mu = Math.log(d.median);
      const sigma = d.sigma;
      return (rng) => Math.exp(mu + sigma * rng.normal());
    }
    case 'uniform': {
      const { min, max } = d;
      return (rng) => min + (max - min) * rng.next();
    }
    case 'empirical': {
      const values = d.values.slice();
      return (rng) => values[rng.int(values.length)];
    }
    default:
      return assertNever(d);
  }
}

/** The distribution's mean, for explanations and analytic overlays. */
export function meanOf(d: Dist): number {
  switch (d.dist) {
    case 'constant': return d.value;
    case 'exponential': return d.mean;
    case 'lognormal': return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'uniform': return (d.min + d.max) / 2;
    case 'empirical': return d.values.reduce((a, b) => a + b, 0) / d.values.length;
    default: return assertNever(d);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
