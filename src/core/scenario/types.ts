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
  /** Tenant ids the requests carry (tenant isolation, scenario/parseScale.ts): none, one, or `count` drawn per request. */
  tenants?: TenantSpec | null;
}

/** The tenant id a workload's requests carry: a fixed one, or one of `count` drawn per request (Zipf exponent `zipf`; 0 = uniform). */
export type TenantSpec = { id: string } | { count: number; zipf: number };

/** The instruction-set architecture a function runs on (AWS `Architectures`): prices differ (cost/pricing.ts). */
export type Architecture = 'x86_64' | 'arm64';

/** A customer account (CONTRACTS.md §1 `accounts`): its own concurrency quota and scaling; every account shares the fleet. */
export interface AccountConfig {
  id: string;
  concurrencyLimit: number;
  unreservedMinimum: number;
  scaling: { environments: number; perMs: number };
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
  /** x86_64 (default) or arm64 (Graviton): its price and a small Init difference (lambda-perf). */
  architecture: Architecture;
  /**
   * Share of handler and function-init time that is CPU-bound (0–1): that part runs 1,769 / memoryMb
   * times longer below one vCPU (services/cpuShare.ts). `durationMs` and `initMs` are times at one vCPU or more.
   */
  cpuBoundFraction: number;
  /** The account that owns the function (an id from `accounts`; the one account without them). */
  account: string;
  /** Tenant isolation (2025): `PER_TENANT` dedicates execution environments to a tenant id; null: off. */
  tenantIsolationMode: 'PER_TENANT' | null;
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
  /** Lifetime after which an on-demand environment is recycled, even if invoked continuously: "every few hours" [DOC]; 2–6 h [INF]. */
  environmentRecycleMs: Dist;
  /** Make-before-break (proactive initialization): replace an environment before its worker's lease ends or its recycle [DOC]. */
  proactiveReplacement: boolean;
  /** The virtual machine monitor: Firecracker (Lambda's) or a general-purpose one (QEMU-like), for comparison (services/vmm.ts). */
  vmm: 'firecracker' | 'qemu';
  /** Host memory one microVM costs beyond its guest memory: Firecracker ~3 MB, QEMU ~140 MB [OBS nsdi2020-data]. */
  vmmOverheadMb: number;
  /** Environments of one function Placement puts on one worker before it spreads to others (correlated load apart) [INF]. */
  placementPerWorkerLimit: number;
  /** Placement avoids workers whose lease ends sooner than this, when others have room [INF]. */
  placementMinLeaseLeftMs: number;
  /** Most pollers the async poller fleet grows to; null: as many as the accounts' concurrency (no cap below it) [INF]. */
  maxPollers: number | null;
  /** Queue depth from which Lambda lengthens retry intervals and reads more slowly ("many entries" [DOC]) [INF]. */
  asyncBacklogThreshold: number;
  /** SnapStart snapshot creations an account may run at once before PublishVersion gets 429 ConcurrentSnapshotCreateLimitExceeded [INF]. */
  concurrentSnapshotCreations: number;
}

/** What the run's cost is computed with (cost/pricing.ts): the AWS free tier is off unless asked for. */
export interface CostConfig {
  region: 'us-east-1';
  freeTier: boolean;
}

export interface Scenario {
  seed: number;
  durationMs: number;
  /** The first (or only) account: `accounts[0]`. */
  account: AccountConfig;
  /** Every account sharing the fleet (one, `default`, when the scenario has no `accounts`). */
  accounts: AccountConfig[];
  cost: CostConfig;
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
