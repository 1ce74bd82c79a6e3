/**
 * Student's t distribution for confidence intervals over a handful of seeds or batches.
 * The CDF for integer degrees of freedom ν is a finite sum (Abramowitz & Stegun 26.7.3–4,
 * with θ = atan(t/√ν)): A(t|ν) = P(|T| ≤ t) =
 *   ν = 1: 2θ/π;  ν odd: (2/π)(θ + sinθ·(cosθ + ⅔cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))·cos^(ν−2)θ));
 *   ν even: sinθ·(1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))·cos^(ν−2)θ).
 * The quantile is found by bisection on it.
 */
export function tTwoSidedCoverage(t: number, nu: number): number {
  if (!(nu >= 1) || !Number.isInteger(nu)) throw new Error(`degrees of freedom must be a whole number ≥ 1 (got ${nu})`);
  const x = Math.abs(t) / Math.sqrt(nu);
  const r = Math.sqrt(1 + x * x);
  const theta = atan(x), s = x / r, c = 1 / r, c2 = c * c; // sin and cos of atan(x), exactly: no trigonometry needed
  if (nu % 2 === 1) {
    if (nu === 1) return (2 * theta) / Math.PI;
    let term = c, sum = c;
    for (let k = 3; k <= nu - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * sum);
  }
  let term = 1, sum = 1;
  for (let k = 2; k <= nu - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return s * sum;
}

/** t such that P(|T_ν| ≤ t) = level; e.g. tCritical(0.95, 9) ≈ 2.262. Beyond ν = 10⁴ the normal value is used. */
export function tCritical(level: number, nu: number): number {
  if (nu > 10_000) return normalCritical(level);
  let lo = 0, hi = 1;
  while (tTwoSidedCoverage(hi, nu) < level) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tTwoSidedCoverage(mid, nu) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function normalCritical(level: number): number {
  // The t value at ν = 10⁴ differs from the normal one by < 2·10⁻⁴: good enough, and exact in the limit.
  return tCritical(level, 10_000);
}

export interface MeanCi { n: number; mean: number; sd: number; halfWidth: number; low: number; high: number }

/** Mean and 95 % confidence interval (Student's t over the n values); NaN half-width for n < 2. */
export function meanCi(values: readonly number[], level = 0.95): MeanCi {
  const n = values.length;
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : NaN;
  if (n < 2) return { n, mean, sd: NaN, halfWidth: NaN, low: NaN, high: NaN };
  const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) * (x - mean), 0) / (n - 1));
  const halfWidth = (tCritical(level, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

/**
 * atan(x) from arithmetic and square roots only (engine-independent, like engine/fmath.ts):
 * halve the angle with atan(x) = 2·atan(x / (1 + √(1 + x²))) until |x| < 0.05, then the
 * Taylor series (error < 1e-17 there).
 */
export function atan(x: number): number {
  if (x < 0) return -atan(-x);
  if (x === Infinity) return Math.PI / 2;
  let k = 1;
  while (x >= 0.05) { x = x / (1 + Math.sqrt(1 + x * x)); k *= 2; }
  const x2 = x * x;
  let term = x, sum = x;
  for (let n = 3; n <= 21; n += 2) { term *= -x2; sum += term / n; }
  return k * sum;
}
