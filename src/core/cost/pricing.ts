/**
 * The one pricing table of the run's cost: AWS Lambda in US East (N. Virginia), from the
 * AWS Lambda pricing page (aws.amazon.com/lambda/pricing), rates as published in 2025 and in
 * force since the INIT billing change of 1 August 2025 (the per-GB-s and per-request rates
 * themselves have been unchanged since 1-ms billing, Dec 2020; Graviton since Sep 2021;
 * SnapStart for Python and .NET since Nov 2024). First pricing tier only: the next tiers
 * start at 6 billion (x86) / 7.5 billion (arm64) GB-seconds a month, far beyond a simulated run.
 */
export const PRICING = {
  id: 'aws-lambda-us-east-1@2025-08-01',
  region: 'us-east-1',
  source: 'AWS Lambda pricing page (aws.amazon.com/lambda/pricing), US East (N. Virginia), 2025 rates incl. INIT billing from 1 Aug 2025',
  /** $ per request ($0.20 per million). */
  perRequest: 0.2 / 1_000_000,
  /** On-demand duration, Invoke and (since 1 Aug 2025) Init: $ per GB-second. */
  durationPerGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
  /** Provisioned concurrency allocated: $ per GB-second, from enabling until disabling. */
  provisionedPerGbSecond: { x86_64: 0.0000041667, arm64: 0.0000033334 },
  /** Duration on provisioned environments (the lower rate): $ per GB-second. */
  provisionedDurationPerGbSecond: { x86_64: 0.0000097222, arm64: 0.0000077778 },
  /** SnapStart (Python and .NET; Java's has no extra charge): snapshot cache $ per GB-second (≥ 3 h), restore $ per GB. */
  snapStartCachePerGbSecond: 0.0000015046,
  snapStartRestorePerGb: 0.0001397998,
  snapStartCacheMinimumMs: 3 * 3_600_000,
  /** Provisioned concurrency is billed from enabling to disabling, rounded up to 5 minutes. */
  provisionedRoundingMs: 300_000,
  /** The monthly free tier (off unless the scenario's `cost.freeTier`): requests and GB-seconds of duration. */
  freeTier: { requests: 1_000_000, gbSeconds: 400_000 },
} as const;

export type PricedArchitecture = keyof typeof PRICING.durationPerGbSecond;

/** Runtimes whose SnapStart is charged for cache and restore (Java's is free) [DOC pricing]. */
export function snapStartCharged(runtime: string): boolean {
  return runtime.startsWith('python') || runtime.startsWith('dotnet');
}

/** GB-seconds of `ms` (rounded up to 1 ms, as AWS bills) at `memoryMb`. */
export function gbSeconds(ms: number, memoryMb: number): number {
  return (Math.ceil(ms) / 1000) * (memoryMb / 1024);
}
