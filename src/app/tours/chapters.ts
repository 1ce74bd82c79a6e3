import type { Chapter } from './types';

const fn = (extra: object = {}) => ({ name: 'hello', runtime: 'nodejs20.x', memoryMb: 512, extensions: 1, durationMs: { dist: 'constant', value: 80 }, ...extra });

/** The chapters (issue: "Teaching, slides and sharing"; the seventh, on isolation, from issue #10). */
export const CHAPTERS: Chapter[] = [
  {
    id: 'sync-invoke', title: '1. Anatomy of a synchronous invoke', minutes: 3,
    scenario: { name: 'tour-sync', seed: 1, durationMs: 60_000, functions: [fn()], workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [1000] } }] },
    steps: [
      { atMs: 0, title: 'A function with no environment', view: 'architecture',
        text: 'hello (Node.js 20, 512 MB, one extension) has never run: no execution environment exists. At t = 1 s a client calls Invoke with X-Amz-Invocation-Type: RequestResponse and waits for the answer.',
        predict: { question: 'How long will this first request take, end to end?', unit: 'ms', checkAtMs: 5000, tolerance: 0.35, answer: (s) => s.summary.latencyMs.all.max } },
      { atMs: 1002, title: 'Frontend Invoke, then Counting', view: 'architecture',
        text: 'The request reaches the Frontend Invoke service, which authenticates it and loads the function’s configuration, then asks the Counting service for a unit of concurrency. Counting’s budget is under 1.5 ms (AWS engineers, re:Invent). The per-hop split shown here is an estimate: AWS publishes only these bounds.' },
      { atMs: 1010, title: 'Assignment finds nothing: Placement', view: 'architecture',
        text: 'The Assignment service looks for an idle environment of this exact version. There is none, so Placement chooses a worker — typically in under 20 ms (Firecracker paper, NSDI’20). The worker’s MicroManager hands over a microVM from its pool of pre-booted Firecracker VMs; booting one would take about 125 ms.' },
      { atMs: 1050, title: 'Init: extension, runtime, function', view: 'timeline',
        text: 'The code is in place (zip download ≈ 5 + 2 ms per MB: an estimate). Init runs: the extension registers, the Node.js runtime bootstraps, then the function’s code outside the handler runs. Init is limited to 10 s; hello-world Node.js inits take ~140 ms (lambda-perf).' },
      { atMs: 1200, title: 'Invoke, response, freeze', view: 'timeline',
        text: 'The Frontend sends the payload straight to the worker. The handler runs for 80 ms; the response goes back to the caller (HTTP 200). When the runtime and the extension call Next again, the environment is frozen: idle, holding memory, using no CPU. Click the row to read why it was cold.' },
      { atMs: 1300, title: 'Idle and waiting', view: 'fleet',
        text: 'The environment now sits idle on its worker. The next request to this version can reuse it — warm — as long as Lambda keeps it.' },
    ],
  },
  {
    id: 'cold-vs-warm', title: '2. Cold versus warm, and keep-alive', minutes: 4,
    scenario: { name: 'tour-cold-warm', seed: 42, durationMs: 1_200_000, functions: [fn({ keepAliveMs: { dist: 'constant', value: 600_000 } })], workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [1000, 6000, 900_000] } }] },
    steps: [
      { atMs: 0, title: 'Three requests', view: 'timeline',
        text: 'Requests arrive at 1 s, 6 s and 15 min. The idle keep-alive here is 10 minutes — an estimate: AWS publishes no idle timeout; people have observed from ~5 to 60 minutes, ~10 minutes since 2019.',
        predict: { question: 'How many of the three requests will be cold starts?', unit: 'cold starts', checkAtMs: 1_000_000, tolerance: 0, answer: (s) => s.summary.coldStarts } },
      { atMs: 1500, title: 'The first is cold', view: 'timeline',
        text: 'No environment existed: placement, microVM, code download and Init all sit on the request’s path.' },
      { atMs: 6200, title: 'The second is warm', view: 'timeline',
        text: 'Five seconds later Assignment finds the idle environment and thaws it: only the platform hops and the handler remain. Compare the two rows side by side — same function, same code.' },
      { atMs: 610_000, title: 'Keep-alive expires', view: 'log',
        text: 'Ten minutes after its last request the environment is reclaimed: Shutdown, then gone. Lambda may also recycle environments every few hours, and a worker’s 14 h lease bounds them all.' },
      { atMs: 900_500, title: 'Cold again', view: 'timeline',
        text: 'The third request finds nothing idle. Its explanation names the environment that was reclaimed, and when.' },
    ],
  },
  {
    id: 'async', title: '3. Event invocations: queue, pollers, retries, DLQ', minutes: 4,
    scenario: { name: 'tour-async', seed: 3, durationMs: 600_000, functions: [fn({ errorRate: 1, async: { maximumRetryAttempts: 2, onFailure: 'dlq' } })], workload: [{ function: 'hello', mode: 'Event', arrival: { process: 'trace', timesMs: [1000] } }] },
    steps: [
      { atMs: 0, title: 'A failing function, invoked asynchronously', view: 'architecture',
        text: 'This function always throws. At t = 1 s a client invokes it with X-Amz-Invocation-Type: Event.',
        predict: { question: 'How many times will the function run before the event goes to the dead-letter queue?', unit: 'attempts', checkAtMs: 400_000, tolerance: 0, answer: (s) => s.summary.invocations.total } },
      { atMs: 1001, title: '202 and the internal queue', view: 'architecture',
        text: 'The Frontend validates the request (≤ 1 MB), writes the event to Lambda’s internal SQS queue and answers 202 at once. The caller never sees the function’s result.' },
      { atMs: 1100, title: 'A poller invokes it', view: 'timeline',
        text: 'A poller reads the event in a batch and invokes the function through the same synchronous path a client would use. The function errors.' },
      { atMs: 62_000, title: 'First retry, about a minute later', view: 'timeline',
        text: 'On a function error Lambda retries up to 2 times (configurable 0–2): about 1 minute before the first retry, 2 minutes before the second. Throttles and service errors are retried differently: exponential backoff from 1 s up to 5 minutes, until the maximum event age (6 h by default).' },
      { atMs: 182_500, title: 'Second retry, two minutes after that', view: 'timeline',
        text: 'The third and last attempt fails too.' },
      { atMs: 183_500, title: 'Dead-letter queue', view: 'charts',
        text: 'With its retries used up the event goes to the on-failure destination or DLQ; with neither configured it would be dropped. Delivery is at least once: occasionally an event is delivered twice.' },
    ],
  },
  {
    id: 'scaling', title: '4. Scaling and throttling', minutes: 3,
    scenario: {
      name: 'tour-scaling', seed: 7, durationMs: 60_000, account: { concurrencyLimit: 5000 },
      functions: [{ name: 'api', runtime: 'python3.13', memoryMb: 256, timeoutMs: 10_000, durationMs: { dist: 'lognormal', median: 2000, sigma: 0.2 } }],
      workload: [
        { function: 'api', arrival: { process: 'burst', count: 3000, atMs: 1000 } },
        { function: 'api', arrival: { process: 'burst', count: 3000, atMs: 11_000 } },
        { function: 'api', arrival: { process: 'burst', count: 200, atMs: 31_000 } },
      ],
      controlPlane: [{ atMs: 25_000, action: 'PutFunctionConcurrency', function: 'api', reservedConcurrency: 50 }],
    },
    steps: [
      { atMs: 0, title: 'A burst against a cold function', view: 'charts',
        text: 'At t = 1 s, 3,000 requests arrive at once. Each function may add at most 1,000 execution environments every 10 seconds, refilled continuously, and unused capacity is not banked (since Nov 2023).',
        predict: { question: 'How many of the 3,000 requests will be throttled (429)?', unit: 'requests', checkAtMs: 5000, tolerance: 0.05, answer: (s) => s.summary.invocations.throttled } },
      { atMs: 1100, title: '429 TooManyRequestsException', view: 'architecture',
        text: 'About 1,000 requests get new environments; the others are rejected with 429. AWS does not document which Reason a scaling-rate throttle carries; this simulator uses FunctionInvocationRateLimitExceeded. Lambda never retries a synchronous request itself: the caller (or its SDK) must.' },
      { atMs: 11_500, title: 'Ten seconds later', view: 'charts',
        text: 'The first environments are idle again and the bucket has refilled: of the second burst, ~1,000 run warm, ~1,000 start new environments, the rest are throttled.' },
      { atMs: 31_500, title: 'Reserved concurrency: a ceiling', view: 'charts',
        text: 'At 25 s PutFunctionConcurrency set reserved concurrency to 50. It is both a floor (other functions cannot use it) and a ceiling: of 200 requests, 50 run, the rest get 429 ReservedFunctionConcurrentInvocationLimitExceeded. Reserved concurrency 0 throttles everything.' },
    ],
  },
  {
    id: 'workers', title: '5. Workers, microVMs, leases and failures', minutes: 4,
    scenario: {
      name: 'tour-workers', seed: 5, durationMs: 3_600_000,
      fleet: { workers: 2, leaseMs: 3_600_000, prebootedPoolSize: 2 },
      functions: [fn({ keepAliveMs: { dist: 'constant', value: 3_600_000 }, durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 })],
      workload: [{ function: 'hello', arrival: { process: 'burst', count: 10, atMs: 1000 } }, { function: 'hello', arrival: { process: 'constant', ratePerSec: 0.05 }, startMs: 5000 }],
      faults: [{ type: 'worker-failure', atMs: 30_000, worker: 1 }],
    },
    steps: [
      { atMs: 0, title: 'Two workers, small pools', view: 'fleet',
        text: 'Workers are bare-metal Nitro instances. Each worker’s MicroManager keeps a small pool of pre-booted Firecracker microVMs (here 2) so a cold start needn’t wait for a boot.',
        predict: { question: 'A burst of 10 requests arrives. How many execution environments will exist once it is placed?', unit: 'environments', checkAtMs: 2000, tolerance: 0, answer: (s) => s.environments.length } },
      { atMs: 1002, title: 'Placement: sticky, then spread', view: 'fleet',
        text: 'Placement keeps a function’s environments on few workers (cache locality, Firecracker paper) but moves on when a worker’s pool is empty or holds many of them (correlated load is kept apart), preferring workers with more lease left. Here both pools empty: the remaining microVMs must boot (~125 ms each, at most ~150 per second per worker).' },
      { atMs: 30_001, title: 'A worker fails', view: 'fleet',
        text: 'worker-1 vanishes with every environment on it. Requests running there get a 5xx service error; async events would go back to the queue. A replacement worker joins the fleet.' },
      { atMs: 1_200_001, title: 'Lease ending: draining', view: 'fleet',
        text: 'A worker’s lease is at most 14 h (1 h in this scenario). Near its end it takes no new placements and a replacement worker joins; each of its environments is replaced make-before-break — a proactive Init on a worker with lease left — and retires only when its replacement is ready, so no request pays for the drain. How long before the end draining starts is not published (10 minutes here: an estimate).' },
    ],
  },
  {
    id: 'provisioned', title: '6. Provisioned concurrency and SnapStart', minutes: 3,
    scenario: {
      name: 'tour-pc', seed: 8, durationMs: 600_000,
      platform: { snapStartPublishMs: 20_000 },
      functions: [
        { name: 'ondemand', runtime: 'java21', memoryMb: 2048, initMs: { dist: 'constant', value: 2500 }, durationMs: { dist: 'constant', value: 50 } },
        { name: 'provisioned', runtime: 'java21', memoryMb: 2048, initMs: { dist: 'constant', value: 2500 }, durationMs: { dist: 'constant', value: 50 }, provisionedConcurrency: 2 },
        { name: 'snap', runtime: 'java21', memoryMb: 2048, snapStart: true, initMs: { dist: 'constant', value: 2500 }, durationMs: { dist: 'constant', value: 50 } },
      ],
      controlPlane: [{ atMs: 0, action: 'PublishVersion', function: 'snap' }],
      workload: [
        { function: 'ondemand', arrival: { process: 'trace', timesMs: [90_000] } },
        { function: 'provisioned:live', arrival: { process: 'trace', timesMs: [90_000] } },
        { function: 'snap:1', arrival: { process: 'trace', timesMs: [90_000] } },
      ],
    },
    steps: [
      { atMs: 0, title: 'Three ways to start a Java function', view: 'fleet',
        text: 'Three copies of a Java function with a 2.5 s Init: on demand; with provisioned concurrency 2 on alias live; and with SnapStart on version 1. Each gets one request at t = 90 s.',
        predict: { question: 'How many of the three first requests will be cold starts (a new environment on the request’s path)?', unit: 'cold starts', checkAtMs: 100_000, tolerance: 0, answer: (s) => s.summary.coldStarts } },
      { atMs: 30_000, title: 'Provisioned environments initialize ahead of time', view: 'fleet',
        text: 'Provisioned concurrency runs Init when environments are allocated, not when requests come, and again every few hours as they are recycled; that Init is billed. It is for published versions and aliases only, never $LATEST. SnapStart, meanwhile, ran Init once at PublishVersion and took a Firecracker snapshot.' },
      { atMs: 93_000, title: 'Compare the three', view: 'timeline',
        text: 'The provisioned request is warm. The on-demand one pays the full Init in latency — and, since 1 August 2025, in duration billed as well: Init is billed for on-demand environments too (see “What this run costs”). The SnapStart one restores the snapshot instead (hundreds of ms for a hello-world Java; the gain is large when Init is heavy). When all provisioned environments are busy, extra requests spill over to on-demand cold starts.' },
    ],
  },
];

CHAPTERS.push({
  id: 'isolation', title: '7. Many customers on one fleet: isolation', minutes: 4,
  scenario: {
    name: 'tour-isolation', seed: 11, durationMs: 120_000,
    accounts: [{ id: 'acme', concurrencyLimit: 100 }, { id: 'globex', concurrencyLimit: 20, unreservedMinimum: 5 }],
    fleet: { workers: 1, prebootedPoolSize: 6 },
    functions: [
      { name: 'render', account: 'acme', runtime: 'nodejs20.x', memoryMb: 512, durationMs: { dist: 'constant', value: 300 }, tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } },
      { name: 'mailer', account: 'globex', runtime: 'python3.13', memoryMb: 256, timeoutMs: 5000, durationMs: { dist: 'constant', value: 1500 } },
    ],
    workload: [
      { function: 'render', tenantId: 'blue', arrival: { process: 'trace', timesMs: [1000, 20_000, 40_000] } },
      { function: 'render', tenantId: 'green', arrival: { process: 'trace', timesMs: [5000] } },
      { function: 'render', tenantId: 'red', arrival: { process: 'trace', timesMs: [9000] } },
      { function: 'mailer', arrival: { process: 'poisson', ratePerSec: 1 } },
      { function: 'mailer', arrival: { process: 'burst', count: 40, atMs: 60_000 } },
    ],
  },
  steps: [
    { atMs: 0, title: 'Two customers, one fleet', view: 'fleet',
      text: 'Two AWS accounts, acme and globex, each with its own concurrency quota (100 and 20 here), run functions on the same worker. That is the point of Firecracker: many customers’ code on one bare-metal host, each behind a VM boundary. The fleet outlines each microVM in its account’s colour.',
      predict: { question: 'acme’s render function isolates tenants. Requests come from three tenants (blue, green, red), spaced out. How many execution environments will render have at t = 30 s?', unit: 'environments', checkAtMs: 30_000, tolerance: 0, answer: (s) => s.environments.filter((e) => e.function === 'render').length } },
    { atMs: 10_000, title: 'Side by side, never shared', view: 'fleet',
      text: 'acme’s and globex’s environments sit on the same worker, but each in its own Firecracker microVM: one process per VM, jailed (chroot, namespaces, seccomp), its memory scrubbed before reuse. A microVM belongs to one account and is never shared; an environment serves one function version, for its whole life.' },
    { atMs: 20_500, title: 'Tenant isolation mode', view: 'timeline',
      text: 'With tenant isolation (PER_TENANT, 2025) every request carries a tenant id (X-Amz-Tenant-Id). Lambda reuses only an environment of that tenant: blue’s second request is warm on blue’s environment, while green and red each got their own, though blue’s sat idle. A request without a tenant id is rejected (400). It cannot be combined with SnapStart, provisioned concurrency, function URLs or most event sources, and at most 2,500 tenant environments may exist per 1,000 concurrency.' },
    { atMs: 61_000, title: 'Quotas are per account', view: 'charts',
      text: 'At 60 s globex sends a burst of 40 against its 20 units of concurrency: about half get 429 ConcurrentInvocationLimitExceeded. acme is not touched — Counting keeps each account’s concurrency apart, though their microVMs share workers.' },
    { atMs: 90_000, title: 'Why Firecracker', view: 'fleet',
      text: 'A general-purpose VMM (QEMU) costs ~131–148 MB of host memory per VM and boots in ~244 ms (serial p50, nsdi2020-data); Firecracker ≤ 5 MiB (~3 MB measured) and ~125 ms. On a 192 GB worker that is ~1,500 rather than ~730 VMs of 128 MB, and bursts absorbed by pre-booted pools refill twice as fast. Load this scenario with platform.vmm = "qemu" to compare.' },
  ],
});

export function chapterById(id: string): Chapter | undefined {
  return CHAPTERS.find((c) => c.id === id);
}
