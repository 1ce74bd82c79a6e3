import type { CompiledDist } from '../engine/distributions';
import type { RateBucketState } from './simState';
import type { CostMeter } from '../cost/meter';
import type { FunctionConfig, RoutingPolicy } from '../scenario/types';
import type { ReclaimCause } from './records';

/**
 * The data plane's view of one function (lambda-facts.md §7): its control-plane state,
 * the concurrency it holds, its scaling bucket, its aliases and its versions. Environments
 * belong to a version, never to the function as a whole. Plain data, part of SimState.
 */
export interface FunctionRuntime {
  index: number;
  name: string;
  /** The owning account (index into scenario.accounts). */
  account: number;
  /** `$LATEST`'s configuration, which also carries the function-wide settings (reserved concurrency, async). Frozen: replaced, never changed. */
  cfg: FunctionConfig;
  state: 'Pending' | 'Active' | 'Deleted';
  lastUpdateStatus: 'Successful' | 'InProgress' | 'Failed';
  /** qualifier ('$LATEST', '1', '2', …) → index into SimState.versions */
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
  /** Request-rate quota: 10 × its concurrency limit per second (services/requestRate.ts). */
  rate: RateBucketState;
  /** Live environments per worker (worker id → count): where Placement keeps it sticky. */
  placedOn: Map<number, number>;
  /** Tenant isolation: live tenant-dedicated environments (≤ 2,500 per 1,000 concurrency [DOC]). */
  tenantEnvs: number;
  /** What the function has used, for its bill (cost/meter.ts). */
  cost: CostMeter;
  /** Random streams, as indexes into SimState.streams. */
  rng: { alias: number };
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
  /** Frozen: replaced on update, never changed. */
  cfg: FunctionConfig;
  revision: number;
  /** Time of the last successful code or configuration update, for "why was this cold?" */
  updatedAtMs: number;
  idle: IdlePoolState;
  /** Tenant isolation: idle environments per tenant (tenant index → pool), instead of `idle`. */
  tenantIdle: Map<number, IdlePoolState>;
  /** Idle provisioned-concurrency environments: served first, never reclaimed by keep-alive. */
  provisionedIdle: IdlePoolState;
  initializing: number;
  busy: number;
  live: number;
  placedEver: number;
  lastReclaim: { env: number; atMs: number; idleSinceMs: number; cause: ReclaimCause } | null;
  /** Provisioned concurrency: requested, live environments, and the config's status. */
  provisioned: { requested: number; live: number; status: 'IN_PROGRESS' | 'READY' | 'FAILED' | null };
  /** Request-rate quota of a version with provisioned concurrency: 10 × PC per second [DOC limits]. */
  rate: RateBucketState;
  /** Billing of provisioned concurrency and SnapStart's cache (cost/meter.ts): since when, and what was closed. */
  billing: { pcSinceMs: number; pcMb: number; pcGbSeconds: number; cacheSinceMs: number; cacheGbSeconds: number };
  /** SnapStart: environments resume from a snapshot (Restore) instead of running Init. */
  snapStart: boolean;
  /** A SnapStart version is not invocable until its snapshot is taken. */
  pending: boolean;
  /** The configuration's distributions, compiled (frozen data, derived from `cfg`). */
  sample: VersionSamples;
  runtimeBootstrapMs: number;
  /** How many times longer its CPU-bound work takes at its memory (services/cpuShare.ts). */
  cpuFactor: number;
  /** Random streams, as indexes into SimState.streams. */
  rng: { duration: number; error: number; init: number; keepAlive: number; routing: number };
}

export type VersionSamples = Readonly<{ durationMs: CompiledDist; initMs: CompiledDist; keepAliveMs: CompiledDist }>;

/** The idle environments of a version, by routing policy (services/idlePool.ts). */
export interface IdlePoolState {
  policy: RoutingPolicy;
  /** Environment ids: a stack (mru), a binary heap on id (newest / oldest), or an array (random). */
  ids: number[];
  /** Each entry's stamp at insertion (mru, newest, oldest). */
  stamps: number[];
  size: number;
}
