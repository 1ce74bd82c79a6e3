import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import { loseEnvironment, retireEnvironment } from './environmentLifecycle';
import { addWorker, terminateIfEmpty, terminateWorker } from './fleet';
import { replaceEnvironment } from './replacement';

/**
 * The end of a worker's lease (lambda-facts.md §5): near the end it drains — no new
 * placements — and a replacement worker joins the fleet at once. Its environments are
 * replaced make-before-break (replacement.ts): each keeps serving until its replacement,
 * initialized proactively on a worker with lease left, is ready. Without proactive
 * replacement (or where none can be made) idle environments shut down gracefully and busy
 * ones finish first. At the end of the lease whatever still runs is terminated.
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
    if (env.worker !== w.id) continue;
    if (!replaceEnvironment(ctx, env, 'lease')) retireEnvironment(ctx, env, 'worker-lease');
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
