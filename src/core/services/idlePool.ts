import type { RandomStream } from '../engine/random';
import type { RoutingPolicy } from '../scenario/types';

/**
 * The idle (frozen) environments of one function version, and the routing policy that
 * picks which one serves the next request (CONTRACTS.md §1):
 * - mru: the environment that became idle most recently (a stack);
 * - newest / oldest: created most / least recently (ids are assigned in creation order);
 * - random: uniformly at random, from the run's seeded stream.
 *
 * Every operation is O(1) or O(log n) and allocation-free in steady state. An environment
 * leaves the pool by `take` or by `remove` (keep-alive expiry, retirement). Stack and heap
 * entries carry the environment's `poolStamp` at insertion; an entry whose stamp no longer
 * matches is stale and skipped lazily.
 */
export interface Pooled {
  id: number;
  poolStamp: number;
}

export interface IdlePool<T extends Pooled = Pooled> {
  readonly size: number;
  add(env: T): void;
  remove(env: T): void;
  take(rng: RandomStream): T | undefined;
  has(env: T): boolean;
}

/** Stamps are global so an environment never reuses a stamp, whatever pool it was in. */
let nextStamp = 1;
const NOT_POOLED = 0;

export function createIdlePool<T extends Pooled>(policy: RoutingPolicy): IdlePool<T> {
  switch (policy) {
    case 'mru': return new StackPool<T>();
    case 'newest': return new HeapPool<T>(true);
    case 'oldest': return new HeapPool<T>(false);
    case 'random': return new RandomPool<T>();
  }
}

class StackPool<T extends Pooled> implements IdlePool<T> {
  private envs: T[] = [];
  private stamps: number[] = [];
  size = 0;
  has(env: T): boolean { return env.poolStamp !== NOT_POOLED; }
  add(env: T): void {
    env.poolStamp = nextStamp++;
    this.envs.push(env);
    this.stamps.push(env.poolStamp);
    this.size++;
  }
  remove(env: T): void {
    if (env.poolStamp === NOT_POOLED) return;
    env.poolStamp = NOT_POOLED;
    this.size--;
    if (this.envs.length >= 64 && this.envs.length > 2 * this.size) this.compact();
  }
  take(): T | undefined {
    while (this.envs.length) {
      const env = this.envs.pop()!;
      const s = this.stamps.pop()!;
      if (env.poolStamp === s) {
        env.poolStamp = NOT_POOLED;
        this.size--;
        return env;
      }
    }
    return undefined;
  }
  private compact(): void {
    const envs: T[] = [], stamps: number[] = [];
    for (let i = 0; i < this.envs.length; i++) {
      if (this.envs[i].poolStamp === this.stamps[i]) { envs.push(this.envs[i]); stamps.push(this.stamps[i]); }
    }
    this.envs = envs;
    this.stamps = stamps;
  }
}

/** Binary heap on environment id (creation order): max-heap for newest, min-heap for oldest. */
class HeapPool<T extends Pooled> implements IdlePool<T> {
  private heap: T[] = [];
  private stamps: number[] = [];
  size = 0;
  constructor(private readonly newest: boolean) {}
  has(env: T): boolean { return env.poolStamp !== NOT_POOLED; }
  private before(i: number, j: number): boolean {
    return this.newest ? this.heap[i].id > this.heap[j].id : this.heap[i].id < this.heap[j].id;
  }
  private swap(i: number, j: number): void {
    const h = this.heap, s = this.stamps;
    const e = h[i]; h[i] = h[j]; h[j] = e;
    const t = s[i]; s[i] = s[j]; s[j] = t;
  }
  add(env: T): void {
    env.poolStamp = nextStamp++;
    this.size++;
    this.push(env);
  }
  private push(env: T): void {
    this.heap.push(env);
    this.stamps.push(env.poolStamp);
    let i = this.heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  remove(env: T): void {
    if (env.poolStamp === NOT_POOLED) return;
    env.poolStamp = NOT_POOLED;
    this.size--;
    if (this.heap.length >= 64 && this.heap.length > 2 * this.size) {
      const live = this.heap.filter((e, i) => e.poolStamp === this.stamps[i]);
      this.heap = [];
      this.stamps = [];
      for (const e of live) this.push(e);
    }
  }
  take(): T | undefined {
    while (this.heap.length) {
      const env = this.heap[0], s = this.stamps[0];
      const last = this.heap.length - 1;
      this.swap(0, last);
      this.heap.pop();
      this.stamps.pop();
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let c = i;
        if (l < this.heap.length && this.before(l, c)) c = l;
        if (r < this.heap.length && this.before(r, c)) c = r;
        if (c === i) break;
        this.swap(i, c);
        i = c;
      }
      if (env.poolStamp === s) {
        env.poolStamp = NOT_POOLED;
        this.size--;
        return env;
      }
    }
    return undefined;
  }
}

/** Array with swap-remove: O(1) add, remove and uniform pick. `poolStamp` holds index + 1. */
class RandomPool<T extends Pooled> implements IdlePool<T> {
  private envs: T[] = [];
  get size(): number { return this.envs.length; }
  has(env: T): boolean { return env.poolStamp !== NOT_POOLED; }
  add(env: T): void {
    this.envs.push(env);
    env.poolStamp = this.envs.length;
  }
  remove(env: T): void {
    if (env.poolStamp === NOT_POOLED) return;
    const i = env.poolStamp - 1;
    const last = this.envs.pop()!;
    if (last !== env) {
      this.envs[i] = last;
      last.poolStamp = i + 1;
    }
    env.poolStamp = NOT_POOLED;
  }
  take(rng: RandomStream): T | undefined {
    if (this.envs.length === 0) return undefined;
    const env = this.envs[rng.int(this.envs.length)];
    this.remove(env);
    return env;
  }
}
