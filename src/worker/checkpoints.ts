import { restore, snapshot, type Simulation, type Snapshot } from '../core/index';

/**
 * How checkpoints are made and read back: each one is a core `snapshot()` — plain, versioned
 * data — and each restore a fresh `restore()`, so a restored run shares nothing mutable with
 * the checkpoint or with the run it came from. `bytes` estimates the copy's memory for the
 * budget below (objects at ~96 bytes, plus typed-array bytes); tests may pass their own copier.
 */
export interface Copier<S> {
  take(state: S): { data: unknown; bytes: number };
  revive(data: unknown): S;
}

/** ~Bytes per copied object or array (V8: header + a few fields); typed arrays count their bytes. */
const BYTES_PER_OBJECT = 96;

export const snapshotCopier: Copier<Simulation> = {
  take(sim) {
    const snap = snapshot(sim);
    return { data: snap, bytes: snap.size.objects * BYTES_PER_OBJECT + snap.size.bytes };
  },
  revive: (data) => restore(data as Snapshot),
};

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
export class Checkpoints<S extends { eventsProcessed: number; nowMs: number } = Simulation> {
  private list: Checkpoint[] = [];
  private next: number;
  private readonly minEvents: number;
  private readonly maxBytes: number;
  private readonly bytesPerEvent: number;
  private totalBytes = 0;

  constructor(private readonly copier: Copier<S> = snapshotCopier as unknown as Copier<S>, opts: CheckpointOptions = {}) {
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
  restore(atMs: number, maxEvents = Infinity, afterEvents = -1): { sim: S; inputs: number; events: number; atMs: number } | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const c = this.list[i];
      if (c.atMs <= atMs && c.events <= maxEvents) {
        return c.events > afterEvents ? { sim: this.copier.revive(c.data), inputs: c.inputs, events: c.events, atMs: c.atMs } : null;
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
