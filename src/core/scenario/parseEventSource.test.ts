import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario';

const base = (eventSources: unknown[], extra: Record<string, unknown> = {}) =>
  parseScenario({ seed: 1, functions: [{ name: 'hello', timeoutMs: 3000 }], eventSources, ...extra });
const problems = (eventSources: unknown[], extra: Record<string, unknown> = {}) => {
  const r = base(eventSources, extra);
  return r.ok ? [] : r.problems;
};
const sqs = (extra: Record<string, unknown> = {}) => ({ type: 'sqs', function: 'hello', producer: { process: 'poisson', ratePerSec: 50 }, ...extra });

describe('eventSources in a scenario', () => {
  it('a minimal SQS source gets AWS defaults: batch 10, no window, 30 s visibility timeout, 4 days retention', () => {
    const r = base([sqs()]);
    expect(r.ok).toBe(true);
    const e = r.ok ? r.scenario.eventSources[0] : null;
    expect(e).toMatchObject({
      name: 'queue-1', type: 'sqs', function: 'hello', enabled: true, batchSize: 10, maximumBatchingWindowMs: 0, functionResponseTypes: [],
      queue: { visibilityTimeoutMs: 30_000, messageRetentionPeriodMs: 345_600_000, redrivePolicy: null }, scalingConfig: null,
      producer: { arrival: { process: 'poisson', ratePerSec: 50 }, messageBytes: 1024, poisonRate: 0, keys: 1 },
    });
  });

  it('a minimal Kinesis source: batch 100, one shard, 24 h retention, retry until expiry', () => {
    const r = base([{ type: 'kinesis', function: 'hello', producer: { process: 'constant', ratePerSec: 5 } }]);
    expect(r.ok && r.scenario.eventSources[0]).toMatchObject({
      name: 'stream-1', batchSize: 100, stream: { shards: 1, retentionPeriodMs: 86_400_000 }, parallelizationFactor: 1,
      maximumRetryAttempts: -1, maximumRecordAgeMs: -1, bisectBatchOnFunctionError: false, destinationConfig: null, producer: { keys: 1000 },
    });
  });

  it('every problem is named by its path and its rule', () => {
    expect(problems([
      { type: 'rabbitmq', function: 'hello', producer: { process: 'poisson', ratePerSec: 1 } },
      sqs({ function: 'nope', batchSize: 20, maximumBatchingWindowMs: 500, functionResponseTypes: ['Partial'], queue: { visibilityTimeoutMs: 1000, redrivePolicy: { maxReceiveCount: 0 } } }),
      sqs({ name: 'q.fifo', scalingConfig: { maximumConcurrency: 1 }, provisionedPollerConfig: { minimumPollers: 5, maximumPollers: 3 }, parallelizationFactor: 2 }),
      { type: 'kinesis', function: 'hello', producer: { process: 'poisson', ratePerSec: 1, messageGroups: 3, messageBytes: 2_000_000 }, stream: { shards: 0, retentionPeriodMs: 3_600_000 }, parallelizationFactor: 11, maximumRecordAgeMs: 30_000, maximumRetryAttempts: -2, queue: {} },
      { type: 'dynamodb', function: 'hello', producer: { process: 'poisson' }, stream: { retentionPeriodMs: 172_800_000 } },
    ])).toEqual([
      'eventSources[0].type: must be one of sqs, sqs-fifo, kinesis, dynamodb',
      'eventSources[1].function: must name a function in "functions" (hello)',
      'eventSources[1].maximumBatchingWindowMs: must be whole seconds (a multiple of 1000): MaximumBatchingWindowInSeconds counts seconds',
      'eventSources[1].maximumBatchingWindowMs: must be at least 1000 when an SQS batchSize (20) is above 10',
      'eventSources[1].functionResponseTypes[0]: must be one of ReportBatchItemFailures',
      'eventSources[1].queue.redrivePolicy.maxReceiveCount: must be an integer from 1 to 1000',
      'eventSources[2].parallelizationFactor: is not a known field (known: name, type, function, enabled, batchSize, maximumBatchingWindowMs, functionResponseTypes, producer, queue, scalingConfig, provisionedPollerConfig, sendsToSource)',
      'eventSources[2].name: must not end with .fifo unless the type is sqs-fifo',
      'eventSources[2].scalingConfig.maximumConcurrency: must be an integer from 2 to 1000',
      'eventSources[2].provisionedPollerConfig.maximumPollers: must not be below minimumPollers (5)',
      'eventSources[2].provisionedPollerConfig: cannot be combined with scalingConfig: maximum concurrency and provisioned mode are mutually exclusive',
      'eventSources[3].queue: is not a known field (known: name, type, function, enabled, batchSize, maximumBatchingWindowMs, functionResponseTypes, producer, stream, parallelizationFactor, bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAgeMs, destinationConfig)',
      'eventSources[3].producer.messageGroups: is not a known field (known: the arrival process\'s fields, startMs, endMs, messageBytes, poisonRate, hotKeyShare, partitionKeys)',
      'eventSources[3].producer.messageBytes: must be an integer from 1 to 1048576',
      'eventSources[3].stream.shards: must be an integer from 1 to 1000',
      'eventSources[3].stream.retentionPeriodMs: must be an integer from 86400000 to 31536000000',
      'eventSources[3].maximumRecordAgeMs: must be an integer from 60000 to 604800000',
      'eventSources[3].parallelizationFactor: must be an integer from 1 to 10',
      'eventSources[3].maximumRetryAttempts: must be an integer from 0 to 10000',
      'eventSources[4].producer.ratePerSec: is required (a number greater than 0 and at most 1000000)',
      'eventSources[4].stream.retentionPeriodMs: is not a known field (known: shards)',
    ]);
  });

  it("the queue's visibility timeout must cover the function's timeout, as Lambda requires", () => {
    expect(problems([sqs({ queue: { visibilityTimeoutMs: 2000 } })])).toEqual([
      "eventSources[0].queue.visibilityTimeoutMs: must be at least the function's timeoutMs (3000): Lambda refuses a shorter visibility timeout (AWS recommends 6 × the timeout)",
    ]);
  });

  it('names are unique, and a FIFO queue is named *.fifo', () => {
    expect(problems([sqs({ name: 'a' }), sqs({ name: 'a' }), { ...sqs({ name: 'b' }), type: 'sqs-fifo' }])).toEqual([
      'eventSources[1].name: must be unique ("a" is used twice)',
      'eventSources[2].name: must end with .fifo: FIFO queue names do',
    ]);
  });

  it('control-plane calls on mappings are checked: the mapping must exist, the parameters in range', () => {
    expect(problems([sqs({ name: 'orders' })], {
      controlPlane: [
        { atMs: 1, action: 'UpdateEventSourceMapping', function: 'hello', name: 'nope', batchSize: 0, enabled: 'yes' },
        { atMs: 2, action: 'DeleteEventSourceMapping', function: 'hello', name: 'orders', force: true },
        { atMs: 3, action: 'PutFunctionRecursionConfig', function: 'hello', recursiveLoop: 'Sometimes' },
        { atMs: 4, action: 'CreateEventSourceMapping', function: 'hello', eventSource: { type: 'sqs', producer: { process: 'burst', count: 0 } } },
      ],
    })).toEqual([
      'controlPlane[0].name: must name an event source defined in "eventSources" or created earlier (orders)',
      'controlPlane[0].enabled: must be true or false',
      'controlPlane[0].batchSize: must be an integer from 1 to 10000',
      'controlPlane[1].force: is not a known field (known: atMs, action, function, name)',
      'controlPlane[2].recursiveLoop: must be one of Allow, Terminate',
      'controlPlane[3].eventSource.producer.count: must be an integer from 1 to 100000',
    ]);
  });

  it("a function's recursiveLoop is Terminate unless set to Allow", () => {
    const r = parseScenario({ seed: 1, functions: [{ name: 'a' }, { name: 'b', recursiveLoop: 'Allow' }] });
    expect(r.ok && r.scenario.functions.map((f) => f.recursiveLoop)).toEqual(['Terminate', 'Allow']);
  });
});
