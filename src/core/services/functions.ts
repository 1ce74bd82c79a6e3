import type { SimContext } from '../context';
import { compileDist } from '../engine/distributions';
import { deepFreeze } from '../engine/plainCopy';
import type { FunctionRuntime, VersionRuntime, VersionSamples } from '../model/functionRuntime';
import { createMeter } from '../cost/meter';
import { presetInitDist, runtimeBootstrapMs } from '../scenario/runtimes';
import { cpuSlowdown } from './cpuShare';
import { createRateBucket, rateLimits } from './requestRate';
import type { FunctionConfig } from '../scenario/types';
import { setReserved } from './counting';
import { createIdlePool } from './idlePool';

/**
 * A new function with its `$LATEST` version (the scenario's functions, or CreateFunction).
 * A name that was deleted and created again gets a new function: the old one's
 * environments drain under their own record.
 */
export function addFunction(ctx: SimContext, cfg: FunctionConfig, state: 'Pending' | 'Active'): FunctionRuntime {
  const s = ctx.state;
  const account = Math.max(0, s.scenario.accounts.findIndex((a) => a.id === cfg.account));
  const fn = createFunctionRuntime(s.functions.length, account, { ...cfg, reservedConcurrency: null }, (n) => ctx.stream(n), s.scenario.accounts[account].scaling.environments, s.nowMs);
  fn.state = state;
  s.functions.push(fn);
  if (cfg.reservedConcurrency !== null) setReserved(s, fn, cfg.reservedConcurrency);
  const v = addVersion(ctx, fn, '$LATEST', cfg);
  fn.rate = createRateBucket(rateLimits(s, fn, v).fn, s.nowMs);
  return fn;
}

export function addVersion(ctx: SimContext, fn: FunctionRuntime, qualifier: string, cfg: FunctionConfig): VersionRuntime {
  const s = ctx.state;
  const v = createVersionRuntime(s.versions.length, fn, qualifier, cfg, (n) => ctx.stream(n), s.nowMs);
  s.versions.push(v);
  fn.versions.set(qualifier, v.id);
  return v;
}

/** Creates (or finds) a named random stream and returns its index in SimState.streams. */
type StreamOf = (name: string) => number;

function createFunctionRuntime(index: number, account: number, cfg: FunctionConfig, stream: StreamOf, bucketCapacity: number, nowMs: number): FunctionRuntime {
  return {
    index,
    name: cfg.name,
    account,
    cfg: deepFreeze(cfg, 'config'),
    state: 'Active',
    lastUpdateStatus: 'Successful',
    versions: new Map(),
    nextVersion: 1,
    aliases: new Map(),
    inUse: 0,
    carried: 0,
    bucketTokens: bucketCapacity,
    bucketAtMs: nowMs,
    rate: createRateBucket(0, nowMs), // set once its limit is known (addFunction)
    placedOn: new Map(),
    tenantEnvs: 0,
    cost: createMeter(),
    rng: { alias: stream(`function:${cfg.name}:alias`) },
    stats: { invocations: 0, coldStarts: 0, throttled: 0 },
  };
}

function createVersionRuntime(id: number, fn: FunctionRuntime, qualifier: string, cfg: FunctionConfig, stream: StreamOf, nowMs: number): VersionRuntime {
  const s = (concern: string) => stream(`function:${fn.name}:${qualifier}:${concern}`);
  return {
    id,
    fn: fn.index,
    qualifier,
    cfg: deepFreeze(cfg, 'config'),
    revision: 1,
    updatedAtMs: NaN,
    idle: createIdlePool(cfg.routing),
    tenantIdle: new Map(),
    provisionedIdle: createIdlePool('mru'),
    initializing: 0,
    busy: 0,
    live: 0,
    placedEver: 0,
    lastReclaim: null,
    provisioned: { requested: 0, live: 0, status: null },
    rate: createRateBucket(0, nowMs),
    billing: { pcSinceMs: NaN, pcMb: 0, pcGbSeconds: 0, cacheSinceMs: NaN, cacheGbSeconds: 0 },
    snapStart: qualifier !== '$LATEST' && cfg.snapStart,
    pending: false,
    sample: samplesFor(cfg),
    runtimeBootstrapMs: runtimeBootstrapMs(cfg.runtime, cfg.package.type, cfg.architecture),
    cpuFactor: cpuSlowdown(cfg),
    rng: { duration: s('duration'), error: s('error'), init: s('init'), keepAlive: s('keep-alive'), routing: s('routing') },
  };
}

function samplesFor(cfg: FunctionConfig): VersionSamples {
  return deepFreeze({
    durationMs: compileDist(cfg.durationMs),
    initMs: compileDist(cfg.initMs ?? presetInitDist(cfg.runtime, cfg.package.type, cfg.architecture)),
    keepAliveMs: compileDist(cfg.keepAliveMs),
  });
}

/** Applies a new configuration to `$LATEST` (after an update completes). */
export function reconfigure(v: VersionRuntime, cfg: FunctionConfig): void {
  // Called after the old revision's idle environments were retired, so the pool is empty.
  if (cfg.routing !== v.cfg.routing) v.idle = createIdlePool(cfg.routing);
  v.cfg = deepFreeze(cfg, 'config');
  v.sample = samplesFor(cfg);
  v.runtimeBootstrapMs = runtimeBootstrapMs(cfg.runtime, cfg.package.type, cfg.architecture);
  v.cpuFactor = cpuSlowdown(cfg);
}
