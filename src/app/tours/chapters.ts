import type { Chapter } from './types';
import { EVENT_SOURCE_CHAPTERS } from './eventSourceChapters';

// cpuBoundFraction 0: a tour's handler and Init take exactly the times its text gives, whatever
// the memory (the CPU share from memory is the cost chapter's and the scenarios' subject).
const fn = (extra: object = {}) => ({ name: 'hello', runtime: 'nodejs20.x', memoryMb: 512, extensions: 1, cpuBoundFraction: 0, durationMs: { dist: 'constant', value: 80 }, ...extra });

/**
 * The chapters (the event source ones in eventSourceChapters.ts; the ninth, on isolation, from issue #10). Each step is a window of its scenario's run; the times come from running
 * the scenario (chapters.test.ts runs each one and checks every window against the events
 * its text describes), so the picture and the words agree at every moment.
 */
export const CHAPTERS: Chapter[] = [
  {
    id: 'sync-invoke', title: '1. Anatomy of a synchronous invoke', minutes: 3,
    learn: 'Follow one request through Frontend, Counting, Assignment, Placement and a Firecracker microVM, and watch a cold start’s Init.',
    scenario: { name: 'tour-sync', description: 'One Node.js function that has never run; one synchronous request at t = 1 s.', seed: 1, durationMs: 60_000, functions: [fn()], workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [1000] } }] },
    steps: [
      { fromMs: 0, toMs: 999, seconds: 2, focus: ['clients', 'worker'], title: 'A function with no environment',
        text: 'hello (Node.js 20, 512 MB, one extension) has never run: no execution environment exists — the workers hold only empty, pre-booted microVMs (dashed). At t = 1 s a client calls Invoke with X-Amz-Invocation-Type: RequestResponse and waits for the answer.',
        predict: { question: 'How long will this first request take, end to end?', unit: 'ms', checkAtMs: 5000, tolerance: 0.35, answer: (s) => s.summary.latencyMs.all.max } },
      { fromMs: 999, toMs: 1003.2, seconds: 4, focus: ['clients', 'frontend', 'counting'], follow: 1, title: '[1] Frontend Invoke, [2] Counting',
        text: 'The request reaches the Frontend Invoke service, which authenticates it and loads the function’s configuration, then asks the Counting service for a unit of concurrency (watch the pool: 1 in use). Counting’s budget is under 1.5 ms (AWS engineers, re:Invent). The per-hop split shown is an estimate: AWS publishes only these bounds. This step plays 4 ms in 4 seconds.' },
      { fromMs: 1003.2, toMs: 1026.6, seconds: 5, focus: ['counting', 'assignment', 'placement', 'worker'], follow: 1, title: '[3] Assignment finds nothing: [4] Placement',
        text: 'The Assignment service looks for an idle environment of this exact version. There is none, so Placement chooses a worker — typically in under 20 ms (Firecracker paper, NSDI’20). The worker’s MicroManager hands over one of its pre-booted Firecracker microVMs (one dashed slot fills); booting one would take about 125 ms.' },
      { fromMs: 1026.6, toMs: 1193.3, seconds: 9, focus: ['worker', 'microvm'], follow: 1, title: 'The code, then Init: extension, runtime, function',
        text: 'The code reaches the worker (zip download ≈ 5 + 2 ms per MB: an estimate). Then Init, and the microVM changes colour with each part: the extension registers (yellow), the Node.js runtime bootstraps (orange), the function’s code outside the handler runs (red). Init is limited to 10 s; hello-world Node.js inits take ~140 ms (lambda-perf).' },
      { fromMs: 1193.3, toMs: 1276, seconds: 5, focus: ['microvm', 'worker', 'frontend', 'clients'], follow: 1, title: 'Invoke, response, freeze',
        text: 'Init is done, so the handler runs at once on this environment (green) for 80 ms. The response goes back through the Frontend to the caller: HTTP 200. When the runtime and the extension ask for the next event, the environment is frozen — idle (blue), holding its memory, using no CPU. Click the request to read why it was cold.' },
      { fromMs: 1276, toMs: 3000, seconds: 3, focus: ['assignment', 'worker', 'microvm'], title: 'Idle and waiting',
        text: 'The environment now sits idle on its worker, and Assignment lists it in the version’s idle pool. The next request to this version can reuse it — warm: no Placement, no Init — as long as Lambda keeps it. Meanwhile the MicroManager has booted a microVM to refill its pool.' },
    ],
  },
  {
    id: 'cold-vs-warm', title: '2. Cold versus warm, and keep-alive', minutes: 4,
    learn: 'See why the second request is warm, how an idle environment is reclaimed, and why the next one is cold again.',
    scenario: { name: 'tour-cold-warm', description: 'One Node.js function with a 10-minute keep-alive; requests at 1 s, 6 s and 15 min.', seed: 42, durationMs: 1_200_000, functions: [fn({ keepAliveMs: { dist: 'constant', value: 600_000 } })], workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [1000, 6000, 900_000] } }] },
    steps: [
      { fromMs: 0, toMs: 999, seconds: 2, focus: ['clients', 'worker'], title: 'Three requests',
        text: 'Requests will arrive at 1 s, 6 s and 15 min. The idle keep-alive here is 10 minutes — an estimate: AWS publishes no idle timeout; people have observed from ~5 to 60 minutes, ~10 minutes since 2019.',
        predict: { question: 'How many of the three requests will be cold starts?', unit: 'cold starts', checkAtMs: 1_000_000, tolerance: 0, answer: (s) => s.summary.coldStarts } },
      { fromMs: 999, toMs: 1290, seconds: 8, focus: ['frontend', 'counting', 'assignment', 'placement', 'worker', 'microvm'], follow: 1, title: 'The first is cold',
        text: 'No environment exists: Assignment finds nothing, so Placement, a microVM from the pool, the code download and Init all sit on the request’s path before its handler runs. About 280 ms end to end.' },
      { fromMs: 5990, toMs: 6090, seconds: 5, focus: ['frontend', 'counting', 'assignment', 'microvm'], follow: 2, title: 'The second is warm',
        text: 'Five seconds later Assignment finds the idle environment and thaws it: the payload goes from the Frontend straight to its microVM ([5]) and the handler runs at once. Only the platform hops and the handler remain — same function, same code, about 85 ms.' },
      { fromMs: 606_000, toMs: 607_400, seconds: 5, focus: ['worker', 'microvm', 'assignment'], title: 'Keep-alive expires',
        text: 'Ten minutes after its last request the idle environment is reclaimed: Shutdown (grey; the extension gets up to 2 s), then it is gone and its memory is free. Lambda may also recycle environments every few hours, and a worker’s 14 h lease bounds them all.' },
      { fromMs: 899_990, toMs: 900_280, seconds: 8, focus: ['assignment', 'placement', 'worker', 'microvm'], follow: 3, title: 'Cold again',
        text: 'The third request finds nothing idle, so it is a cold start again. Its explanation beside it names the environment that was reclaimed, and when.' },
    ],
  },
  {
    id: 'async', title: '3. Event invocations: queue, pollers, retries, DLQ', minutes: 4,
    learn: 'Watch an Event request answered 202 at once, wait in Lambda’s internal queue, fail, wait out its retries and land in the dead-letter queue.',
    scenario: { name: 'tour-async', description: 'A function that always throws, invoked once with InvocationType Event; 2 retries, then the DLQ.', seed: 3, durationMs: 600_000, functions: [fn({ errorRate: 1, async: { maximumRetryAttempts: 2, onFailure: 'dlq' } })], workload: [{ function: 'hello', mode: 'Event', arrival: { process: 'trace', timesMs: [1000] } }] },
    steps: [
      { fromMs: 0, toMs: 999, seconds: 2, focus: ['clients', 'queue', 'dlq'], title: 'A failing function, invoked asynchronously',
        text: 'This function always throws. At t = 1 s a client invokes it with X-Amz-Invocation-Type: Event.',
        predict: { question: 'How many times will the function run before the event goes to the dead-letter queue?', unit: 'attempts', checkAtMs: 400_000, tolerance: 0, answer: (s) => s.summary.invocations.total } },
      { fromMs: 999, toMs: 1014, seconds: 5, focus: ['clients', 'frontend', 'queue'], title: '[A] 202 and [B] the internal queue',
        text: 'The Frontend validates the request (≤ 1 MB), writes the event to Lambda’s internal queue and answers 202 Accepted at once. The caller never sees the function’s result. The event waits in the queue as a token.' },
      { fromMs: 1014, toMs: 1300, seconds: 10, focus: ['queue', 'pollers', 'frontend', 'counting', 'assignment', 'placement', 'worker', 'microvm'], follow: 1, title: '[C] A poller takes it, [D] invokes it',
        text: 'A poller takes the event in a batch and invokes the function through the same synchronous path a client would use — here a cold start. The function throws. The event goes back to the queue to wait for a retry (yellow, 1 attempt used).' },
      { fromMs: 1300, toMs: 61_300, seconds: 6, focus: ['queue'], title: 'About a minute before the first retry',
        text: 'On a function error Lambda retries up to 2 times (configurable 0–2): about 1 minute before the first retry, 2 minutes before the second. Throttles and service errors are retried differently: exponential backoff from 1 s up to 5 minutes, until the maximum event age (6 h by default). This step plays a minute in 6 seconds.' },
      { fromMs: 61_300, toMs: 61_410, seconds: 5, focus: ['queue', 'pollers', 'frontend', 'counting', 'assignment', 'microvm'], follow: 2, title: 'First retry: warm, and failing again',
        text: 'The event is visible again; a poller takes it and invokes the function. The environment from the first attempt is idle, so this attempt is warm. It throws again: 2 attempts used, and the next wait is about 2 minutes.' },
      { fromMs: 61_410, toMs: 181_410, seconds: 6, focus: ['queue'], title: 'Two minutes later',
        text: 'The event waits out its second retry delay in the queue.' },
      { fromMs: 181_410, toMs: 181_520, seconds: 6, focus: ['queue', 'pollers', 'microvm', 'dlq'], follow: 3, title: 'The last attempt, then [E] the DLQ',
        text: 'The third and last attempt fails too. With its retries used up the event goes to the on-failure destination or dead-letter queue; with neither configured it would be dropped. Delivery is at least once: occasionally an event is delivered twice.' },
    ],
  },
  {
    id: 'scaling', title: '4. Scaling and throttling', minutes: 3,
    learn: 'See a 3,000-request burst meet the scaling bucket: 1,000 new environments, 2,000 × 429, microVMs created as fast as workers allow, and reserved concurrency as a ceiling.',
    scenario: {
      name: 'tour-scaling', description: 'Bursts of 3,000 requests at 1 s and 11 s, reserved concurrency 50 from 25 s, then 200 requests at 31 s.', seed: 7, durationMs: 60_000, account: { concurrencyLimit: 5000 },
      functions: [{ name: 'api', runtime: 'python3.13', memoryMb: 256, cpuBoundFraction: 0, timeoutMs: 10_000, durationMs: { dist: 'lognormal', median: 2000, sigma: 0.2 } }],
      workload: [
        { function: 'api', arrival: { process: 'burst', count: 3000, atMs: 1000 } },
        { function: 'api', arrival: { process: 'burst', count: 3000, atMs: 11_000 } },
        { function: 'api', arrival: { process: 'burst', count: 200, atMs: 31_000 } },
      ],
      controlPlane: [{ atMs: 25_000, action: 'PutFunctionConcurrency', function: 'api', reservedConcurrency: 50 }],
    },
    steps: [
      { fromMs: 0, toMs: 999, seconds: 2, focus: ['clients', 'counting'], title: 'A burst against a cold function',
        text: 'At t = 1 s, 3,000 requests arrive at once. Each function may add at most 1,000 execution environments every 10 seconds — the scaling bucket in Counting — refilled continuously, and unused capacity is not banked (since Nov 2023).',
        predict: { question: 'How many of the 3,000 requests will be throttled (429)?', unit: 'requests', checkAtMs: 5000, tolerance: 0.05, answer: (s) => s.summary.invocations.throttled } },
      { fromMs: 999, toMs: 1012, seconds: 8, focus: ['clients', 'frontend', 'counting', 'assignment', 'placement'], title: '429 TooManyRequestsException',
        text: 'The burst reaches Counting. About 1,000 requests take a token from the scaling bucket and go on to Placement; the bucket is empty, so the other 2,000 are answered 429. AWS does not document which Reason a scaling-rate throttle carries; this simulator uses FunctionInvocationRateLimitExceeded. Lambda never retries a synchronous request itself: the caller (or its SDK) must.' },
      { fromMs: 1012, toMs: 3200, seconds: 9, focus: ['placement', 'worker', 'microvm'], title: 'A cell of many workers',
        text: 'Placement spreads the 1,000 new environments over a cell of many workers (200 here), each keeping a few pre-booted microVMs: a burst that Counting admits finds its microVMs ready, so none waits for microVM capacity and all run Init at once. Boot capacity (~150 microVM creations per second per worker) is still a limit — in a cell of 4 workers most of these would wait for it (set fleet.workers to see). Click a request: its why-cold tells where its time went.' },
      { fromMs: 10_990, toMs: 11_600, seconds: 8, focus: ['frontend', 'counting', 'assignment', 'placement', 'worker'], title: 'Ten seconds later',
        text: 'The first environments are idle again and the bucket has refilled: of the second burst, ~1,000 find an idle environment and run warm, ~1,000 start new environments, and the rest are throttled.' },
      { fromMs: 30_990, toMs: 31_110, seconds: 6, focus: ['clients', 'frontend', 'counting', 'microvm'], title: 'Reserved concurrency: a ceiling',
        text: 'At 25 s PutFunctionConcurrency set reserved concurrency to 50 (its slice of the pool in Counting). It is both a floor (other functions cannot use it) and a ceiling: of 200 requests, 50 run, the rest get 429 ReservedFunctionConcurrentInvocationLimitExceeded. Reserved concurrency 0 throttles everything.' },
    ],
  },
  {
    id: 'workers', title: '5. Workers, microVMs, leases and failures', minutes: 4,
    learn: 'Watch Placement spread environments over workers, pools run dry, a worker fail with its environments, and a worker drain at the end of its lease.',
    scenario: {
      name: 'tour-workers', description: 'Two workers with pools of 2 microVMs and 1 h leases; a burst of 10 long requests, a worker failure at 30 s.', seed: 5, durationMs: 3_600_000,
      fleet: { workers: 2, leaseMs: 3_600_000, prebootedPoolSize: 2 },
      functions: [fn({ keepAliveMs: { dist: 'constant', value: 3_600_000 }, durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 })],
      workload: [{ function: 'hello', arrival: { process: 'burst', count: 10, atMs: 1000 } }, { function: 'hello', arrival: { process: 'constant', ratePerSec: 0.05 }, startMs: 5000 }],
      faults: [{ type: 'worker-failure', atMs: 30_000, worker: 1 }],
    },
    steps: [
      { fromMs: 0, toMs: 999, seconds: 2, focus: ['worker'], title: 'Two workers, small pools',
        text: 'Workers are bare-metal Nitro instances. Each worker’s MicroManager keeps a small pool of pre-booted Firecracker microVMs (here 2, dashed) so a cold start needn’t wait for a boot. The bar under each worker’s name is its lease.',
        predict: { question: 'A burst of 10 requests arrives. How many execution environments will exist once it is placed?', unit: 'environments', checkAtMs: 2000, tolerance: 0, answer: (s) => s.environments.length } },
      { fromMs: 999, toMs: 1200, seconds: 9, focus: ['placement', 'worker', 'microvm'], title: 'Placement spreads them',
        text: 'Placement keeps a function’s environments on few workers (cache locality, Firecracker paper) but moves on when a worker’s pool is empty or holds many of them (correlated load is kept apart), preferring workers with more lease left. The pools empty after two each, so the other microVMs must boot (~125 ms each, at most ~150 per second per worker) before their Init.' },
      { fromMs: 29_990, toMs: 30_100, seconds: 5, focus: ['worker', 'microvm', 'frontend', 'clients'], title: 'A worker fails',
        text: 'worker-1 fails and vanishes with every environment on it (crossed out). Requests running there get a 5xx service error; async events would go back to the queue. A replacement worker joins the fleet.' },
      { fromMs: 1_499_990, toMs: 1_506_000, seconds: 6, focus: ['worker', 'microvm', 'placement'], title: 'Lease ending: draining',
        text: 'A worker’s lease is at most 14 h (1 h in this scenario). Near its end the worker drains (dashed): it takes no new placements and a replacement worker joins; each of its environments is replaced make-before-break — a proactive Init on a worker with lease left — and retires only when its replacement is ready, so no request pays for the drain. How long before the end draining starts is not published (10 minutes here: an estimate).' },
    ],
  },
  {
    id: 'provisioned', title: '6. Provisioned concurrency and SnapStart', minutes: 3,
    learn: 'Compare an on-demand Java cold start with provisioned concurrency (Init ahead of time) and SnapStart (restore a snapshot).',
    scenario: {
      name: 'tour-pc', description: 'Three Java functions with a 2.5 s Init: on demand, provisioned concurrency 2 on alias live, SnapStart on version 1; one request each at 90 s.', seed: 8, durationMs: 600_000,
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
      { fromMs: 0, toMs: 2600, seconds: 6, focus: ['counting', 'worker', 'microvm'], title: 'Provisioned environments initialize ahead of time',
        text: 'Three copies of a Java function with a 2.5 s Init: on demand; with provisioned concurrency 2 on alias live; with SnapStart on version 1. Each gets one request at t = 90 s. The two provisioned environments (dashed outline) run Init now, with no request waiting — and that Init is billed. They hold 2 units of concurrency (hatched in Counting). Provisioned concurrency is for published versions and aliases only, never $LATEST.',
        predict: { question: 'How many of the three first requests will be cold starts (a new environment on the request’s path)?', unit: 'cold starts', checkAtMs: 100_000, tolerance: 0, answer: (s) => s.summary.coldStarts } },
      { fromMs: 89_990, toMs: 90_040, seconds: 6, focus: ['frontend', 'counting', 'assignment', 'placement', 'worker'], title: 'Three requests at 90 s',
        text: 'The provisioned request finds an idle provisioned environment: warm. The on-demand and SnapStart ones find none and go to Placement. SnapStart ran Init once, at PublishVersion, and took a Firecracker snapshot of the initialized environment.' },
      { fromMs: 90_040, toMs: 92_600, seconds: 9, focus: ['worker', 'microvm'], title: 'Restore versus Init',
        text: 'The SnapStart environment restores the snapshot (purple, ~0.7 s here; hundreds of ms for a hello-world Java, and the gain is large when Init is heavy) and answers; the on-demand one runs its full 2.5 s Init first — paid in latency and, since 1 August 2025, in billed duration: Init is billed for on-demand environments too (see “What this run costs”). When all provisioned environments are busy, extra requests spill over to on-demand cold starts.' },
    ],
  },
  ...EVENT_SOURCE_CHAPTERS,
];

CHAPTERS.push({
  id: 'isolation', title: '9. Many customers on one fleet: isolation', minutes: 4,
  learn: 'See two customers’ functions share one worker, each in its own microVM; tenant isolation gives every tenant its own environments; and each account keeps its own quota.',
  scenario: {
    name: 'tour-isolation', description: 'Two accounts share one worker; acme’s render isolates three tenants; globex bursts past its own quota.', seed: 11, durationMs: 120_000,
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
    { fromMs: 0, toMs: 900, seconds: 3, focus: ['worker', 'microvm'], title: 'Two customers, one fleet',
      text: 'Two AWS accounts, acme and globex (quotas 100 and 20), run functions on the same worker: many customers’ code on one host, each behind a Firecracker VM boundary. Each microVM is outlined in its account’s colour.',
      predict: { question: 'render isolates tenants; three tenants (blue, green, red) send spaced-out requests. How many environments will render have at t = 30 s?', unit: 'environments', checkAtMs: 30_000, tolerance: 0, answer: (s) => s.environments.filter((e) => e.function === 'render').length } },
    { fromMs: 900, toMs: 10_500, seconds: 8, focus: ['placement', 'worker', 'microvm'], title: 'Side by side, never shared',
      text: 'acme’s and globex’s environments sit on the same worker, but each in its own Firecracker microVM: one process per VM, jailed (chroot, namespaces, seccomp), its memory scrubbed before reuse. A microVM belongs to one account and is never shared; an environment serves one function version, for its whole life.' },
    { fromMs: 19_990, toMs: 20_400, seconds: 5, focus: ['assignment', 'worker', 'microvm'], title: 'Tenant isolation mode',
      text: 'With tenant isolation (PER_TENANT, 2025) every request carries a tenant id (X-Amz-Tenant-Id). Lambda reuses only an environment of that tenant: blue’s second request is warm on blue’s environment, while green and red each got their own, though blue’s sat idle. A request without a tenant id is rejected (400). It cannot be combined with SnapStart, provisioned concurrency, function URLs or most event sources, and at most 2,500 tenant environments may exist per 1,000 concurrency.' },
    { fromMs: 59_990, toMs: 61_000, seconds: 6, focus: ['clients', 'frontend', 'counting'], title: 'Quotas are per account',
      text: 'At 60 s globex sends a burst of 40 against its 20 units of concurrency: about half get 429 ConcurrentInvocationLimitExceeded. acme is not touched — Counting keeps each account’s concurrency apart, though their microVMs share workers.' },
    { fromMs: 61_000, toMs: 90_000, seconds: 5, focus: ['worker', 'microvm'], title: 'Why Firecracker',
      text: 'A general-purpose VMM (QEMU) costs ~131–148 MB of host memory per VM and boots in ~244 ms (serial p50, nsdi2020-data); Firecracker ≤ 5 MiB (~3 MB measured) and ~125 ms. On a 192 GB worker that is ~1,500 rather than ~730 VMs of 128 MB, and bursts absorbed by pre-booted pools refill twice as fast. Load this scenario with platform.vmm = "qemu" to compare.' },
  ],
});

export function chapterById(id: string): Chapter | undefined {
  return CHAPTERS.find((c) => c.id === id);
}
