import type { CompiledDist } from '../engine/distributions';
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
  /** Idle provisioned-concurrency environments: served first, never reclaimed by keep-alive. */
  provisionedIdle: IdlePoolState;
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
  /** The configuration's distributions, compiled (frozen data, derived from `cfg`). */
  sample: VersionSamples;
  runtimeBootstrapMs: number;
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
