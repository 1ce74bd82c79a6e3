/**
 * The numbers of event source mappings, each with its source. Where AWS's current
 * documentation and lambda-facts.md §4.6 differ, the documentation wins (cited by page).
 * [DOC] documented, [OBS] observed by others, [INF] our estimate (the UI says so).
 */

/** SQS standard: "starts processing five batches at a time" [DOC services-sqs-scaling]. */
export const SQS_START_BATCHES = 5;
/** "…increases the number of processes that are reading batches by up to 300 more instances per minute" [DOC services-sqs-scaling]. */
export const SQS_SCALE_UP_PER_MINUTE = 300;
/** "The maximum number of batches that an event source mapping can process simultaneously is 1,000" [DOC services-sqs-scaling]. */
export const SQS_MAX_BATCHES = 1000;
/** "…can optimize to as few as 2 concurrent batches", not with maximum concurrency set [DOC services-sqs-scaling]. */
export const SQS_LOW_TRAFFIC_BATCHES = 2;
/** How long a queue must stay empty before the mapping drops from 5 to 2 batches: not published [INF]. */
export const SQS_LOW_TRAFFIC_AFTER_MS = 60_000;
/** While invocations fail or are throttled the mapping "gradually backs off" [DOC services-sqs-errorhandling]: one batch fewer per failure each second, at most this share [INF]. */
export const SQS_BACKOFF_SHARE = 0.2;
/** ScalingConfig.MaximumConcurrency: 2–1,000 [DOC services-sqs-scaling, CloudFormation ScalingConfig]. */
export const MAXIMUM_CONCURRENCY_RANGE = { min: 2, max: 1000 } as const;
/**
 * Provisioned mode: MinimumPollers 2–200 (default 2), MaximumPollers 2–2,000 (default 200);
 * "each poller can handle up to 1 MB/sec of throughput and 10 concurrent invokes"
 * [DOC services-sqs-parameters]; "3 times faster scaling" [DOC services-sqs-scaling].
 */
export const PROVISIONED_POLLERS = { minDefault: 2, minRange: [2, 200], maxDefault: 200, maxRange: [2, 2000] } as const;
export const INVOKES_PER_POLLER = 10;
export const PROVISIONED_SCALE_FACTOR = 3;

/** Batch size: SQS standard 1–10,000 (default 10), FIFO 1–10; streams 1–10,000 (default 100) [DOC services-sqs-parameters, services-kinesis-parameters, services-ddb-params]. */
export const BATCH_SIZE = { sqs: { def: 10, max: 10_000 }, fifo: { def: 10, max: 10 }, stream: { def: 100, max: 10_000 } } as const;
/**
 * MaximumBatchingWindowInSeconds 0–300 s in whole seconds [DOC API UpdateEventSourceMapping]; an SQS batch size above 10
 * needs a window of at least 1 s [DOC with-sqs] (the API page says streams too, but Kinesis's default is batch 100 with
 * no window, so we apply it to SQS only); not supported for FIFO [DOC services-sqs-parameters].
 */
export const MAX_BATCHING_WINDOW_MS = 300_000;
/** "…up to the payload limit for synchronous invocation (6 MB)" [DOC API CreateEventSourceMapping BatchSize]. */
export const BATCH_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
/** Largest message or record: SQS 1 MiB since 2025 [DOC AWS Compute Blog "More room to build"]; a Kinesis record 1 MiB by default [DOC Kinesis API Record]. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** SQS queue attributes: VisibilityTimeout 0 s–12 h (default 30 s); MessageRetentionPeriod 60 s–14 days (default 4 days) [DOC SQS CreateQueue]. */
export const VISIBILITY_TIMEOUT_MS = { def: 30_000, max: 43_200_000 } as const;
export const MESSAGE_RETENTION_MS = { def: 345_600_000, min: 60_000, max: 1_209_600_000 } as const;
/** RedrivePolicy maxReceiveCount 1–1,000 [DOC SQS dead-letter queues]. */
export const MAX_RECEIVE_COUNT = { min: 1, max: 1000 } as const;

/** Kinesis retention 24 h (default) to 8,760 h [DOC kinesis-extended-retention]; DynamoDB Streams keep records 24 h [DOC DynamoDB Streams]. */
export const KINESIS_RETENTION_MS = { def: 86_400_000, max: 8760 * 3_600_000 } as const;
export const DYNAMODB_RETENTION_MS = 86_400_000;
/** Base polling rate per shard: Kinesis once per second, DynamoDB Streams four times per second [DOC with-kinesis, with-ddb]. */
export const STREAM_POLL_INTERVAL_MS = { kinesis: 1000, dynamodb: 250 } as const;
/** ParallelizationFactor 1–10 (default 1) [DOC services-kinesis-parameters]. */
export const PARALLELIZATION_FACTOR_MAX = 10;
/** MaximumRetryAttempts −1 (infinite, default) or 0–10,000; MaximumRecordAgeInSeconds −1 (infinite) or 60–604,800 [DOC services-kinesis-parameters]. */
export const MAX_RETRY_ATTEMPTS = 10_000;
export const RECORD_AGE_MS = { min: 60_000, max: 604_800_000 } as const;
/** Shards a simulated stream may have: a simulator bound (Kinesis's default account quota is 500 or more) [INF]. */
export const MAX_SHARDS = 1000;
/** Message groups or partition keys a producer may use: a simulator bound [INF]. */
export const MAX_KEYS = 10_000;

/**
 * Recursive loop detection: Lambda stops the invocation when "a function is invoked by the same
 * triggering event more than 16 times" [DOC invocation-recursion; AWS Compute Blog, Jul 2023];
 * users saw the stop at about the 16th call [OBS boto3 #3899]. The default is Terminate [DOC
 * PutFunctionRecursionConfig].
 */
export const RECURSION_LIMIT = 16;
/** Lineage depth stored per message saturates here (with RecursiveLoop Allow it keeps growing) [INF]. */
export const MAX_LINEAGE = 127;

/** One ReceiveMessage / GetRecords round trip: median 10 ms [INF]. */
export const RECEIVE_LATENCY = { median: 10, sigma: 0.4 } as const;
/** Backoff after a throttled or failed-to-invoke batch: 1 s doubling to 30 s [INF]; SQS gives up at the visibility timeout [DOC services-sqs-errorhandling]. */
export const INVOKE_BACKOFF_MS = { first: 1000, max: 30_000 } as const;
/** A mapping's state change (Creating → Enabled, Updating, Disabling …) takes this long [INF]. */
export const MAPPING_TRANSITION_MS = 5000;
/** How far ahead the producer's arrivals are drawn: one tick, so reading never needs to draw [INF, implementation]. */
export const SQS_TICK_MS = 1000;
