import { parseScenario } from '../core/scenario/parseScenario';
import type { Scenario } from '../core/scenario/types';

/** The standard workloads `npm run bench` measures. Each is a plain scenario. */
export interface BenchWorkload {
  name: string;
  description: string;
  /** Simulated time to run before timing starts (to reach a warm steady state). */
  warmupMs: number;
  scenario: Scenario;
}

function scenario(input: Record<string, unknown>): Scenario {
  const r = parseScenario({ seed: 1, ...input });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

const steadyFn = {
  name: 'orders', runtime: 'nodejs22.x', memoryMb: 1024, timeoutMs: 6000,
  durationMs: { dist: 'lognormal', median: 40, sigma: 0.5 }, errorRate: 0.001,
};

export function steadyHour(hours: number): Scenario {
  return scenario({
    durationMs: hours * 3_600_000,
    functions: [steadyFn],
    workload: [{ function: 'orders', arrival: { process: 'poisson', ratePerSec: 1000 } }],
  });
}

export const WORKLOADS: BenchWorkload[] = [
  {
    name: 'steady-1k-warm',
    description: 'one function, Poisson 1,000 req/s, warm fleet, 10 simulated minutes',
    warmupMs: 60_000,
    scenario: scenario({ durationMs: 660_000, functions: [steadyFn], workload: [{ function: 'orders', arrival: { process: 'poisson', ratePerSec: 1000 } }] }),
  },
  {
    name: 'many-functions-churn',
    description: '50 functions × 20 req/s, 30 s keep-alive, random routing: constant cold starts and reclaims',
    warmupMs: 0,
    scenario: scenario({
      durationMs: 600_000,
      account: { concurrencyLimit: 5000 },
      functions: Array.from({ length: 50 }, (_, i) => ({
        name: `fn${i}`, runtime: i % 2 ? 'python3.13' : 'nodejs20.x', memoryMb: 256,
        durationMs: { dist: 'exponential', mean: 200 }, keepAliveMs: { dist: 'uniform', min: 10_000, max: 30_000 }, routing: 'random',
      })),
      workload: Array.from({ length: 50 }, (_, i) => ({ function: `fn${i}`, arrival: { process: 'diurnal', meanPerSec: 20, amplitude: 0.9, periodMs: 120_000 } })),
    }),
  },
  {
    name: 'async-1k-events',
    description: 'Event invocations at 1,000 req/s through the queue and 50 pollers, 1 % function errors retried',
    warmupMs: 60_000,
    scenario: scenario({
      durationMs: 660_000,
      platform: { pollers: 50 },
      functions: [{ ...steadyFn, errorRate: 0.01, async: { onFailure: 'dlq' } }],
      workload: [{ function: 'orders', mode: 'Event', arrival: { process: 'poisson', ratePerSec: 1000 } }],
    }),
  },
  {
    name: 'esm-sqs-10k',
    description: 'an SQS event source mapping: 10,000 messages/s, batches of 10, 100 ms handler, 10 simulated minutes',
    warmupMs: 60_000,
    scenario: scenario({
      durationMs: 660_000,
      account: { concurrencyLimit: 3000 },
      functions: [{ ...steadyFn, name: 'worker', durationMs: { dist: 'lognormal', median: 100, sigma: 0.3 } }],
      eventSources: [{ type: 'sqs', name: 'work-queue', function: 'worker', batchSize: 10, producer: { process: 'poisson', ratePerSec: 10_000 }, queue: { visibilityTimeoutMs: 36_000 } }],
    }),
  },
  {
    name: 'burst-throttle',
    description: 'bursts of 3,000 every 10 s against the 1,000-per-10-s scaling bucket, 10 simulated minutes',
    warmupMs: 0,
    scenario: scenario({
      durationMs: 600_000,
      account: { concurrencyLimit: 10_000 },
      fleet: { workers: 16 },
      functions: [{ name: 'api', memoryMb: 256, durationMs: { dist: 'lognormal', median: 800, sigma: 0.4 }, keepAliveMs: { dist: 'constant', value: 60_000 } }],
      workload: Array.from({ length: 60 }, (_, i) => ({ function: 'api', arrival: { process: 'burst', count: 3000, atMs: i * 10_000 } })),
    }),
  },
];
