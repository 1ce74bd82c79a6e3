import { cos, ln, sin } from './fmath';

/**
 * Seeded pseudo-random streams. The core never uses the platform’s generator: every draw comes from a
 * named stream derived from (scenario seed, stream name), so that adding a draw to one
 * concern (say, handler durations) does not reshuffle another (say, arrivals).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): 128 bits of state,
 * period ≥ 2^32, passes PractRand to many TB, and runs on plain 32-bit integer ops in V8.
 * A stream is plain data (`StreamState`) and these functions advance it, so a snapshot of the
 * simulation holds every stream's exact position.
 */
export interface StreamState {
  /** The name it was derived from (`function:hello:$LATEST:duration`, `workload:0`, …). */
  name: string;
  /** Four 32-bit words of sfc32 state. */
  s: Uint32Array;
  /** A spare standard normal from the last Box–Muller pair (NaN when none). */
  spare: number;
}

export function createStream(seed: number, name: string): StreamState {
  const s = new Uint32Array(4);
  let h = hashString(name) ^ Math.imul(seed >>> 0, 0x9e3779b1);
  const hi = Math.floor(seed / 4294967296) >>> 0;
  for (let i = 0; i < 4; i++) {
    h = splitmix32(h + i * 0x6d2b79f5 + hi);
    s[i] = h;
  }
  const r: StreamState = { name, s, spare: NaN };
  for (let i = 0; i < 12; i++) nextU32(r); // warm up: decorrelate similar seeds
  return r;
}

export function nextU32(r: StreamState): number {
  const s = r.s;
  const a = s[0], b = s[1], c = s[2], d = s[3];
  const t = (((a + b) >>> 0) + d) >>> 0;
  s[3] = (d + 1) >>> 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) >>> 0;
  const cr = ((c << 21) | (c >>> 11)) >>> 0;
  s[2] = (cr + t) >>> 0;
  return t;
}

/** Uniform in [0, 1) with 32 bits of resolution. */
export function uniform(r: StreamState): number {
  return nextU32(r) / 4294967296;
}

/** Uniform in (0, 1]: safe for a logarithm. */
export function uniformOpen(r: StreamState): number {
  return (nextU32(r) + 1) / 4294967296;
}

/** Uniform integer in [0, n). */
export function uniformInt(r: StreamState, n: number): number {
  return Math.floor(uniform(r) * n);
}

/** True with probability p. Draws exactly once, whatever p is, so streams stay aligned. */
export function chance(r: StreamState, p: number): boolean {
  return uniform(r) < p;
}

/**
 * Standard normal via Box–Muller: each pair of uniforms yields two normals; the second is
 * kept (in the stream's state) for the next call. Still deterministic: the stream's position
 * depends only on how many normals were drawn.
 */
export function normal(r: StreamState): number {
  const spare = r.spare;
  if (spare === spare) { // not NaN
    r.spare = NaN;
    return spare;
  }
  const radius = Math.sqrt(-2 * ln(uniformOpen(r)));
  const theta = 2 * Math.PI * uniform(r);
  r.spare = radius * sin(theta);
  return radius * cos(theta);
}

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units: stable stream ids from names. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A stream with methods, for code outside the simulation state (test generators, the bench's
 * seek positions). The simulation itself keeps `StreamState` records and calls the functions.
 */
export class RandomStream {
  readonly state: StreamState;
  constructor(seed: number, name: string) {
    this.state = createStream(seed, name);
  }
  nextU32(): number { return nextU32(this.state); }
  next(): number { return uniform(this.state); }
  nextOpen(): number { return uniformOpen(this.state); }
  int(n: number): number { return uniformInt(this.state, n); }
  chance(p: number): boolean { return chance(this.state, p); }
  normal(): number { return normal(this.state); }
}
