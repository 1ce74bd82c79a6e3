import type { SimContext } from '../context';
import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation } from '../model/records';
import { transition } from './environmentLifecycle';
import { poolTake } from './idlePool';
import { advanceInvocation } from './invocations';
import { startHandler } from './invokePhases';

/**
 * The Assignment service (lambda-facts.md §1.2): finds an idle execution environment of this
 * exact version — a provisioned one first (its concurrency is allocated already), else one
 * from the version's idle pool by its routing policy — and hands it the request: the warm
 * path. When it finds none, the Frontend asks Placement for a new one (a cold start).
 */
export function takeProvisioned(ctx: SimContext, v: VersionRuntime): Environment | undefined {
  if (v.provisionedIdle.size === 0) return undefined;
  return poolTake(ctx.state, v.provisionedIdle, ctx.state.streams[v.rng.routing]) as Environment | undefined;
}

/** An idle environment of `v` (of `tenant`'s own, with tenant isolation), by the version's routing policy. */
export function takeIdle(ctx: SimContext, v: VersionRuntime, tenant = 0): Environment | undefined {
  const pool = tenant === 0 ? v.idle : v.tenantIdle.get(tenant);
  if (!pool || pool.size === 0) return undefined;
  return poolTake(ctx.state, pool, ctx.state.streams[v.rng.routing]) as Environment | undefined;
}

/** The warm path: the environment thaws and the handler starts once the payload reaches the worker. */
export function runWarm(ctx: SimContext, v: VersionRuntime, env: Environment, inv: Invocation, toWorkerMs: number): Invocation {
  inv.env = env.id;
  inv.worker = env.worker;
  env.invocation = inv.id;
  advanceInvocation(inv, 'WARM');
  const wasIdle = env.state === 'Idle';
  transition(ctx, env, 'ASSIGN');
  if (wasIdle) startHandler(ctx, env, v, inv, inv.assignedMs + toWorkerMs);
  return inv;
}
