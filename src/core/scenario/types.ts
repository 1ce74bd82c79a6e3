import type { Dist } from '../engine/distributions';

/**
 * A scenario as the core runs it: CONTRACTS.md §1 with every default filled in by
 * `parseScenario`. Times are ms, sizes MB unless the name says otherwise.
 */
export type InvokeMode = 'RequestResponse' | 'Event' | 'DryRun';
export type RoutingPolicy = 'mru' | 'newest' | 'oldest' | 'random';

export type Arrival =
  | { process: 'poisson'; ratePerSec: number }
  | { process: 'constant'; ratePerSec: number }
  | { process: 'burst'; count: number; atMs: number }
  | { process: 'ramp'; fromPerSec: number; toPerSec: number; overMs: number }
  | { process: 'diurnal'; meanPerSec: number; amplitude: number; periodMs: number }
  | { process: 'trace'; timesMs: number[] };

export interface WorkloadEntry {
  function: string;
  mode: InvokeMode;
  arrival: Arrival;
  startMs: number;
  endMs: number; // Infinity when open-ended
  client: { maxAttempts: number };
  payloadBytes: number;
}

export interface AsyncConfig {
  maximumRetryAttempts: number;
  maximumEventAgeMs: number;
  onFailure: 'dlq' | 'destination' | 'none';
}

export interface FunctionConfig {
  name: string;
  runtime: string;
  memoryMb: number;
  timeoutMs: number;
  package: { type: 'zip' | 'image'; sizeMb: number };
  durationMs: Dist;
  initMs: Dist | null; // null: the runtime preset
  keepAliveMs: Dist;
  routing: RoutingPolicy;
  errorRate: number;
  reservedConcurrency: number | null;
  provisionedConcurrency: number;
  extensions: number; // external extensions (0–10); each adds extension-init time
  async: AsyncConfig;
}

/**
 * Platform timings AWS does not publish (lambda-facts.md §3, tagged [INF] or [ENG]
 * "typically < x"). Every one is editable; the UI labels them as estimates.
 */
export interface PlatformConfig {
  warmOverheadMs: Dist;        // Frontend + Counting + Assignment + hop to worker + response
  placementMs: Dist;           // Placement picks a worker: "typically < 20 ms" [ENG]
  microvmBootMs: Dist;         // Firecracker boot when the pre-booted pool is empty: ≤125 ms [ENG]
  microvmCreationsPerSec: number; // per worker: ≤150 [ENG]
  imageFetchMs: Dist;          // container image: lazy loading, ~flat [INF]
  extensionInitMs: Dist;       // per external extension [INF]
  shutdownMs: Dist;            // Shutdown phase without external extensions [INF]
  initLimitMs: number;         // 10 s for on-demand Init [DOC]
  drainBeforeLeaseEndMs: number; // a worker stops taking placements this long before its lease ends [INF]
}

export interface Scenario {
  seed: number;
  durationMs: number;
  account: {
    concurrencyLimit: number;
    unreservedMinimum: number;
    scaling: { environments: number; perMs: number };
  };
  fleet: { workers: number; workerMemoryMb: number; leaseMs: number; prebootedPoolSize: number };
  platform: PlatformConfig;
  functions: FunctionConfig[];
  workload: WorkloadEntry[];
}
