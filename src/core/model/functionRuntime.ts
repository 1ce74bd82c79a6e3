import { sampler, type Sampler } from '../engine/distributions';
import type { RandomStream, RandomStreams } from '../engine/random';
import { presetInitDist, runtimeBootstrapMs } from '../scenario/runtimes';
import type { FunctionConfig } from '../scenario/types';
import { createIdlePool, type IdlePool } from '../services/idlePool';
import type { Environment, ReclaimCause } from './records';

/**
 * The data plane's live view of one function: its idle pool, the concurrency it holds, its
 * scaling bucket, and its own random streams (named per function and concern, so adding a
 * function or a draw elsewhere does not reshuffle this one's draws).
 */
export interface FunctionRuntime {
  index: number;
  cfg: FunctionConfig;
  version: string;
  idle: IdlePool<Environment>;
  /** Concurrency units held: requests being served, including their cold starts. */
  inUse: number;
  /** Live environments by role, for "why was this cold?" */
  initializing: number;
  busy: number;
  live: number;
  placedEver: number;
  /** Scaling-rate token bucket: new environments allowed now (continuous refill, capped). */
  bucketTokens: number;
  bucketAtMs: number;
  lastReclaim: { env: number; atMs: number; idleSinceMs: number; cause: ReclaimCause } | null;
  sample: { durationMs: Sampler; initMs: Sampler; keepAliveMs: Sampler };
  runtimeBootstrapMs: number;
  rng: { duration: RandomStream; error: RandomStream; init: RandomStream; keepAlive: RandomStream; routing: RandomStream };
  stats: { invocations: number; coldStarts: number; throttled: number };
}

export function createFunctionRuntime(index: number, cfg: FunctionConfig, streams: RandomStreams, bucketCapacity: number): FunctionRuntime {
  const s = (concern: string) => streams.get(`function:${cfg.name}:${concern}`);
  return {
    index,
    cfg,
    version: '$LATEST',
    idle: createIdlePool<Environment>(cfg.routing),
    inUse: 0,
    initializing: 0,
    busy: 0,
    live: 0,
    placedEver: 0,
    bucketTokens: bucketCapacity,
    bucketAtMs: 0,
    lastReclaim: null,
    sample: {
      durationMs: sampler(cfg.durationMs),
      initMs: sampler(cfg.initMs ?? presetInitDist(cfg.runtime, cfg.package.type)),
      keepAliveMs: sampler(cfg.keepAliveMs),
    },
    runtimeBootstrapMs: runtimeBootstrapMs(cfg.runtime, cfg.package.type),
    rng: { duration: s('duration'), error: s('error'), init: s('init'), keepAlive: s('keep-alive'), routing: s('routing') },
    stats: { invocations: 0, coldStarts: 0, throttled: 0 },
  };
}
