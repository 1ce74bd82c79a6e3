import type { SimContext } from '../context';
import { uniformInt } from '../engine/random';
import { deepFreeze } from '../engine/plainCopy';
import { LOG } from '../logCodes';
import type { Fault } from '../scenario/faultTypes';
import { WORKER_LOSSES_KEPT, type WorkerLoss } from '../model/simState';
import { addWorker } from './fleet';
import { loseEnvironment } from './environmentLifecycle';

/**
 * Injected faults: from the scenario (scheduled at start) or live from the page; every one is
 * recorded in `SimState.faults.history`, and its start and end are events. What an active
 * fault does to each service is in faultQueries.ts.
 */

/** Registers a fault and schedules its start (and end). Returns its index. */
export function addFault(ctx: SimContext, fault: Fault): number {
  const s = ctx.state;
  const index = s.faults.history.length;
  s.faults.history.push(deepFreeze({ ...fault, index }, 'fault'));
  const start = fault.type === 'worker-failure' ? fault.atMs : fault.fromMs;
  ctx.schedule(Math.max(s.nowMs, start), { type: 'fault.start', index });
  if (fault.type !== 'worker-failure') ctx.schedule(Math.max(s.nowMs, fault.toMs), { type: 'fault.end', index });
  return index;
}

export function onFaultStart(ctx: SimContext, index: number): void {
  const faults = ctx.state.faults;
  const f = faults.history[index];
  faults.active.add(index);
  if (f.type === 'invoke-outage') faults.outages++;
  let subject = 0;
  if (f.type === 'worker-failure') {
    const loss = failWorker(ctx, f.worker);
    subject = loss?.worker ?? 0;
    // The views show a failed worker as failed (not just gone): the latest few, bounded.
    if (loss) faults.losses = [...faults.losses, loss].slice(-WORKER_LOSSES_KEPT);
    faults.active.delete(index);
  }
  ctx.record(LOG.FAULT, index, 1, subject);
}

export function onFaultEnd(ctx: SimContext, index: number): void {
  const faults = ctx.state.faults;
  if (faults.active.delete(index) && faults.history[index].type === 'invoke-outage') faults.outages--;
  ctx.record(LOG.FAULT, index, 0, 0);
}

/**
 * A worker fails: every environment on it vanishes (in-flight requests get a service error;
 * async events return to the queue through the 5xx path), and a replacement joins the fleet.
 * 'any' picks one of the active workers with the seeded fault stream. Returns what it took
 * down (null: no such worker).
 */
function failWorker(ctx: SimContext, which: 'any' | number): WorkerLoss | null {
  const s = ctx.state;
  const active = [...s.workers.values()].filter((w) => w.state !== 'Terminated');
  const w = which === 'any' ? active[uniformInt(s.streams[s.rng.faults], Math.max(1, active.length))] : s.workers.get(which);
  if (!w) return null;
  const loss: WorkerLoss = { worker: w.id, atMs: s.nowMs, environments: w.environments, memoryMb: w.memoryMb };
  // Terminated first: replacements of its provisioned environments must not be placed on it.
  w.state = 'Terminated';
  for (const env of [...s.environments.values()]) {
    if (env.worker === w.id) loseEnvironment(ctx, env, 'worker-lost');
  }
  s.workers.delete(w.id);
  s.workersFailed++;
  if (s.workers.size < s.scenario.fleet.workers) addWorker(ctx, s.nowMs, s.nowMs + s.scenario.fleet.leaseMs);
  return loss;
}
