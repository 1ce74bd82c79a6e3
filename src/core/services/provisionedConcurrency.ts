import type { SimContext } from '../context';
import type { VersionRuntime } from '../model/functionRuntime';
import { checkConcurrency, lease, release } from './counting';
import { placeEnvironment } from './placement';

/**
 * Provisioned concurrency (lambda-facts.md §2.8): N environments of a published version,
 * initialized when allocated (not when a request comes), never reclaimed for idleness but
 * recycled every few hours, replaced when lost. Their concurrency is taken from the
 * function's pool when each is created and given back when it terminates. Requests use them
 * first and spill over to on-demand environments when all are busy. Lowering the
 * configuration retires the surplus (provisionedAllocation.ts).
 */

/**
 * Places environments until the version has as many as requested, or FAILED when the
 * function's concurrency runs out. Returns false in that case.
 */
export function growProvisioned(ctx: SimContext, v: VersionRuntime): boolean {
  const s = ctx.state;
  const fn = s.functions[v.fn];
  while (v.provisioned.live < v.provisioned.requested) {
    if (checkConcurrency(s, fn)) {
      // Not enough concurrency left for another provisioned environment.
      v.provisioned.status = 'FAILED';
      return false;
    }
    v.provisioned.live++;
    lease(s, fn);
    placeEnvironment(ctx, fn, v, null, true);
  }
  return true;
}

/** A provisioned environment finished its Init: the config is READY once all are. */
export function onProvisionedEnvironmentReady(ctx: SimContext, v: VersionRuntime): void {
  updateProvisionedStatus(ctx, v);
}

/** A provisioned environment terminated (recycled, retired or lost): release and replace it. */
export function onProvisionedEnvironmentGone(ctx: SimContext, v: VersionRuntime): void {
  const s = ctx.state;
  v.provisioned.live--;
  release(s, s.functions[v.fn]);
  if (v.provisioned.live < v.provisioned.requested) {
    if (s.functions[v.fn].state === 'Deleted') return;
    if (growProvisioned(ctx, v)) updateProvisionedStatus(ctx, v);
  } else {
    updateProvisionedStatus(ctx, v);
  }
}

export function updateProvisionedStatus(ctx: SimContext, v: VersionRuntime): void {
  if (v.provisioned.requested === 0) {
    v.provisioned.status = null;
    return;
  }
  let ready = 0;
  for (const e of ctx.state.environments.values()) {
    if (e.ver === v.id && e.provisioned && !e.retiring && (e.state === 'Idle' || e.state === 'Invoking' || e.state === 'Reset' || e.state === 'InitRetry')) ready++;
  }
  if (ready >= v.provisioned.requested) v.provisioned.status = 'READY';
  else if (v.provisioned.status !== 'READY' && v.provisioned.status !== 'FAILED') v.provisioned.status = 'IN_PROGRESS';
}
