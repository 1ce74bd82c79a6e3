import { LOG } from '../logCodes';
import type { Worker } from '../model/records';
import type { Simulation } from '../simulation';
import { retireEnvironment, loseEnvironment } from './environmentLifecycle';

/**
 * The worker fleet and each worker's MicroManager (lambda-facts.md §1.1, §5):
 * - a worker has a memory capacity, a pre-booted microVM pool, and a lease of at most 14 h;
 * - taking a microVM from the pool costs nothing on the cold-start path; the MicroManager
 *   then boots a replacement (~125 ms), at most `microvmCreationsPerSec` creations per worker;
 * - near the end of the lease the worker drains: no new placements, idle environments shut
 *   down gracefully, busy ones finish first; a replacement worker joins the fleet at once.
 */
export function addWorker(sim: Simulation, startedAtMs: number, leaseEndMs: number): Worker {
  const { fleet, platform } = sim.scenario;
  const w: Worker = {
    id: sim.nextWorkerId++,
    state: 'Active',
    memoryMb: fleet.workerMemoryMb,
    usedMb: 0,
    pool: fleet.prebootedPoolSize, // a worker joins the fleet with its pool already booted
    booting: 0,
    nextBootSlotMs: sim.nowMs,
    startedAtMs,
    leaseEndMs,
    environments: 0,
    perFunction: new Map(),
  };
  sim.workers.set(w.id, w);
  sim.peakWorkers = Math.max(sim.peakWorkers, sim.workers.size);
  sim.log.record(sim.nowMs, LOG.WORKER_ADDED, w.id, 0, 0);
  sim.schedule(Math.max(sim.nowMs, leaseEndMs - platform.drainBeforeLeaseEndMs), { type: 'worker.drain', worker: w.id });
  sim.schedule(Math.max(sim.nowMs, leaseEndMs), { type: 'worker.lease-end', worker: w.id });
  return w;
}

/**
 * The initial fleet. Real workers have different ages, so their leases end at different
 * times: worker i of n starts with (n − i)/n of a full lease left [INF].
 */
export function createInitialFleet(sim: Simulation): void {
  const { workers, leaseMs } = sim.scenario.fleet;
  for (let i = 0; i < workers; i++) {
    const leaseEnd = (leaseMs * (workers - i)) / workers;
    addWorker(sim, leaseEnd - leaseMs, leaseEnd);
  }
}

/** Reserves the next microVM-creation slot on `w`: when the boot starts and when it completes. */
function bootSlot(sim: Simulation, w: Worker, fromMs: number): { startMs: number; readyMs: number } {
  const startMs = Math.max(fromMs, w.nextBootSlotMs);
  w.nextBootSlotMs = startMs + 1000 / sim.scenario.platform.microvmCreationsPerSec;
  return { startMs, readyMs: startMs + sim.platformSample.microvmBootMs(sim.rng.microvm) };
}

/**
 * A microVM for a new execution environment, at `atMs` (after placement). Returns when it is
 * ready: at once from the pool, or — when the pool is empty — after waiting for a creation
 * slot (`bootStartMs`) and booting.
 */
export function takeMicroVm(sim: Simulation, w: Worker, atMs: number): { readyMs: number; bootStartMs: number; fromPool: boolean } {
  const size = sim.scenario.fleet.prebootedPoolSize;
  if (w.pool > 0) {
    w.pool--;
    refillPool(sim, w, size);
    return { readyMs: atMs, bootStartMs: NaN, fromPool: true };
  }
  const slot = bootSlot(sim, w, atMs);
  return { readyMs: slot.readyMs, bootStartMs: slot.startMs, fromPool: false };
}

function refillPool(sim: Simulation, w: Worker, size: number): void {
  while (w.pool + w.booting < size) {
    w.booting++;
    sim.schedule(bootSlot(sim, w, sim.nowMs).readyMs, { type: 'microvm.booted', worker: w.id });
  }
}

export function onMicroVmBooted(sim: Simulation, workerId: number): void {
  const w = sim.workers.get(workerId);
  if (!w) return;
  w.booting--;
  if (w.state !== 'Active') return;
  w.pool++;
  sim.log.record(sim.nowMs, LOG.MICROVM_BOOTED, w.id, w.pool, 0);
}

export function onWorkerDrain(sim: Simulation, workerId: number): void {
  const w = sim.workers.get(workerId);
  if (!w || w.state !== 'Active') return;
  w.state = 'Draining';
  w.pool = 0;
  sim.workersDrained++;
  sim.log.record(sim.nowMs, LOG.WORKER_DRAINING, w.id, 0, 0);
  addWorker(sim, sim.nowMs, sim.nowMs + sim.scenario.fleet.leaseMs);
  for (const env of [...sim.environments.values()]) {
    if (env.worker === w.id) retireEnvironment(sim, env, 'worker-lease');
  }
  terminateIfEmpty(sim, w);
}

export function onWorkerLeaseEnd(sim: Simulation, workerId: number): void {
  const w = sim.workers.get(workerId);
  if (!w || w.state === 'Terminated') return;
  for (const env of [...sim.environments.values()]) {
    if (env.worker === w.id) loseEnvironment(sim, env, 'worker-lease');
  }
  terminateWorker(sim, w);
}

export function terminateIfEmpty(sim: Simulation, w: Worker): void {
  if (w.state === 'Draining' && w.environments === 0) terminateWorker(sim, w);
}

function terminateWorker(sim: Simulation, w: Worker): void {
  w.state = 'Terminated';
  sim.workers.delete(w.id);
  sim.log.record(sim.nowMs, LOG.WORKER_TERMINATED, w.id, 0, 0);
}
