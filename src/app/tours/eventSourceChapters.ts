import type { Chapter } from './types';

/**
 * The event source mapping chapters: a queue in front of a function (SQS scaling, a poison
 * message, partial batch responses) and a stream's stalled shard (retry until expiry, then
 * bisect). Windows come from running the scenarios (eventSourceChapters.test.ts checks each
 * against the run). Numbers from AWS's developer guide (services-sqs-scaling,
 * services-sqs-errorhandling, with-kinesis, kinesis-on-failure-destination).
 */
const QUEUE = {
  name: 'tour-queue', description: 'Orders arrive at about 1,000 messages/s; each batch of 10 takes 2 s. A rare poison message always fails. Visibility timeout 10 s, maxReceiveCount 3; at 60 s partial batch responses are turned on.',
  seed: 31, durationMs: 120_000, account: { concurrencyLimit: 1000 },
  functions: [{ name: 'orders', runtime: 'nodejs22.x', memoryMb: 512, cpuBoundFraction: 0, timeoutMs: 10_000, durationMs: { dist: 'constant', value: 2000 } }],
  eventSources: [{ type: 'sqs', name: 'orders-queue', function: 'orders', batchSize: 10, producer: { process: 'poisson', ratePerSec: 1000, poisonRate: 1e-5 }, queue: { visibilityTimeoutMs: 10_000, redrivePolicy: { maxReceiveCount: 3 } } }],
  controlPlane: [{ atMs: 60_000, action: 'UpdateEventSourceMapping', function: 'orders', name: 'orders-queue', functionResponseTypes: ['ReportBatchItemFailures'] }],
};

const STREAM = {
  name: 'tour-stream', description: 'A Kinesis stream of 4 shards, 400 records/s, batches of 100, a rare poison record, an on-failure destination. At 90 s BisectBatchOnFunctionError and 2 retries are turned on.',
  seed: 1, durationMs: 150_000,
  functions: [{ name: 'clicks', runtime: 'nodejs22.x', memoryMb: 512, cpuBoundFraction: 0, timeoutMs: 10_000, durationMs: { dist: 'lognormal', median: 80, sigma: 0.3 } }],
  eventSources: [{ type: 'kinesis', name: 'clickstream', function: 'clicks', batchSize: 100, stream: { shards: 4 }, producer: { process: 'poisson', ratePerSec: 400, partitionKeys: 500, poisonRate: 5e-5 }, destinationConfig: { onFailure: { destination: 'clickstream-failures' } } }],
  controlPlane: [{ atMs: 90_000, action: 'UpdateEventSourceMapping', function: 'clicks', name: 'clickstream', bisectBatchOnFunctionError: true, maximumRetryAttempts: 2 }],
};

const ES = ['event-source'];

export const EVENT_SOURCE_CHAPTERS: Chapter[] = [
  {
    id: 'queue', title: '7. A queue in front of a function', minutes: 4,
    learn: 'Watch an SQS event source mapping scale from 5 batches, a poison message take its whole batch to the DLQ, and partial batch responses fail only that message.',
    scenario: QUEUE,
    steps: [
      { fromMs: 0, toMs: 900, seconds: 3, focus: [...ES, 'frontend', 'counting'], title: 'Your queue, Lambda’s pollers',
        text: 'Messages arrive in your SQS queue (dashed: it is in your account, outside Lambda). The event source mapping’s pollers long-poll it, take up to 10 messages a batch and invoke the function synchronously through the Frontend, like any caller. They start with 5 concurrent batches.' },
      { fromMs: 900, toMs: 10_000, seconds: 8, focus: [...ES, 'counting', 'worker'], title: 'Adding up to 300 batches a minute',
        text: 'While messages wait, the mapping adds up to 300 concurrent batches a minute — 5 a second — up to 1,000 (or its MaximumConcurrency). By 10 s it runs 50 batches, and 8,000 messages wait: the queue fills faster than the mapping scales.' },
      { fromMs: 10_000, toMs: 40_000, seconds: 10, focus: ES, title: 'A poison message takes its batch with it',
        text: 'At 11 s a batch holds a message the function can never process. The function throws, so the whole batch fails: all 10 messages stay in the queue, invisible until the 10 s visibility timeout passes, then are received again — and fail again. After 3 receives (maxReceiveCount) SQS moves all 10 to the queue’s DLQ: 9 good messages with the bad one.' },
      { fromMs: 40_000, toMs: 84_000, seconds: 10, focus: [...ES, 'counting'], title: 'Catching up, and a configuration change',
        text: 'The mapping keeps adding batches past 300 and drains the backlog by 84 s. At 60 s UpdateEventSourceMapping turns on ReportBatchItemFailures (the mapping is Updating for a few seconds): the function now returns the IDs of only the messages it failed.' },
      { fromMs: 84_000, toMs: 114_000, seconds: 10, focus: ES, title: 'Partial batch responses',
        text: 'At 85 s another poison message arrives. This time the other 9 messages of its batch are deleted; only the poison message comes back after the visibility timeout, 3 times, and then it alone goes to the DLQ. The mapping scales back down as traffic no longer needs 300 batches.' },
    ],
  },
  {
    id: 'stream', title: '8. A stream’s stalled shard', minutes: 3,
    learn: 'See why one bad record stops a Kinesis shard (retry until the records expire) while the others keep up, and how bisecting the batch and a retry limit clear it.',
    scenario: STREAM,
    steps: [
      { fromMs: 0, toMs: 40_000, seconds: 5, focus: ES, title: 'Four shards, one iterator each',
        text: 'Records go to one of 4 shards by partition key. The mapping reads each shard with its own iterator, once a second, in order, and invokes one batch per shard at a time. Iterator age — the age of the oldest record not yet processed — stays about 1 s.' },
      { fromMs: 40_000, toMs: 90_000, seconds: 8, focus: ES, title: 'A poison record stalls its shard',
        text: 'At 41 s a record in shard 3 makes the function throw. By default a stream mapping retries the failing batch until its records expire (24 h), in order, so nothing behind it in that shard is processed: the lane stalls and its iterator age climbs past 50 s. The other three shards keep up.' },
      { fromMs: 90_000, toMs: 115_000, seconds: 10, focus: ES, title: 'Bisect the batch, limit the retries',
        text: 'At 90 s the mapping is updated: BisectBatchOnFunctionError and MaximumRetryAttempts 2. The failing batch is split in half, and the half that fails is split again, until the poison record is alone; its retries used, it goes to the on-failure destination. The shard catches up by 115 s.' },
      { fromMs: 115_000, toMs: 140_000, seconds: 8, focus: ES, title: 'The next bad record costs seconds, not a day',
        text: 'Another poison record arrives at about 126 s. Now its shard stalls for only a few seconds while the batch is bisected; the record goes to the destination and the iterator age falls back to about 1 s.' },
    ],
  },
];
