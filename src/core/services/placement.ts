import type { FunctionRuntime } from '../model/functionRuntime';
import type { Worker } from '../model/records';
import type { Simulation } from '../simulation';
import { addWorker } from './fleet';

/**
 * The Placement service picks a worker for a new execution environment (lambda-facts.md
 * §1.1): it keeps load even and spreads correlated workloads apart, so environments of the
 * same function go to the active worker hosting the fewest of them, then the one with the
 * most free memory, then the lowest id (a total order, for determinism). When no active
 * worker has room, the fleet grows by one worker.
 */
export function chooseWorker(sim: Simulation, fn: FunctionRuntime, memoryMb: number): Worker {
  const need = memoryMb;
  let best: Worker | undefined;
  let bestCount = Infinity;
  let bestFree = -1;
  for (const w of sim.workers.values()) {
    if (w.state !== 'Active') continue;
    const free = w.memoryMb - w.usedMb;
    if (free < need) continue;
    const count = w.perFunction.get(fn.index) ?? 0;
    if (count < bestCount || (count === bestCount && free > bestFree)) {
      best = w;
      bestCount = count;
      bestFree = free;
    }
  }
  return best ?? addWorker(sim, sim.nowMs, sim.nowMs + sim.scenario.fleet.leaseMs);
}
