import type { Dist } from '../engine/distributions';
import type { EventSourceConfig } from '../eventSources/config';

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
  client: { maxAttempts: number; queueDuringOutage: boolean };
  payloadBytes: number;
}

export interface AsyncConfig {
  maximumRetryAttempts: number;
  maximumEventAgeMs: number;
  onFailure: 'dlq' | 'destination' | 'none';
  onSuccess: 'destination' | 'none';
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
  /** SnapStart for published versions (Java 11+, Python 3.12+, .NET 8+); not with provisioned concurrency. */
  snapStart: boolean;
  async: AsyncConfig;
  /** Recursive loop detection (PutFunctionRecursionConfig): Terminate (default) stops SQS → Lambda → SQS loops. */
  recursiveLoop: 'Terminate' | 'Allow';
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
  pollers: number;             // the async poller fleet's size [INF]
  pollerBatchSize: number;     // events per receive [INF]
  pollerLatencyMs: Dist;       // one receive from the internal queue [INF]
  duplicateProbability: number; // at-least-once delivery: chance a poller delivers an event twice [INF]
  snapStartRestoreMs: Dist;    // SnapStart Restore Duration, hello-world Java ~520–740 ms [OBS]
  snapStartPublishMs: number;  // PublishVersion with SnapStart: Init + snapshot before the version is usable [INF]
  createFunctionMs: number;    // CreateFunction: Pending → Active, "a few seconds" [INF]
  updateFunctionMs: number;    // UpdateFunctionCode/Configuration: InProgress → Successful [INF]
  provisionedAllocationDelayMs: number; // PC allocation starts "after a minute or two" [DOC]
  provisionedRecycleMs: number; // PC environments are re-initialized "every few hours" [DOC]; 4 h [INF]
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
  controlPlane: ControlPlaneCall[];
  faults: Fault[];
  /** Event source mappings: SQS queues and Kinesis / DynamoDB streams that invoke functions. */
  eventSources: EventSourceConfig[];
  /** A trace file replayed onto the functions (traces/replay.ts); set by the trace loader, never by scenario JSON. */
  trace?: TraceReplay;
}

import type { ControlPlaneCall, Fault } from './faultTypes';
import type { TraceReplay } from '../traces/replay';
