import { createSha256, sha256Hex, sha256Update, type LogHasher, type Sha256State } from './sha256';

/**
 * The run's event log. Every record is 24 bytes — (atMs: f64, code: u32, a: u32, b: u32,
 * c: u32), little-endian — appended to a buffer that is hashed in 64 KiB chunks, so the
 * SHA-256 of the whole ordered log is known at any moment without keeping the log in memory.
 * The last `ringSize` records are also kept for the UI's event list.
 *
 * Determinism contract: same scenario + seed ⇒ same records in the same order ⇒ same hash.
 *
 * `LogState` is plain data inside the simulation state, hash state included, so a restored
 * simulation's digest equals the straight run's. How records are hashed:
 * - 'sha256': the built-in SHA-256, whose running state is `sha`;
 * - 'external': an injected `LogHasher` (node:crypto in the CLI) whose state is not data,
 *   so such a simulation cannot be snapshot;
 * - 'none': not hashed (the page's live session; its export replays with hashing).
 */
export const RECORD_BYTES = 24;
const CHUNK_RECORDS = 2730; // 2730 × 24 = 65,520 bytes

export interface LogRecord {
  atMs: number;
  code: number;
  a: number;
  b: number;
  c: number;
}

export type LogHashing = 'sha256' | 'external' | 'none';

export interface LogState {
  count: number;
  hashing: LogHashing;
  /** Records not yet hashed (empty when not hashing). */
  chunk: Uint8Array;
  used: number;
  sha: Sha256State | null;
  ringSize: number;
  ringAt: Float64Array;
  /** code, a, b, c of each ring slot. */
  ringWords: Uint32Array;
}

export function createLog(hashing: LogHashing, ringSize: number): LogState {
  return {
    count: 0,
    hashing,
    chunk: new Uint8Array(hashing === 'none' ? 0 : CHUNK_RECORDS * RECORD_BYTES),
    used: 0,
    sha: hashing === 'sha256' ? createSha256() : null,
    ringSize,
    ringAt: new Float64Array(ringSize),
    ringWords: new Uint32Array(ringSize * 4),
  };
}

/**
 * Appends one record. `view` is a DataView over `log.chunk` (derived, kept by the caller);
 * `hasher` is the injected hasher when `hashing` is 'external'.
 */
export function appendRecord(log: LogState, view: DataView, hasher: LogHasher | null, atMs: number, code: number, a: number, b: number, c: number): void {
  if (log.hashing !== 'none') {
    const off = log.used * RECORD_BYTES;
    view.setFloat64(off, atMs, true);
    view.setUint32(off + 8, code, true);
    view.setUint32(off + 12, a, true);
    view.setUint32(off + 16, b, true);
    view.setUint32(off + 20, c, true);
    if (++log.used === CHUNK_RECORDS) flush(log, hasher);
  }
  const r = log.count % log.ringSize;
  log.ringAt[r] = atMs;
  const w = r * 4;
  const words = log.ringWords;
  words[w] = code;
  words[w + 1] = a;
  words[w + 2] = b;
  words[w + 3] = c;
  log.count++;
}

/**
 * SHA-256 of every record so far ('' when not hashing). With the built-in hasher this can be
 * read at any moment; an external hasher (node:crypto) is finalized by it: read it once, at
 * the end of the run.
 */
export function logDigestHex(log: LogState, hasher: LogHasher | null): string {
  switch (log.hashing) {
    case 'none': return '';
    case 'external':
      flush(log, hasher);
      return hasher!.digestHex();
    case 'sha256': {
      // Hash the pending bytes into a copy: the log itself goes on unchanged.
      const sha = { h: log.sha!.h.slice(), block: log.sha!.block.slice(), blockLen: log.sha!.blockLen, totalBytes: log.sha!.totalBytes };
      sha256Update(sha, log.chunk.subarray(0, log.used * RECORD_BYTES));
      return sha256Hex(sha);
    }
  }
}

/** The most recent records, oldest first, at most `limit`. */
export function recentRecords(log: LogState, limit = log.ringSize): LogRecord[] {
  const n = Math.min(limit, log.count, log.ringSize);
  const out: LogRecord[] = [];
  for (let i = log.count - n; i < log.count; i++) {
    const r = i % log.ringSize;
    const w = r * 4;
    out.push({ atMs: log.ringAt[r], code: log.ringWords[w], a: log.ringWords[w + 1], b: log.ringWords[w + 2], c: log.ringWords[w + 3] });
  }
  return out;
}

function flush(log: LogState, hasher: LogHasher | null): void {
  if (log.used === 0) return;
  const bytes = log.chunk.subarray(0, log.used * RECORD_BYTES);
  if (log.hashing === 'sha256') sha256Update(log.sha!, bytes);
  else hasher!.update(bytes);
  log.used = 0;
}
