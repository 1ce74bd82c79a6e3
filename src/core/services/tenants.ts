import { pow } from '../engine/fmath';
import { uniform } from '../engine/random';
import type { FunctionRuntime, IdlePoolState, VersionRuntime } from '../model/functionRuntime';
import type { Environment } from '../model/records';
import type { SimState } from '../model/simState';
import type { TenantSpec } from '../scenario/types';
import { concurrencyLimitOf } from './counting';
import { createIdlePool } from './idlePool';

/**
 * Tenant isolation mode (`PER_TENANT`, 2025) [DOC tenant-isolation]: a function's execution
 * environments are dedicated to one tenant id each. A request carries its tenant id; Lambda
 * first looks for an idle environment of that tenant, else creates one for it. A request
 * without a tenant id to such a function — or with one to any other — is rejected (400
 * InvalidParameterValueException). At most 2,500 tenant environments (active or idle) may
 * exist per 1,000 concurrency of the function; beyond that, 429 "Rate exceeded".
 */
export const TENANT_ENVIRONMENTS_PER_CONCURRENCY = 2.5;

/** The tenant's index (names are interned in SimState.tenants; 0 = none). */
export function tenantIndex(s: SimState, name: string): number {
  let i = s.tenants.index.get(name);
  if (i === undefined) {
    i = s.tenants.names.push(name) - 1;
    s.tenants.index.set(name, i);
  }
  return i;
}

/** The tenant a workload request carries: its fixed id, or one of `count` (Zipf-distributed, exponent `zipf`). */
export function drawTenant(s: SimState, spec: TenantSpec): number {
  if ('id' in spec) return tenantIndex(s, spec.id);
  const u = uniform(s.streams[s.rng.tenants]);
  return tenantIndex(s, `tenant-${zipfRank(u, spec.count, spec.zipf)}`);
}

/** The rank (1..n) at quantile u of a Zipf distribution with exponent a (a = 0: uniform), by inverting its CDF. */
export function zipfRank(u: number, n: number, a: number): number {
  if (a === 0) return 1 + Math.floor(u * n);
  let total = 0;
  for (let k = 1; k <= n; k++) total += pow(k, -a);
  let acc = 0;
  const target = u * total;
  for (let k = 1; k <= n; k++) {
    acc += pow(k, -a);
    if (acc > target) return k;
  }
  return n;
}

/** Where an idle environment of `v` waits: provisioned, its tenant's pool, or the version's pool. */
export function idlePoolOf(v: VersionRuntime, env: Pick<Environment, 'provisioned' | 'tenant'>): IdlePoolState {
  if (env.provisioned) return v.provisionedIdle;
  if (env.tenant === 0) return v.idle;
  let p = v.tenantIdle.get(env.tenant);
  if (!p) {
    p = createIdlePool(v.cfg.routing);
    v.tenantIdle.set(env.tenant, p);
  }
  return p;
}

/** Whether another tenant environment would exceed 2,500 per 1,000 of the function's concurrency. */
export function tenantEnvironmentsFull(s: SimState, fn: FunctionRuntime): number | null {
  const limit = Math.floor(TENANT_ENVIRONMENTS_PER_CONCURRENCY * concurrencyLimitOf(s, fn));
  return fn.tenantEnvs >= limit ? limit : null;
}

/** Idle environments a version holds, across its pools. */
export function idleCount(v: VersionRuntime): number {
  let n = v.idle.size + v.provisionedIdle.size;
  for (const p of v.tenantIdle.values()) n += p.size;
  return n;
}
