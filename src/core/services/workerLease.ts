import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import { loseEnvironment, retireEnvironment } from './environmentLifecycle';
import { addWorker, terminateIfEmpty, terminateWorker } from './fleet';

/**
 * The end of a worker's lease (lambda-facts.md §5): near the end it drains — no new
 * placements, idle environments shut down gracefully, busy ones finish first — and a
 * replacement worker joins the fleet at once; at the end whatever still runs is terminated.
 */
export function onWorkerDrain(ctx: SimContext, workerId: number): void {
  const s = ctx.state;
  const w = s.workers.get(workerId);
  if (!w || w.state !== 'Active') return;
  w.state = 'Draining';
  w.pool = 0;
  s.workersDrained++;
  ctx.record(LOG.WORKER_DRAINING, w.id, 0, 0);
  addWorker(ctx, s.nowMs, s.nowMs + s.scenario.fleet.leaseMs);
  for (const env of [...s.environments.values()]) {
    if (env.worker === w.id) retireEnvironment(ctx, env, 'worker-lease');
  }
  terminateIfEmpty(ctx, w);
}

export function onWorkerLeaseEnd(ctx: SimContext, workerId: number): void {
  const s = ctx.state;
  const w = s.workers.get(workerId);
  if (!w || w.state === 'Terminated') return;
  for (const env of [...s.environments.values()]) {
    if (env.worker === w.id) loseEnvironment(ctx, env, 'worker-lease');
  }
  terminateWorker(ctx, w);
}
