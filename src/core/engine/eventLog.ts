import { Sha256, type LogHasher } from './sha256';

/**
 * The run's event log. Every record is 24 bytes — (atMs: f64, code: u32, a: u32, b: u32,
 * c: u32), little-endian — appended to a buffer that is hashed in 64 KiB chunks, so the
 * SHA-256 of the whole ordered log is known at any moment without keeping the log in memory.
 * The last `ringSize` records are also kept for the UI's event list.
 *
 * Determinism contract: same scenario + seed ⇒ same records in the same order ⇒ same hash.
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

export class EventLog {
  count = 0;
  private readonly buf = new ArrayBuffer(CHUNK_RECORDS * RECORD_BYTES);
  private readonly view = new DataView(this.buf);
  private readonly bytes = new Uint8Array(this.buf);
  private used = 0;
  private readonly ringAt: Float64Array;
  private readonly ringWords: Uint32Array;

  constructor(
    private readonly hasher: LogHasher = new Sha256(),
    readonly ringSize = 4096,
  ) {
    this.ringAt = new Float64Array(ringSize);
    this.ringWords = new Uint32Array(ringSize * 4);
  }

  record(atMs: number, code: number, a: number, b: number, c: number): void {
    const off = this.used * RECORD_BYTES;
    const v = this.view;
    v.setFloat64(off, atMs, true);
    v.setUint32(off + 8, code, true);
    v.setUint32(off + 12, a, true);
    v.setUint32(off + 16, b, true);
    v.setUint32(off + 20, c, true);
    if (++this.used === CHUNK_RECORDS) this.flush();
    const r = this.count % this.ringSize;
    this.ringAt[r] = atMs;
    const w = r * 4;
    this.ringWords[w] = code;
    this.ringWords[w + 1] = a;
    this.ringWords[w + 2] = b;
    this.ringWords[w + 3] = c;
    this.count++;
  }

  /** SHA-256 of every record so far. Final: call once, when the run is over. */
  digestHex(): string {
    this.flush();
    return this.hasher.digestHex();
  }

  /** The most recent records, oldest first, at most `limit`. */
  recent(limit = this.ringSize): LogRecord[] {
    const n = Math.min(limit, this.count, this.ringSize);
    const out: LogRecord[] = [];
    for (let i = this.count - n; i < this.count; i++) {
      const r = i % this.ringSize;
      const w = r * 4;
      out.push({ atMs: this.ringAt[r], code: this.ringWords[w], a: this.ringWords[w + 1], b: this.ringWords[w + 2], c: this.ringWords[w + 3] });
    }
    return out;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.hasher.update(this.bytes.subarray(0, this.used * RECORD_BYTES));
    this.used = 0;
  }
}
