/**
 * Streaming SHA-256 (FIPS 180-4) in plain TypeScript, so the core can hash its event log in
 * a browser worker with no async WebCrypto. Node callers may inject `node:crypto` through
 * the `LogHasher` interface for speed; both produce the same digest for the same bytes.
 *
 * The running state (`Sha256State`) is plain data, part of the simulation state, so a
 * restored simulation continues the very same digest. Reading the digest does not end it.
 */
export interface LogHasher {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export interface Sha256State {
  /** The eight working hash words. */
  h: Uint32Array;
  /** Bytes of the current, incomplete 64-byte block. */
  block: Uint8Array;
  blockLen: number;
  totalBytes: number;
}

export function createSha256(): Sha256State {
  return {
    h: new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]),
    block: new Uint8Array(64),
    blockLen: 0,
    totalBytes: 0,
  };
}

export function sha256Update(st: Sha256State, bytes: Uint8Array): void {
  st.totalBytes += bytes.length;
  const block = st.block;
  let i = 0;
  if (st.blockLen > 0) {
    while (i < bytes.length && st.blockLen < 64) block[st.blockLen++] = bytes[i++];
    if (st.blockLen < 64) return;
    compress(st.h, block, 0);
    st.blockLen = 0;
  }
  for (; i + 64 <= bytes.length; i += 64) compress(st.h, bytes, i);
  while (i < bytes.length) block[st.blockLen++] = bytes[i++];
}

/** The digest of every byte so far, as hex. Leaves `st` untouched: hashing may go on. */
export function sha256Hex(st: Sha256State): string {
  const end: Sha256State = { h: st.h.slice(), block: st.block.slice(), blockLen: st.blockLen, totalBytes: st.totalBytes };
  const bitLen = st.totalBytes * 8;
  const pad = new Uint8Array(((st.blockLen < 56 ? 56 : 120) - st.blockLen) + 8);
  pad[0] = 0x80;
  const view = new DataView(pad.buffer);
  view.setUint32(pad.length - 8, Math.floor(bitLen / 4294967296));
  view.setUint32(pad.length - 4, bitLen >>> 0);
  sha256Update(end, pad);
  let hex = '';
  for (const word of end.h) hex += word.toString(16).padStart(8, '0');
  return hex;
}

/** A `LogHasher` over the built-in SHA-256 (same interface as the node:crypto one the CLI injects). */
export class Sha256 implements LogHasher {
  readonly state = createSha256();
  update(bytes: Uint8Array): void { sha256Update(this.state, bytes); }
  digestHex(): string { return sha256Hex(this.state); }
}

/**
 * Message-schedule scratch for `compress`: fully written before it is read within one call,
 * so it carries nothing from one call to the next (it is not state, and never shared across
 * an await: hashing is synchronous).
 */
const W = new Uint32Array(64);

function compress(h: Uint32Array, data: Uint8Array, off: number): void {
  const w = W;
  for (let t = 0; t < 16; t++) {
    const j = off + t * 4;
    w[t] = (data[j] << 24) | (data[j + 1] << 16) | (data[j + 2] << 8) | data[j + 3];
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15], y = w[t - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + K[t] + w[t]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}
