/**
 * Valid random event sources and their control-plane calls, as scenario JSON built from plain
 * numbers, for the property tests and the fuzzer (which draw the numbers, so cases shrink with
 * them). Biased to the edges: tiny visibility timeouts and retentions, maxReceiveCount 1,
 * batches of 1 and of the 6 MB limit, poison everywhere, one hot key, bisect, retries 0,
 * recursive loops. Every entry passes `parseEventSource` given functions of `timeoutMs`.
 */
const pick = <T>(xs: readonly T[], n: number): T => xs[Math.abs(Math.floor(n)) % xs.length];

export const EVENT_SOURCE_TYPES = ['sqs', 'sqs-fifo', 'kinesis', 'dynamodb'] as const;

/** `v`: at least 16 non-negative integers. `timeoutMs`: the function's timeout (bounds the visibility timeout). */
export function eventSourceJson(name: string, fn: string, timeoutMs: number, v: number[]): Record<string, unknown> {
  const type = pick(EVENT_SOURCE_TYPES, v[0]);
  const fifo = type === 'sqs-fifo', stream = type === 'kinesis' || type === 'dynamodb';
  const batchSize = fifo ? pick([1, 3, 10], v[1]) : pick([1, 2, 10, 11, 100, 1000], v[1]);
  const windowMs = fifo ? 0 : batchSize > 10 ? pick([1000, 2000, 5000], v[2]) : pick([0, 0, 1000], v[2]);
  const producer: Record<string, unknown> = {
    ...pick([
      { process: 'poisson', ratePerSec: 1 + (v[3] % 200) },
      { process: 'constant', ratePerSec: 0.5 + (v[3] % 50) },
      { process: 'burst', count: 1 + (v[3] % 3000), atMs: v[3] % 20_000 },
      { process: 'trace', timesMs: [0, 1, 1, 500 + (v[3] % 1000), 30_000] },
      { process: 'ramp', fromPerSec: 0, toPerSec: 1 + (v[3] % 300), overMs: 60_000 },
    ], v[4]),
    messageBytes: pick([1, 1024, 64 * 1024, 1024 * 1024], v[5]),
    poisonRate: pick([0, 0, 0.001, 0.05, 1], v[6]),
    hotKeyShare: pick([0, 0.5, 0.9], v[7]),
  };
  if (fifo) producer.messageGroups = pick([1, 2, 7, 50], v[8]);
  if (stream) producer.partitionKeys = pick([1, 3, 100], v[8]);
  const base: Record<string, unknown> = {
    name: fifo ? `${name}.fifo` : name, type, function: fn, batchSize, maximumBatchingWindowMs: windowMs, producer,
    enabled: v[9] % 7 !== 0,
    functionResponseTypes: v[10] % 2 ? ['ReportBatchItemFailures'] : [],
  };
  if (stream) {
    return {
      ...base,
      stream: { shards: pick([1, 2, 5], v[11]) },
      parallelizationFactor: pick([1, 1, 3, 10], v[12]),
      bisectBatchOnFunctionError: v[13] % 2 === 1,
      maximumRetryAttempts: pick([-1, 0, 1, 3], v[14]),
      maximumRecordAgeMs: pick([-1, 60_000, 120_000], v[15]),
      ...(v[15] % 3 ? { destinationConfig: { onFailure: { destination: `${name}-failures` } } } : {}),
    };
  }
  const vt = timeoutMs * pick([1, 2, 6], v[11]);
  return {
    ...base,
    queue: {
      visibilityTimeoutMs: vt,
      messageRetentionPeriodMs: Math.max(60_000, pick([60_000, 300_000, 345_600_000], v[12])),
      ...(v[13] % 3 ? { redrivePolicy: { maxReceiveCount: pick([1, 2, 5], v[14]) } } : {}),
    },
    ...(v[15] % 4 === 1 ? { scalingConfig: { maximumConcurrency: pick([2, 5, 50], v[14]) } } : {}),
    ...(v[15] % 4 === 2 ? { provisionedPollerConfig: { minimumPollers: 2, maximumPollers: pick([2, 3, 10], v[14]) } } : {}),
    ...(!fifo && v[15] % 5 === 3 ? { sendsToSource: pick([1, 2], v[14]) } : {}),
  };
}

/** An event source control-plane call (Create on a new name, Update, Delete, PutFunctionRecursionConfig). */
export function eventSourceCallJson(fn: string, names: string[], timeoutMs: number, k: number, p: number, v: number[]): Record<string, unknown> {
  const name = names[p % names.length];
  switch (k % 6) {
    case 0: return { action: 'UpdateEventSourceMapping', function: fn, name, enabled: p % 2 === 0 };
    case 1: return { action: 'UpdateEventSourceMapping', function: fn, name, batchSize: pick([1, 5, 10], p) };
    case 2: return { action: 'UpdateEventSourceMapping', function: fn, name, scalingConfig: p % 2 ? { maximumConcurrency: 2 + (p % 20) } : null };
    case 3: return { action: 'DeleteEventSourceMapping', function: fn, name };
    case 4: return { action: 'PutFunctionRecursionConfig', function: fn, recursiveLoop: p % 2 ? 'Allow' : 'Terminate' };
    default: {
      const { function: _f, ...eventSource } = eventSourceJson(`late${p % 3}`, fn, timeoutMs, v);
      return { action: 'CreateEventSourceMapping', function: fn, eventSource };
    }
  }
}
