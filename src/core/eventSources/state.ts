import type { ArrivalState } from '../model/simState';
import type { EventSourceConfig } from './config';
import type { MappingState } from './mappingMachine';
import type { List, Slab } from './slab';

/**
 * Event source mappings as plain data (part of SimState): per source its queue or stream
 * (messages in a slab, linked into lists), its producer, its mapping's state and pollers;
 * and the batches in flight. See services-sqs-scaling, with-kinesis and with-ddb.
 */
export interface EventSourcesState {
  sources: SourceState[];
  /** Batches read and not yet finished, by id. */
  batches: Map<number, Batch>;
  nextBatchId: number;
}

/** Final fates of messages and records, and what happened on the way. Disjoint fates: received = deleted + toDlq + expired + discarded + remaining. */
export interface SourceCounters {
  received: number;
  /** Batches read (each counted once, however often it is retried). */
  batches: number;
  /** Invocations of the function (a retried batch is invoked again). */
  invocations: number;
  /** Deleted from the queue (SQS) or checkpointed (streams) after the function processed them. */
  deleted: number;
  /** Deliveries after the first: a message received again, a record in a retried batch. */
  retried: number;
  /** Moved to the queue's DLQ (redrive policy) or sent to the mapping's on-failure destination. */
  toDlq: number;
  /** Past the queue's retention or the stream's retention / maximum record age, with nowhere to go. */
  expired: number;
  /** Streams: retries exhausted with no on-failure destination. */
  discarded: number;
  /** Messages Lambda refused to deliver because their chain exceeded the recursion limit. */
  recursionStopped: number;
  functionErrors: number;
  /** Invocations refused before the handler ran: 429, 5xx, 4xx. */
  throttles: number;
  /** Invocations whose response listed batch item failures. */
  partialFailures: number;
}

export interface SourceState {
  index: number;
  /** Frozen; replaced when an UpdateEventSourceMapping completes. */
  cfg: EventSourceConfig;
  /** The configuration an update in progress will apply. */
  pendingCfg: EventSourceConfig | null;
  state: MappingState;
  /** Bumped by each state change: a stale `esm` control event is ignored. */
  token: number;
  createdAtMs: number;
  slab: Slab;
  /** Producer arrivals drawn ahead of the clock (sent > now when drawn), oldest first. */
  future: List;
  /** Arrivals are drawn up to here (≥ now at every moment). */
  horizonMs: number;
  /** The next arrival not yet drawn into `future`. */
  nextArrivalMs: number;
  arrival: ArrivalState;
  rng: { keys: number; poison: number; receive: number };
  /** SQS standard: visible messages, oldest first. */
  pool: List;
  /** FIFO message groups or stream lanes (shard × ParallelizationFactor), each oldest first. */
  parts: List[];
  /** The batch holding a partition (FIFO: its messages in flight; streams: the lane's batch), 0 if none. */
  partLock: Int32Array;
  /** Last sequence number given in each partition, and last one finished (order check). */
  partSeq: Uint32Array;
  partDone: Uint32Array;
  /** FIFO: groups with visible messages and none in flight, in the order they became ready. */
  ready: number[];
  readyHead: number;
  inReady: Uint8Array;
  /** Streams, per lane: failed attempts of the current batch, next batch size (bisect), when gathering began (−1). */
  laneRetries: Int32Array;
  laneNextSize: Int32Array;
  laneSince: Float64Array;
  /** Streams: sizes of the bisected halves still to process, per lane. */
  laneSegments: Map<number, number[]>;
  /** SQS pollers: concurrent batches the mapping runs now (the scaling target). */
  target: number;
  receiving: number;
  gathering: number;
  /** Messages gathering batches still want (they claim the next arrivals). */
  gatherClaim: number;
  invoking: number;
  backoff: number;
  errorsSinceTick: number;
  throttlesSinceTick: number;
  /** Since when the queue has been empty (−1 while it is not). */
  emptySinceMs: number;
  wakeEpoch: number;
  wakeAtMs: number;
  /**
   * SQS visibility timeouts: batch ids in the order they were received (so in the order their
   * timeouts end), with one timer for the earliest still unfinished — not one event per batch.
   */
  vtQueue: number[];
  vtHead: number;
  vtTimerMs: number;
  vtEpoch: number;
  peakConcurrency: number;
  counters: SourceCounters;
  /** Messages finished out of order in an ordered partition: must stay 0. */
  orderViolations: number;
}

/** A batch of messages or records read by the mapping and not yet finished. */
export interface Batch {
  id: number;
  source: number;
  state: BatchState;
  /** Messages delivered to the function, oldest first. */
  msgs: List;
  /** SQS: messages received but held back by recursive-loop detection. */
  held: List;
  receivedAtMs: number;
  /** SQS: when its messages become visible again (receive + visibility timeout). */
  visibleAtMs: number;
  /** SQS batching window: invoke at the latest then. */
  deadlineMs: number;
  /** Invocations so far. */
  attempts: number;
  backoffs: number;
  /** Poison messages among `msgs` at the current attempt. */
  poison: number;
  invocation: number;
  /** Streams: the lane. */
  lane: number;
  epoch: number;
  /** Send time of its oldest message (for the age of the oldest message). */
  minSentMs: number;
}

/**
 * gathering: SQS batching window open; pending: stream records read, invoke about to start;
 * invoking: the function runs; backoff: SQS, waiting to retry a throttled invoke;
 * waiting: SQS, failed, its messages invisible until the visibility timeout;
 * orphaned: SQS, the visibility timeout passed while the function still ran.
 */
export type BatchState = 'gathering' | 'pending' | 'invoking' | 'backoff' | 'waiting' | 'orphaned';

export function createEventSources(): EventSourcesState {
  return { sources: [], batches: new Map(), nextBatchId: 1 };
}

export function newCounters(): SourceCounters {
  return {
    received: 0, batches: 0, invocations: 0, deleted: 0, retried: 0, toDlq: 0, expired: 0, discarded: 0,
    recursionStopped: 0, functionErrors: 0, throttles: 0, partialFailures: 0,
  };
}
