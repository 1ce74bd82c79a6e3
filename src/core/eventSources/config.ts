import type { Arrival } from '../scenario/types';

/**
 * An event source and its mapping as the scenario gives them (`eventSources`, CONTRACTS.md
 * §1), every default filled in by `parseEventSource`: the customer's queue or stream, the
 * producer writing to it, and the event source mapping whose pollers read it and invoke the
 * function synchronously. AWS parameter names in camelCase; times in ms.
 */
export type EventSourceType = 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb';

export interface ProducerConfig {
  /** Messages or records per second, with the workload's arrival processes. */
  arrival: Arrival;
  startMs: number;
  endMs: number; // Infinity when open-ended
  /** Size of each message or record. */
  messageBytes: number;
  /** Share of messages the handler can never process ("poison"): it fails on them every time. */
  poisonRate: number;
  /** Message groups (FIFO) or partition keys (streams); 1 for a standard queue. */
  keys: number;
  /** Share of the traffic on the hottest group or key; the rest spread evenly over all of them. */
  hotKeyShare: number;
}

export interface QueueConfig {
  visibilityTimeoutMs: number;
  messageRetentionPeriodMs: number;
  /** The queue's redrive policy: after maxReceiveCount receives a message moves to the queue's DLQ. */
  redrivePolicy: { maxReceiveCount: number } | null;
}

export interface StreamConfig {
  shards: number;
  retentionPeriodMs: number;
}

export interface EventSourceConfig {
  /** The queue's or stream's name; it identifies the mapping in control-plane calls. */
  name: string;
  type: EventSourceType;
  /** The function (optionally with a qualifier) the mapping invokes. */
  function: string;
  enabled: boolean;
  batchSize: number;
  maximumBatchingWindowMs: number;
  /** ['ReportBatchItemFailures'] turns on partial batch responses. */
  functionResponseTypes: 'ReportBatchItemFailures'[];
  producer: ProducerConfig;
  /** SQS only. */
  queue: QueueConfig | null;
  scalingConfig: { maximumConcurrency: number } | null;
  provisionedPollerConfig: { minimumPollers: number; maximumPollers: number } | null;
  /** Messages the function sends to this same queue for each message it processes (the recursive-loop trap). */
  sendsToSource: number;
  /** Kinesis and DynamoDB Streams only. */
  stream: StreamConfig | null;
  parallelizationFactor: number;
  bisectBatchOnFunctionError: boolean;
  /** −1: retry until the records expire. */
  maximumRetryAttempts: number;
  /** −1: no limit besides the stream's retention. */
  maximumRecordAgeMs: number;
  destinationConfig: { onFailure: { destination: string } } | null;
}

export const isStream = (t: EventSourceType) => t === 'kinesis' || t === 'dynamodb';
export const reportsItemFailures = (c: EventSourceConfig) => c.functionResponseTypes.includes('ReportBatchItemFailures');

/** What UpdateEventSourceMapping may change (each optional; `scalingConfig: null` removes MaximumConcurrency). */
export interface EventSourceMappingUpdate {
  enabled?: boolean;
  batchSize?: number;
  maximumBatchingWindowMs?: number;
  scalingConfig?: { maximumConcurrency: number } | null;
  functionResponseTypes?: 'ReportBatchItemFailures'[];
  maximumRetryAttempts?: number;
  maximumRecordAgeMs?: number;
  bisectBatchOnFunctionError?: boolean;
}
