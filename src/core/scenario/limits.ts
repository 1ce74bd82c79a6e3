/**
 * The documented maxima of every scenario and run-time input, in one table (README "Limits"
 * lists the same rows; a test keeps the two in step). AWS's own limits where AWS has one
 * (tagged AWS); elsewhere bounds that keep validation linear and every run's work finite
 * (tagged sim), chosen well above any realistic scenario.
 */
export const LIMITS = {
  /** Functions in `functions` plus those created by CreateFunction (sim). */
  functions: 10_000,
  /** Entries in `workload` (sim). */
  workloadEntries: 10_000,
  /** Times in all `trace` arrivals together (sim). */
  traceTimes: 1_000_000,
  /** Values in one `empirical` distribution (sim). */
  empiricalValues: 100_000,
  /** Requests in one `burst` arrival, or one page `invoke` with `count` (sim). */
  burstCount: 100_000,
  /** Arrival rate of any process, per second (sim). */
  ratePerSec: 1_000_000,
  /** Calls in `controlPlane` and faults in `faults` (sim). */
  timelineEntries: 10_000,
  /** Event sources in `eventSources` plus those created by CreateEventSourceMapping (sim). */
  eventSources: 100,
  /** Function name: letters, digits, - and _ (AWS). */
  functionNameChars: 64,
  /** Alias name: letters, digits, - and _, not only digits (AWS). */
  aliasNameChars: 128,
  /** Simulated duration, and every time in a scenario (atMs, fromMs, startMs, timesMs, …): 30 days (sim). */
  timeMs: 30 * 86_400_000,
  /** Any value of a distribution, ms (sim). */
  distributionMs: 30 * 86_400_000,
  /** Function timeout: whole seconds, 1 to 900 s (AWS). */
  timeoutMs: 900_000,
  /**
   * Account concurrency limit, and so provisioned concurrency (sim; AWS default 1,000, raised
   * on request): 100,000 environments at once is what one run can place in seconds.
   */
  concurrencyLimit: 100_000,
  /** Accounts in `accounts` (sim). */
  accounts: 1_000,
  /** Tenant ids one workload entry draws from (`tenants.count`) (sim). */
  tenants: 1_000_000,
  /** Initial workers in the fleet (sim). */
  workers: 10_000,
  /** Pre-booted microVMs per worker (sim). */
  prebootedPoolSize: 1_000,
  /** Async pollers and their batch size (sim). */
  pollers: 10_000,
  /** A worker drains for at most half its lease (sim: otherwise replacements would chain). */
  drainShareOfLease: 0.5,
  /** Problems reported at once; the rest are counted (sim). */
  problems: 50,
  /** Characters in one problem message (sim). */
  problemChars: 400,
  /** Scenario file or page-API scenario, bytes of JSON (sim). */
  scenarioBytes: 64 * 1024 * 1024,
} as const;

export type LimitName = keyof typeof LIMITS;
