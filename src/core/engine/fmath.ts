import stdlibCos from '@stdlib/math-base-special-cos';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSin from '@stdlib/math-base-special-sin';

/**
 * The transcendental functions the core computes with, the same to the last bit in every
 * JavaScript engine. `Math.exp`, `log`, `sin`, `cos` and `pow` are not specified exactly:
 * V8 in Node 20 and in Chromium differ in the last bit for some inputs, which changed sampled
 * times by an ulp and so the event-log hash between the CLI and the page. These are stdlib's
 * ports of FreeBSD's msun / Sun's fdlibm, written with IEEE-754 +, −, ×, ÷ and bit access
 * only, which every engine performs identically. (`Math.sqrt`, `floor`, `round`, `abs`,
 * `min`, `max` and `imul` are exactly specified and may be used directly.)
 *
 * A test (engine/engineIndependence.test.ts) fails if code under src/core calls a `Math`
 * transcendental or uses `**`.
 */
export const exp: (x: number) => number = stdlibExp;
/** Natural logarithm. */
export const ln: (x: number) => number = stdlibLn;
export const pow: (x: number, y: number) => number = stdlibPow;
export const sin: (x: number) => number = stdlibSin;
export const cos: (x: number) => number = stdlibCos;

/** 2^n for an integer n in [0, 1023]: exact (a power of two), without `**`. */
export function pow2(n: number): number {
  return pow(2, n);
}
