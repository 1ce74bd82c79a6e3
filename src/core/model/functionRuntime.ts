import { sampler, type Sampler } from '../engine/distributions';
import type { RandomStream, RandomStreams } from '../engine/random';
import { presetInitDist, runtimeBootstrapMs } from '../scenario/runtimes';
import type { FunctionConfig } from '../scenario/types';
import { createIdlePool, type IdlePool } from '../services/idlePool';
import type { Environment, ReclaimCause } from './records';

/**
 * The data plane's view of one function (lambda-facts.md §7): its control-plane state,
 * the concurrency it holds, its scaling bucket, its aliases and its versions. Environments
 * belong to a version, never to the function as a whole.
 */
export interface FunctionRuntime {
  index: number;
  name: string;
  /** `$LATEST`'s configuration, which also carries the function-wide settings (reserved concurrency, async). */
  cfg: FunctionConfig;
  state: 'Pending' | 'Active' | 'Deleted';
  lastUpdateStatus: 'Successful' | 'InProgress' | 'Failed';
  /** qualifier ('$LATEST', '1', '2', …) → index into Simulation.versions */
  versions: Map<string, number>;
  nextVersion: number;
  aliases: Map<string, { version: string; weights: Record<string, number> }>;
  /** Concurrency units held: requests being served (with their cold starts) and provisioned environments. */
  inUse: number;
  /** Units held above a reservation that was lowered while they ran; they drain as released. */
  carried: number;
  /** Scaling-rate token bucket: new environments allowed now (continuous refill, capped). */
  bucketTokens: number;
  bucketAtMs: number;
  rng: { alias: RandomStream };
  stats: { invocations: number; coldStarts: number; throttled: number };
}

/**
 * One version of a function: `$LATEST` (mutable: an update bumps its `revision` and reaps
 * older environments) or a published version (immutable snapshot). Idle environments, their
 * routing, their timing distributions and random streams live here.
 */
export interface VersionRuntime {
  id: number;
  fn: number;
  qualifier: string;
  cfg: FunctionConfig;
  revision: number;
  /** Time of the last successful code or configuration update, for "why was this cold?" */
  updatedAtMs: number;
  idle: IdlePool<Environment>;
  /** Idle provisioned-concurrency environments: served first, never reclaimed by keep-alive. */
  provisionedIdle: IdlePool<Environment>;
  initializing: number;
  busy: number;
  live: number;
  placedEver: number;
  lastReclaim: { env: number; atMs: number; idleSinceMs: number; cause: ReclaimCause } | null;
  /** Provisioned concurrency: requested, live environments, and the config's status. */
  provisioned: { requested: number; live: number; status: 'IN_PROGRESS' | 'READY' | 'FAILED' | null };
  /** SnapStart: environments resume from a snapshot (Restore) instead of running Init. */
  snapStart: boolean;
  /** A SnapStart version is not invocable until its snapshot is taken. */
  pending: boolean;
  sample: { durationMs: Sampler; initMs: Sampler; keepAliveMs: Sampler };
  runtimeBootstrapMs: number;
  rng: { duration: RandomStream; error: RandomStream; init: RandomStream; keepAlive: RandomStream; routing: RandomStream };
}

export function createFunctionRuntime(index: number, cfg: FunctionConfig, streams: RandomStreams, bucketCapacity: number, nowMs: number): FunctionRuntime {
  return {
    index,
    name: cfg.name,
    cfg,
    state: 'Active',
    lastUpdateStatus: 'Successful',
    versions: new Map(),
    nextVersion: 1,
    aliases: new Map(),
    inUse: 0,
    carried: 0,
    bucketTokens: bucketCapacity,
    bucketAtMs: nowMs,
    rng: { alias: streams.get(`function:${cfg.name}:alias`) },
    stats: { invocations: 0, coldStarts: 0, throttled: 0 },
  };
}

export function createVersionRuntime(id: number, fn: FunctionRuntime, qualifier: string, cfg: FunctionConfig, streams: RandomStreams): VersionRuntime {
  const s = (concern: string) => streams.get(`function:${fn.name}:${qualifier}:${concern}`);
  const v: VersionRuntime = {
    id,
    fn: fn.index,
    qualifier,
    cfg,
    revision: 1,
    updatedAtMs: NaN,
    idle: createIdlePool<Environment>(cfg.routing),
    provisionedIdle: createIdlePool<Environment>('mru'),
    initializing: 0,
    busy: 0,
    live: 0,
    placedEver: 0,
    lastReclaim: null,
    provisioned: { requested: 0, live: 0, status: null },
    snapStart: qualifier !== '$LATEST' && cfg.snapStart,
    pending: false,
    sample: samplersFor(cfg),
    runtimeBootstrapMs: runtimeBootstrapMs(cfg.runtime, cfg.package.type),
    rng: { duration: s('duration'), error: s('error'), init: s('init'), keepAlive: s('keep-alive'), routing: s('routing') },
  };
  return v;
}

export function samplersFor(cfg: FunctionConfig): VersionRuntime['sample'] {
  return {
    durationMs: sampler(cfg.durationMs),
    initMs: sampler(cfg.initMs ?? presetInitDist(cfg.runtime, cfg.package.type)),
    keepAliveMs: sampler(cfg.keepAliveMs),
  };
}

/** Applies a new configuration to `$LATEST` (after an update completes). */
export function reconfigure(v: VersionRuntime, cfg: FunctionConfig): void {
  // Called after the old revision's idle environments were retired, so the pool is empty.
  if (cfg.routing !== v.cfg.routing) v.idle = createIdlePool<Environment>(cfg.routing);
  v.cfg = cfg;
  v.sample = samplersFor(cfg);
  v.runtimeBootstrapMs = runtimeBootstrapMs(cfg.runtime, cfg.package.type);
}
