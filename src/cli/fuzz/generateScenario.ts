import fc from 'fast-check';

/**
 * Random valid scenarios (raw JSON, within LIMITS), biased toward the edges where bugs
 * live: tiny keep-alives, reserved concurrency 0, leases near their drain, timeouts that are
 * hit, Init that fails or overruns, SnapStart, provisioned concurrency, aliases, Event mode
 * with retries, maximum age and a DLQ, zero platform latencies, and faults. Sizes stay small
 * so that a case costs milliseconds: the fuzzer's strength is the number of cases.
 */
export const FUNCTION_NAMES = ['hello', 'b', 'fn_2', 'F'.repeat(64)];

/** An integer from min to max, with the given edge values drawn often. */
export const edgy = (min: number, max: number, edges: number[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: 2 }, { arbitrary: fc.integer({ min, max }), weight: 3 });

const rate = (max: number) => fc.oneof(fc.constantFrom(0.01, 0.5, 1, max), fc.double({ min: 0.01, max, noNaN: true }));

/** A duration distribution in ms, at most `maxMs`. */
export const dist = (maxMs: number) => fc.oneof(
  { weight: 3, arbitrary: edgy(0, maxMs, [0, 1, maxMs]).map((value) => ({ dist: 'constant', value })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: maxMs }).map((mean) => ({ dist: 'exponential', mean })) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: maxMs }), fc.constantFrom(0, 0.3, 1, 2)).map(([median, sigma]) => ({ dist: 'lognormal', median, sigma })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: maxMs }), fc.integer({ min: 0, max: maxMs })).map(([a, b]) => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: maxMs }), { minLength: 1, maxLength: 4 }).map((values) => ({ dist: 'empirical', values })) },
);

const SNAPSTART = new Set(['java21', 'python3.12']);

const functionArb = fc.record({
  runtime: fc.constantFrom('nodejs20.x', 'python3.12', 'java21', 'provided.al2023'),
  memoryMb: edgy(128, 10240, [128, 10240]),
  timeoutS: edgy(1, 900, [1, 2, 3]),
  pkg: fc.constantFrom({ type: 'zip', sizeMb: 0 }, { type: 'zip', sizeMb: 250 }, { type: 'image', sizeMb: 900 }, undefined),
  durationMs: dist(5000),
  initMs: fc.option(fc.oneof(dist(2000), fc.constant({ dist: 'constant', value: 12_000 })), { nil: undefined }),
  keepAliveMs: fc.oneof(dist(120_000), fc.constantFrom({ dist: 'constant', value: 0 }, { dist: 'constant', value: 1 })),
  routing: fc.constantFrom('mru', 'newest', 'oldest', 'random'),
  errorRate: fc.constantFrom(0, 0, 0.1, 0.5, 1),
  reserved: fc.oneof(fc.constant(null), fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 50 })),
  provisioned: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  snapStart: fc.boolean(),
  extensions: fc.integer({ min: 0, max: 2 }),
  // Lambda at scale (issue #10): architecture, CPU share, tenant isolation.
  architecture: fc.constantFrom('x86_64', 'arm64'),
  cpuBoundFraction: fc.constantFrom(0, 0.25, 1),
  tenant: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  async: fc.record({
    maximumRetryAttempts: fc.integer({ min: 0, max: 2 }),
    maximumEventAgeMs: edgy(60_000, 21_600_000, [60_000]),
    onFailure: fc.constantFrom('dlq', 'destination', 'none'),
    onSuccess: fc.constantFrom('destination', 'none'),
  }),
});

type Fn = typeof functionArb extends fc.Arbitrary<infer T> ? T : never;

/** Scenario JSON for one function, with the cross-field rules repaired (see parseFunction). */
export function functionJson(name: string, f: Fn, reservable: number, reservedLeft: { n: number }): Record<string, unknown> {
  let reserved = f.reserved === null ? null : Math.min(f.reserved, reservedLeft.n);
  let provisioned = Math.min(f.provisioned, reservable);
  if (reserved !== null && provisioned > reserved) provisioned = reserved;
  const setAside = Math.max(reserved ?? 0, provisioned);
  if (setAside > reservedLeft.n) { reserved = null; provisioned = 0; }
  reservedLeft.n -= Math.max(reserved ?? 0, provisioned);
  const snapStart = f.snapStart && SNAPSTART.has(f.runtime) && provisioned === 0;
  const tenant = f.tenant && !snapStart && provisioned === 0; // tenant isolation allows neither
  return {
    name, runtime: f.runtime, memoryMb: f.memoryMb, timeoutMs: f.timeoutS * 1000,
    ...(f.pkg ? { package: f.pkg } : {}), durationMs: f.durationMs, ...(f.initMs ? { initMs: f.initMs } : {}),
    keepAliveMs: f.keepAliveMs, routing: f.routing, errorRate: f.errorRate, reservedConcurrency: reserved,
    provisionedConcurrency: provisioned, snapStart, extensions: f.extensions, async: f.async,
    architecture: f.architecture, cpuBoundFraction: f.cpuBoundFraction, ...(tenant ? { tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } } : {}),
  };
}

const accountArb = fc.record({
  concurrencyLimit: edgy(1, 3000, [1, 2, 10, 100, 1000]),
  unreservedShare: fc.constantFrom(0, 0.1, 0.5, 1),
  scaling: fc.record({ environments: edgy(1, 1000, [1, 5, 1000]), perMs: edgy(1, 60_000, [1, 10_000]) }),
});

const platformArb = fc.record({
  drainShare: fc.constantFrom(0, 0.01, 0.2, 0.5),
  pollers: fc.integer({ min: 1, max: 10 }),
  pollerBatchSize: fc.integer({ min: 1, max: 10 }),
  duplicateProbability: fc.constantFrom(0, 0.01, 0.5, 1),
  initLimitMs: edgy(1000, 10_000, [1000, 10_000]),
  zeroLatency: fc.boolean(),
  provisionedAllocationDelayMs: edgy(0, 60_000, [0]),
  provisionedRecycleMs: edgy(60_000, 14_400_000, [60_000]),
  createFunctionMs: edgy(0, 3000, [0]),
  updateFunctionMs: edgy(0, 5000, [0]),
  snapStartPublishMs: edgy(0, 10_000, [0]),
  microvmCreationsPerSec: edgy(1, 150, [1, 150]),
  vmm: fc.constantFrom('firecracker', 'firecracker', 'qemu'),
  proactiveReplacement: fc.boolean(),
  placementPerWorkerLimit: edgy(1, 32, [1, 16]),
  recycleMs: edgy(1, 3_600_000, [1, 60_000]),
  maxPollers: fc.option(edgy(1, 50, [1]), { nil: undefined }),
  asyncBacklogThreshold: edgy(1, 10_000, [1, 10_000]),
});

export const scenarioShapeArb = fc.record({
  seed: fc.nat(),
  durationMs: edgy(1000, 300_000, [1000, 60_000]),
  account: accountArb,
  twoAccounts: fc.boolean(),
  freeTier: fc.boolean(),
  fleet: fc.record({ workers: fc.integer({ min: 1, max: 6 }), workerMemoryMb: edgy(10_240, 200_000, [10_240]), leaseMs: edgy(3_600_000, 50_400_000, [3_600_000]), prebootedPoolSize: fc.integer({ min: 0, max: 8 }) }),
  platform: platformArb,
  functions: fc.array(functionArb, { minLength: 1, maxLength: FUNCTION_NAMES.length }),
  workload: fc.array(fc.record({ fn: fc.nat(), qualifier: fc.constantFrom('', '', '', ':live', ':1', ':nope'), mode: fc.constantFrom('RequestResponse', 'RequestResponse', 'Event', 'DryRun'), arrival: fc.nat(), a: fc.double({ min: 0, max: 1, noNaN: true }), r: rate(20), n: edgy(1, 2000, [1, 1000]), window: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }), attempts: fc.integer({ min: 1, max: 3 }), queue: fc.boolean(), payload: fc.constantFrom(undefined, 0, 1_048_577, 6_291_457) }), { maxLength: 3 }),
  controlPlane: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 3 }),
  faults: fc.array(fc.tuple(fc.constantFrom('worker-failure', 'invoke-outage', 'slow-pollers', 'init-failure'), fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }),
  /** Event sources (one scenario in three) and calls on their mappings: numbers for eventSourceJson / eventSourceCallJson. */
  eventSources: fc.oneof(
    { weight: 2, arbitrary: fc.constant([] as [number, number[]][]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), fc.array(fc.nat({ max: 1_000_000 }), { minLength: 16, maxLength: 16 })), { minLength: 1, maxLength: 2 }) },
  ),
  eventSourceCalls: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.array(fc.nat({ max: 1_000_000 }), { minLength: 16, maxLength: 16 })), { maxLength: 2 }),
});

export type ScenarioShape = typeof scenarioShapeArb extends fc.Arbitrary<infer T> ? T : never;
