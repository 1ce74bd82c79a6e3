/**
 * Deep copies of a running Simulation, for time travel: seeking back restores the nearest
 * checkpoint and replays from there (RaftScope's idea, made deterministic).
 *
 * The copy is structural: plain objects keep their prototypes (so class instances stay
 * instances), Maps, Sets, arrays and typed arrays are copied, and typed arrays that share an
 * ArrayBuffer keep sharing the copied buffer. Functions are shared, not copied: in the core
 * they are pure (samplers close over configuration, transition functions over tables).
 * Cycles (services point back at the simulation) are preserved through a memo.
 */
export function deepCopy<T>(value: T, memo = new Map<unknown, unknown>()): T {
  return copy(value, memo) as T;
}

function copy(v: unknown, memo: Map<unknown, unknown>): unknown {
  if (v === null || typeof v !== 'object') return v; // primitives and functions are shared
  if (Object.getOwnPropertySymbols(v).length > 0 && !(v instanceof Map) && !(v instanceof Set)) {
    throw new Error('deepCopy: symbol-keyed properties are not copied; the core must not use them');
  }
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (v instanceof ArrayBuffer) {
    const b = v.slice(0);
    memo.set(v, b);
    return b;
  }
  if (ArrayBuffer.isView(v)) {
    const buffer = copy(v.buffer, memo) as ArrayBuffer;
    const Ctor = v.constructor as new (b: ArrayBuffer, offset: number, length: number) => ArrayBufferView;
    const length = v instanceof DataView ? v.byteLength : (v as unknown as { length: number }).length;
    const out = new Ctor(buffer, v.byteOffset, length);
    memo.set(v, out);
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(copy(k, memo), copy(x, memo));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    memo.set(v, out);
    for (const x of v) out.add(copy(x, memo));
    return out;
  }
  if (v instanceof WeakMap || v instanceof WeakSet) throw new Error('deepCopy: weak collections cannot be copied');
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    memo.set(v, out);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i], memo);
    return out;
  }
  // Records and class instances alike: own enumerable data properties (class fields are),
  // copied by plain assignment — an order of magnitude faster than property descriptors.
  const proto = Object.getPrototypeOf(v);
  const out = (proto === Object.prototype ? {} : Object.create(proto)) as Record<string, unknown>;
  memo.set(v, out);
  const src = v as Record<string, unknown>;
  for (const key of Object.keys(src)) {
    const x = src[key];
    out[key] = x === null || typeof x !== 'object' ? x : copy(x, memo);
  }
  return out;
}

/**
 * How checkpoints are made and read back. Today a structural deep copy; when the core offers
 * `snapshot(sim)` / `restore(s)` (plain, versioned data) this is where they plug in.
 * `bytes` estimates the copy's memory, for the budget below.
 */
export interface Copier<S> {
  take(state: S): { data: unknown; bytes: number };
  revive(data: unknown): S;
}

/** ~Bytes per copied object or array (V8: header + a few fields); typed arrays count their buffers. */
const BYTES_PER_OBJECT = 96;

export function deepCopier<S>(): Copier<S> {
  return {
    take(state) {
      const memo = new Map<unknown, unknown>();
      const data = deepCopy(state, memo);
      let bytes = 0;
      for (const k of memo.keys()) bytes += k instanceof ArrayBuffer ? k.byteLength : BYTES_PER_OBJECT;
      return { data, bytes };
    },
    revive: (data) => deepCopy(data) as S,
  };
}

export interface CheckpointOptions {
  /** Shortest interval between checkpoints, in events. */
  minEvents?: number;
  /** Most memory all checkpoints together may hold, in (estimated) bytes. */
  maxBytes?: number;
  /**
   * Bytes of state copied per event run at most (8: copying stays a few percent of running,
   * as a copy costs about as much per object as running costs per event). Tests that want
   * dense checkpoints in a short run pass Infinity.
   */
  bytesPerEvent?: number;
}

interface Checkpoint { events: number; atMs: number; inputs: number; data: unknown; bytes: number }

/**
 * Checkpoints of a running session, for time travel: a seek restores the latest checkpoint
 * at or before its target and replays from there, so a seek's work is bounded by the spacing.
 *
 * Spacing adapts to the run's length and the state's size: the next checkpoint is due after
 * max(minEvents, bytes / bytesPerEvent, events × bytes / maxBytes) events — the second term
 * keeps copying a few percent of running, the third spreads the memory budget over the whole run. When the budget is full,
 * the checkpoint whose removal leaves the smallest gap goes (never the latest), so coverage
 * stays even: the largest gap, and so the worst seek, is about twice the average spacing.
 */
export class Checkpoints<S extends { eventsProcessed: number; nowMs: number }> {
  private list: Checkpoint[] = [];
  private next: number;
  private readonly minEvents: number;
  private readonly maxBytes: number;
  private readonly bytesPerEvent: number;
  private totalBytes = 0;

  constructor(private readonly copier: Copier<S> = deepCopier<S>(), opts: CheckpointOptions = {}) {
    this.minEvents = opts.minEvents ?? 50_000;
    this.maxBytes = opts.maxBytes ?? 192 * 1024 * 1024;
    this.bytesPerEvent = opts.bytesPerEvent ?? 8;
    this.next = this.minEvents;
  }

  /** Takes a checkpoint if one is due. `inputs`: how many user inputs the state has had applied. */
  maybeTake(state: S, inputs: number): void {
    if (state.eventsProcessed < this.next) return;
    const last = this.list.at(-1);
    if (last && last.events === state.eventsProcessed && last.atMs === state.nowMs) return;
    const { data, bytes } = this.copier.take(state);
    this.list.push({ events: state.eventsProcessed, atMs: state.nowMs, inputs, data, bytes });
    this.totalBytes += bytes;
    while (this.list.length > 1 && this.totalBytes > this.maxBytes) this.removeDensest();
    const interval = Math.max(this.minEvents, Math.ceil(bytes / this.bytesPerEvent), Math.ceil((state.eventsProcessed * bytes) / this.maxBytes));
    this.next = state.eventsProcessed + interval;
  }

  /**
   * The latest checkpoint at or before (time, event count), as a fresh copy; null if there is
   * none, or if it is not past `afterEvents` (a forward seek only wants one ahead of it).
   */
  restore(atMs: number, maxEvents = Infinity, afterEvents = -1): { state: S; inputs: number; events: number; atMs: number } | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const c = this.list[i];
      if (c.atMs <= atMs && c.events <= maxEvents) {
        return c.events > afterEvents ? { state: this.copier.revive(c.data), inputs: c.inputs, events: c.events, atMs: c.atMs } : null;
      }
    }
    return null;
  }

  /**
   * Forgets checkpoints past a moment: a fork made them belong to another future. Kept: those
   * before `events`, and those at `events` no later than `atMs` with at most `inputs` applied.
   */
  dropAfter(events: number, atMs = Infinity, inputs = Infinity): void {
    this.list = this.list.filter((c) => c.events < events || (c.events === events && c.atMs <= atMs && c.inputs <= inputs));
    this.totalBytes = this.list.reduce((n, c) => n + c.bytes, 0);
    this.next = Math.max(events + 1, (this.list.at(-1)?.events ?? 0) + this.minEvents);
  }

  get size(): number {
    return this.list.length;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** The most events any seek replays: the largest gap between checkpoints (from the start). */
  maxGapEvents(uptoEvents: number): number {
    let prev = 0, gap = 0;
    for (const c of this.list) { gap = Math.max(gap, c.events - prev); prev = c.events; }
    return Math.max(gap, uptoEvents - prev);
  }

  /** Removes the checkpoint (not the latest) whose neighbours are closest together. */
  private removeDensest(): void {
    let best = -1, bestGap = Infinity;
    for (let i = 0; i < this.list.length - 1; i++) {
      const gap = this.list[i + 1].events - (i > 0 ? this.list[i - 1].events : 0);
      if (gap < bestGap) { bestGap = gap; best = i; }
    }
    if (best < 0) return;
    this.totalBytes -= this.list[best].bytes;
    this.list.splice(best, 1);
  }
}
