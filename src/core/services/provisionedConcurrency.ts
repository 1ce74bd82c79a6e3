import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment } from '../model/records';
import type { Simulation } from '../simulation';
import { placeEnvironment } from './frontend';
import { retireEnvironment } from './environmentLifecycle';

/**
 * Provisioned concurrency (lambda-facts.md §2.8): N environments of a published version,
 * initialized when allocated (not when a request comes), never reclaimed for idleness but
 * recycled every few hours, replaced when lost. Their concurrency is taken from the
 * function's pool when each is created and given back when it terminates. Requests use them
 * first and spill over to on-demand environments when all are busy.
 */
export function allocateProvisioned(sim: Simulation, v: VersionRuntime): void {
  const fn = sim.functions[v.fn];
  if (fn.state === 'Deleted') return;
  while (v.provisioned.live < v.provisioned.requested) {
    if (sim.counting.check(fn)) {
      // Not enough concurrency left for another provisioned environment.
      v.provisioned.status = 'FAILED';
      return;
    }
    v.provisioned.live++;
    sim.counting.lease(fn);
    placeEnvironment(sim, fn, v, null, true);
  }
  if (v.provisioned.live > v.provisioned.requested) {
    // Fewer wanted: retire the surplus, idle ones first.
    let surplus = v.provisioned.live - v.provisioned.requested;
    const mine = [...sim.environments.values()].filter((e) => e.ver === v.id && e.provisioned && !e.retiring);
    mine.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    for (const env of mine) {
      if (surplus-- <= 0) break;
      retireEnvironment(sim, env, 'provisioned-removed');
    }
  }
  updateStatus(sim, v);
}

const rank = (e: Environment) => (e.state === 'Idle' || e.state === 'Reset' ? 0 : 1);

/** A provisioned environment finished its Init: the config is READY once all are. */
export function onProvisionedEnvironmentReady(sim: Simulation, v: VersionRuntime): void {
  updateStatus(sim, v);
}

/** A provisioned environment terminated (recycled, retired or lost): release and replace it. */
export function onProvisionedEnvironmentGone(sim: Simulation, v: VersionRuntime, env: Environment): void {
  void env;
  v.provisioned.live--;
  sim.counting.release(sim.functions[v.fn]);
  if (v.provisioned.live < v.provisioned.requested) allocateProvisioned(sim, v);
  else updateStatus(sim, v);
}

function updateStatus(sim: Simulation, v: VersionRuntime): void {
  if (v.provisioned.requested === 0) {
    v.provisioned.status = null;
    return;
  }
  let ready = 0;
  for (const e of sim.environments.values()) {
    if (e.ver === v.id && e.provisioned && !e.retiring && (e.state === 'Idle' || e.state === 'Invoking' || e.state === 'Reset' || e.state === 'InitRetry')) ready++;
  }
  if (ready >= v.provisioned.requested) v.provisioned.status = 'READY';
  else if (v.provisioned.status !== 'READY' && v.provisioned.status !== 'FAILED') v.provisioned.status = 'IN_PROGRESS';
}
