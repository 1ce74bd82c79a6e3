/**
 * Seeded pseudo-random streams. The core never uses the platform’s generator: every draw comes from a
 * named stream derived from (scenario seed, stream name), so that adding a draw to one
 * concern (say, handler durations) does not reshuffle another (say, arrivals).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): 128 bits of state,
 * period ≥ 2^32, passes PractRand to many TB, and runs on plain 32-bit integer ops in V8.
 */
export class RandomStream {
  /** Four 32-bit words of state; plain data so a checkpoint can copy them. */
  readonly s: Uint32Array;

  constructor(seed: number, name: string) {
    this.s = new Uint32Array(4);
    let h = hashString(name) ^ Math.imul(seed >>> 0, 0x9e3779b1);
    const hi = Math.floor(seed / 4294967296) >>> 0;
    for (let i = 0; i < 4; i++) {
      h = splitmix32(h + i * 0x6d2b79f5 + hi);
      this.s[i] = h;
    }
    for (let i = 0; i < 12; i++) this.nextU32(); // warm up: decorrelate similar seeds
  }

  nextU32(): number {
    const s = this.s;
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
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe for Math.log. */
  nextOpen(): number {
    return (this.nextU32() + 1) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. Draws exactly once, whatever p is, so streams stay aligned. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A spare standard normal from the last Box–Muller pair (NaN when none). Part of the state. */
  private spare = NaN;

  /**
   * Standard normal via Box–Muller: each pair of uniforms yields two normals; the second is
   * kept for the next call. Still deterministic: the stream's position depends only on how
   * many normals were drawn.
   */
  normal(): number {
    const spare = this.spare;
    if (spare === spare) { // not NaN
      this.spare = NaN;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  getState(): number[] {
    return [...this.s, this.spare];
  }

  setState(state: readonly number[]): void {
    for (let i = 0; i < 4; i++) this.s[i] = state[i] >>> 0;
    this.spare = state.length > 4 ? state[4] : NaN;
  }
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

/** All the streams of one run, created on first use and keyed by name. */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();
  constructor(readonly seed: number) {}

  get(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new RandomStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }

  getState(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [k, v] of this.streams) out[k] = v.getState();
    return out;
  }

  setState(state: Record<string, number[]>): void {
    for (const [k, v] of Object.entries(state)) this.get(k).setState(v);
  }
}
