import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { LOG } from '../logCodes';
import type { Worker } from '../model/records';

/**
 * The worker fleet and each worker's MicroManager (lambda-facts.md §1.1, §5):
 * - a worker has a memory capacity, a pre-booted microVM pool, and a lease of at most 14 h;
 * - taking a microVM from the pool costs nothing on the cold-start path; the MicroManager
 *   then boots a replacement (~125 ms), at most `microvmCreationsPerSec` creations per worker;
 * - near the end of the lease the worker drains (workerLease.ts).
 */
export function addWorker(ctx: SimContext, startedAtMs: number, leaseEndMs: number): Worker {
  const s = ctx.state;
  const { fleet, platform } = s.scenario;
  const w: Worker = {
    id: s.nextWorkerId++,
    state: 'Active',
    memoryMb: fleet.workerMemoryMb,
    usedMb: 0,
    pool: fleet.prebootedPoolSize, // a worker joins the fleet with its pool already booted
    booting: 0,
    nextBootSlotMs: s.nowMs,
    startedAtMs,
    leaseEndMs,
    environments: 0,
    perFunction: new Map(),
  };
  s.workers.set(w.id, w);
  s.peakWorkers = Math.max(s.peakWorkers, s.workers.size);
  ctx.record(LOG.WORKER_ADDED, w.id, 0, 0);
  ctx.schedule(Math.max(s.nowMs, leaseEndMs - platform.drainBeforeLeaseEndMs), { type: 'worker.drain', worker: w.id });
  ctx.schedule(Math.max(s.nowMs, leaseEndMs), { type: 'worker.lease-end', worker: w.id });
  return w;
}

/**
 * The initial fleet. Real workers have different ages, so their leases end at different
 * times, evenly spread over the part of a lease before the drain: worker i of n has
 * drain + (lease − drain) × (n − i)/n left [INF], so none starts out draining.
 */
export function createInitialFleet(ctx: SimContext): void {
  const { fleet: { workers, leaseMs }, platform: { drainBeforeLeaseEndMs: drain } } = ctx.state.scenario;
  for (let i = 0; i < workers; i++) {
    const leaseEnd = drain + ((leaseMs - drain) * (workers - i)) / workers;
    addWorker(ctx, leaseEnd - leaseMs, leaseEnd);
  }
}

/** Reserves the next microVM-creation slot on `w`: when the boot starts and when it completes. */
function bootSlot(ctx: SimContext, w: Worker, fromMs: number): { startMs: number; readyMs: number } {
  const s = ctx.state;
  const startMs = Math.max(fromMs, w.nextBootSlotMs);
  w.nextBootSlotMs = startMs + 1000 / s.scenario.platform.microvmCreationsPerSec;
  return { startMs, readyMs: startMs + draw(s.platformSample.microvmBootMs, s.streams[s.rng.microvm]) };
}

/**
 * A microVM for a new execution environment, at `atMs` (after placement). Returns when it is
 * ready: at once from the pool, or — when the pool is empty — after waiting for a creation
 * slot (`bootStartMs`) and booting.
 */
export function takeMicroVm(ctx: SimContext, w: Worker, atMs: number): { readyMs: number; bootStartMs: number; fromPool: boolean } {
  const size = ctx.state.scenario.fleet.prebootedPoolSize;
  if (w.pool > 0) {
    w.pool--;
    while (w.pool + w.booting < size) {
      w.booting++;
      ctx.schedule(bootSlot(ctx, w, ctx.state.nowMs).readyMs, { type: 'microvm.booted', worker: w.id });
    }
    return { readyMs: atMs, bootStartMs: NaN, fromPool: true };
  }
  const slot = bootSlot(ctx, w, atMs);
  return { readyMs: slot.readyMs, bootStartMs: slot.startMs, fromPool: false };
}

export function onMicroVmBooted(ctx: SimContext, workerId: number): void {
  const w = ctx.state.workers.get(workerId);
  if (!w) return;
  w.booting--;
  if (w.state !== 'Active') return;
  w.pool++;
  ctx.record(LOG.MICROVM_BOOTED, w.id, w.pool, 0);
}

/** A draining worker with nothing left on it ends its lease early. */
export function terminateIfEmpty(ctx: SimContext, w: Worker): void {
  if (w.state === 'Draining' && w.environments === 0) terminateWorker(ctx, w);
}

export function terminateWorker(ctx: SimContext, w: Worker): void {
  w.state = 'Terminated';
  ctx.state.workers.delete(w.id);
  ctx.record(LOG.WORKER_TERMINATED, w.id, 0, 0);
}
