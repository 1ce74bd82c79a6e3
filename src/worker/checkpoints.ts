import { restore, snapshot, type Simulation, type Snapshot } from '../core/index';

/**
 * Checkpoints of a running Simulation, for time travel: seeking back restores the nearest
 * one and replays from there (RaftScope's idea, made deterministic). Each checkpoint is a
 * core `snapshot()` — plain, versioned data — and each restore a fresh `restore()`, so a
 * restored run shares nothing mutable with the checkpoint or with the run it came from.
 *
 * Checkpoints are taken every `everyEvents` events — or every 20 events per object in the
 * state, whichever is more, so copying stays a few percent of simulation time (a copy costs
 * about as much per object as running costs per event) — thinned to at most `max` as the
 * run grows.
 */
export class Checkpoints {
  private list: { events: number; atMs: number; inputs: number; snap: Snapshot; objects: number }[] = [];
  private next: number;

  /**
   * @param everyEvents the shortest interval between checkpoints, in events
   * @param max most checkpoints kept
   * @param maxObjects most objects kept across all checkpoints (~100–200 bytes each; typed
   *   arrays count one object per 1 KiB): a bound on memory however large the simulated fleet
   */
  constructor(private everyEvents = 100_000, private readonly max = 40, private readonly maxObjects = 1_500_000) {
    this.next = everyEvents;
  }

  /** Takes a checkpoint if one is due. `inputs`: how many user inputs the simulation has had applied. */
  maybeTake(sim: Simulation, inputs: number): void {
    if (sim.eventsProcessed < this.next) return;
    const snap = snapshot(sim);
    const objects = snap.size.objects + Math.ceil(snap.size.bytes / 1024);
    this.list.push({ events: sim.eventsProcessed, atMs: sim.nowMs, inputs, snap, objects });
    this.next = sim.eventsProcessed + Math.max(this.everyEvents, 20 * snap.size.objects);
    while (this.list.length > 1 && (this.list.length > this.max || this.objects() > this.maxObjects)) {
      // Keep every other one (always the latest): spacing doubles, memory stays bounded.
      this.list = this.list.filter((_, i) => (this.list.length - 1 - i) % 2 === 0);
      this.everyEvents *= 2;
    }
  }

  /** A simulation restored from the latest checkpoint at or before (time, event count). */
  restore(atMs: number, maxEvents = Infinity): { sim: Simulation; inputs: number } | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const c = this.list[i];
      if (c.atMs <= atMs && c.events <= maxEvents) return { sim: restore(c.snap), inputs: c.inputs };
    }
    return null;
  }

  /** Forgets checkpoints after `events`: a fork made them belong to another future. */
  dropAfter(events: number): void {
    this.list = this.list.filter((c) => c.events <= events);
    this.next = Math.max(events + 1, (this.list.at(-1)?.events ?? 0) + this.everyEvents);
  }

  get size(): number {
    return this.list.length;
  }

  private objects(): number {
    return this.list.reduce((n, c) => n + c.objects, 0);
  }
}
