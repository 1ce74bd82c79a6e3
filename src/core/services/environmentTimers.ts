import type { SimContext } from '../context';
import type { EnvironmentSignal } from '../events';
import type { Environment } from '../model/records';

/**
 * Schedules an environment's next lifecycle step; any step scheduled earlier for it becomes
 * stale (its epoch no longer matches), so nothing is ever removed from the event list.
 */
export function advanceLater(ctx: SimContext, env: Environment, atMs: number, signal: EnvironmentSignal): void {
  env.epoch++;
  ctx.schedule(atMs, { type: 'environment.advance', env: env.id, epoch: env.epoch, signal });
}
