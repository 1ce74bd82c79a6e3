import { isStream, type EventSourceConfig, type EventSourceType, type ProducerConfig, type QueueConfig, type StreamConfig } from '../eventSources/config';
import {
  BATCH_SIZE, DYNAMODB_RETENTION_MS, KINESIS_RETENTION_MS, MAX_BATCHING_WINDOW_MS, MAX_KEYS, MAX_MESSAGE_BYTES, MAX_RECEIVE_COUNT,
  MAX_RETRY_ATTEMPTS, MAX_SHARDS, MAXIMUM_CONCURRENCY_RANGE, MESSAGE_RETENTION_MS, PARALLELIZATION_FACTOR_MAX, PROVISIONED_POLLERS,
  RECORD_AGE_MS, VISIBILITY_TIMEOUT_MS,
} from '../eventSources/constants';
import { Problems, join } from './check';
import { parseArrival, type TraceBudget } from './parseWorkload';
import type { FunctionConfig } from './types';

/**
 * Validates one `eventSources` entry (or CreateEventSourceMapping's `eventSource`) and fills in
 * AWS's defaults. Every rule names its field and cites AWS's limit (eventSources/constants.ts).
 * `functions`: the functions known at this point (their timeouts bound the visibility timeout).
 */
const TYPES = ['sqs', 'sqs-fifo', 'kinesis', 'dynamodb'] as const;
const COMMON = ['name', 'type', 'function', 'enabled', 'batchSize', 'maximumBatchingWindowMs', 'functionResponseTypes', 'producer'];
const SQS_KEYS = ['queue', 'scalingConfig', 'provisionedPollerConfig', 'sendsToSource'];
const STREAM_KEYS = ['stream', 'parallelizationFactor', 'bisectBatchOnFunctionError', 'maximumRetryAttempts', 'maximumRecordAgeMs', 'destinationConfig'];
const ARRIVAL_KEYS = ['process', 'ratePerSec', 'count', 'atMs', 'fromPerSec', 'toPerSec', 'overMs', 'meanPerSec', 'amplitude', 'periodMs', 'timesMs'];
const PRODUCER_KEYS = ['startMs', 'endMs', 'messageBytes', 'poisonRate', 'messageGroups', 'partitionKeys', 'hotKeyShare'];
/** SQS queue names: 1–80 letters, digits, - and _; a FIFO queue's ends with .fifo [DOC SQS CreateQueue]. */
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,75}(\.fifo)?$/;
const STREAM_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function parseEventSource(
  p: Problems, path: string, v: unknown, functions: ReadonlyMap<string, FunctionConfig>, defaultName: string, fixedFunction?: string,
  budget?: TraceBudget,
): EventSourceConfig | null {
  if (!p.isObject(path, v)) return null;
  const type = p.oneOf(join(path, 'type'), v.type, TYPES) as EventSourceType;
  const stream = isStream(type), fifo = type === 'sqs-fifo';
  p.unknownKeys(path, v, [...COMMON, ...(stream ? STREAM_KEYS : SQS_KEYS)].filter((k) => !(fixedFunction !== undefined && k === 'function')));
  const at = (k: string) => join(path, k);

  const name = v.name === undefined ? defaultName + (fifo ? '.fifo' : '') : p.string(at('name'), v.name, stream ? STREAM_NAME : QUEUE_NAME,
    stream ? 'must be 1 to 128 letters, digits, ., - or _' : 'must be 1 to 80 letters, digits, - or _ (a FIFO queue\'s ending in .fifo)');
  if (!stream && typeof v.name === 'string' && fifo !== name.endsWith('.fifo')) p.add(at('name'), fifo ? 'must end with .fifo: FIFO queue names do' : 'must not end with .fifo unless the type is sqs-fifo');

  const fnName = fixedFunction ?? p.string(at('function'), v.function);
  const fn = functions.get(fnName.split(':')[0]);
  if ((fixedFunction !== undefined || typeof v.function === 'string') && !fn) p.add(at('function'), `must name a function in "functions" (${[...functions.keys()].join(', ') || 'none defined'})`);
  // A mapping's poller invokes with no tenant id, which a PER_TENANT function refuses [DOC tenant-isolation].
  if (fn?.tenantIsolationMode === 'PER_TENANT') p.add(at('function'), `names ${fn.name}, which has tenant isolation (PER_TENANT): an event source mapping sends no tenant id, so it cannot invoke it`);

  const enabled = bool(p, at('enabled'), v.enabled, true);
  const sizes = fifo ? BATCH_SIZE.fifo : stream ? BATCH_SIZE.stream : BATCH_SIZE.sqs;
  const batchSize = p.number(at('batchSize'), v.batchSize, { int: true, min: 1, max: sizes.max, def: sizes.def });
  const windowMs = p.number(at('maximumBatchingWindowMs'), v.maximumBatchingWindowMs, { int: true, min: 0, max: MAX_BATCHING_WINDOW_MS, def: 0 });
  if (windowMs % 1000 !== 0) p.add(at('maximumBatchingWindowMs'), 'must be whole seconds (a multiple of 1000): MaximumBatchingWindowInSeconds counts seconds');
  if (fifo && windowMs > 0) p.add(at('maximumBatchingWindowMs'), 'must be 0: a batching window is not supported for FIFO queues');
  if (!stream && batchSize > 10 && windowMs < 1000) p.add(at('maximumBatchingWindowMs'), `must be at least 1000 when an SQS batchSize (${batchSize}) is above 10`);
  const functionResponseTypes = p.array(at('functionResponseTypes'), v.functionResponseTypes, []).map((t, i) =>
    p.oneOf(join(at('functionResponseTypes'), i), t, ['ReportBatchItemFailures'] as const));

  const producer = parseProducer(p, at('producer'), v.producer, type, budget);
  const base = {
    name, type, function: fnName, enabled, batchSize, maximumBatchingWindowMs: windowMs, functionResponseTypes: [...new Set(functionResponseTypes)], producer,
    queue: null, scalingConfig: null, provisionedPollerConfig: null, sendsToSource: 0, stream: null,
    parallelizationFactor: 1, bisectBatchOnFunctionError: false, maximumRetryAttempts: -1, maximumRecordAgeMs: -1, destinationConfig: null,
  };
  return stream ? { ...base, ...parseStreamParts(p, path, v, type) } : { ...base, ...parseSqsParts(p, path, v, fifo, fn) };
}

function parseProducer(p: Problems, path: string, v: unknown, type: EventSourceType, budget?: TraceBudget): ProducerConfig {
  const fallback: ProducerConfig = { arrival: { process: 'constant', ratePerSec: 1 }, startMs: 0, endMs: Infinity, messageBytes: 1024, poisonRate: 0, keys: 1, hotKeyShare: 0 };
  if (!p.isObject(path, v)) return fallback;
  const keysField = type === 'sqs-fifo' ? 'messageGroups' : isStream(type) ? 'partitionKeys' : null;
  for (const k of Object.keys(v)) {
    if (ARRIVAL_KEYS.includes(k) || (PRODUCER_KEYS.includes(k) && (k !== 'messageGroups' && k !== 'partitionKeys' || k === keysField))) continue;
    p.add(join(path, k), `is not a known field (known: the arrival process's fields, startMs, endMs, messageBytes, poisonRate, hotKeyShare${keysField ? `, ${keysField}` : ''})`);
  }
  const arrival = parseArrival(p, path, Object.fromEntries(Object.entries(v).filter(([k]) => ARRIVAL_KEYS.includes(k))), budget);
  const startMs = p.number(join(path, 'startMs'), v.startMs, { min: 0, def: 0 });
  const endMs = v.endMs === undefined ? Infinity : p.number(join(path, 'endMs'), v.endMs, { min: 0 });
  if (endMs < startMs) p.add(join(path, 'endMs'), `must not be before startMs (${startMs})`);
  const keys = keysField ? p.number(join(path, keysField), v[keysField], { int: true, min: 1, max: MAX_KEYS, def: type === 'sqs-fifo' ? 1 : 1000 }) : 1;
  return {
    arrival, startMs, endMs,
    messageBytes: p.number(join(path, 'messageBytes'), v.messageBytes, { int: true, min: 1, max: MAX_MESSAGE_BYTES, def: 1024 }),
    poisonRate: p.number(join(path, 'poisonRate'), v.poisonRate, { min: 0, max: 1, def: 0 }),
    keys,
    hotKeyShare: p.number(join(path, 'hotKeyShare'), v.hotKeyShare, { min: 0, max: 0.999, def: 0 }),
  };
}

function parseSqsParts(p: Problems, path: string, v: Record<string, unknown>, fifo: boolean, fn: FunctionConfig | undefined) {
  const at = (k: string) => join(path, k);
  const queue: QueueConfig = { visibilityTimeoutMs: VISIBILITY_TIMEOUT_MS.def, messageRetentionPeriodMs: MESSAGE_RETENTION_MS.def, redrivePolicy: null };
  if (v.queue !== undefined && p.isObject(at('queue'), v.queue)) {
    const q = v.queue, qp = at('queue');
    p.unknownKeys(qp, q, ['visibilityTimeoutMs', 'messageRetentionPeriodMs', 'redrivePolicy']);
    queue.visibilityTimeoutMs = p.number(join(qp, 'visibilityTimeoutMs'), q.visibilityTimeoutMs, { int: true, min: 0, max: VISIBILITY_TIMEOUT_MS.max, def: VISIBILITY_TIMEOUT_MS.def });
    queue.messageRetentionPeriodMs = p.number(join(qp, 'messageRetentionPeriodMs'), q.messageRetentionPeriodMs, { int: true, min: MESSAGE_RETENTION_MS.min, max: MESSAGE_RETENTION_MS.max, def: MESSAGE_RETENTION_MS.def });
    if (q.redrivePolicy !== undefined && p.isObject(join(qp, 'redrivePolicy'), q.redrivePolicy)) {
      const rp = join(qp, 'redrivePolicy');
      p.unknownKeys(rp, q.redrivePolicy, ['maxReceiveCount']);
      queue.redrivePolicy = { maxReceiveCount: p.number(join(rp, 'maxReceiveCount'), q.redrivePolicy.maxReceiveCount, { int: true, min: MAX_RECEIVE_COUNT.min, max: MAX_RECEIVE_COUNT.max }) };
    }
  }
  // CreateEventSourceMapping refuses a queue whose visibility timeout is shorter than the function's timeout [OBS]; AWS recommends six times it [DOC with-sqs].
  if (fn && queue.visibilityTimeoutMs < fn.timeoutMs) {
    p.add(join(at('queue'), 'visibilityTimeoutMs'), `must be at least the function's timeoutMs (${fn.timeoutMs}): Lambda refuses a shorter visibility timeout (AWS recommends 6 × the timeout)`);
  }
  let scalingConfig: { maximumConcurrency: number } | null = null;
  if (v.scalingConfig !== undefined && p.isObject(at('scalingConfig'), v.scalingConfig)) {
    p.unknownKeys(at('scalingConfig'), v.scalingConfig, ['maximumConcurrency']);
    scalingConfig = { maximumConcurrency: p.number(join(at('scalingConfig'), 'maximumConcurrency'), v.scalingConfig.maximumConcurrency, { int: true, ...MAXIMUM_CONCURRENCY_RANGE }) };
  }
  let provisionedPollerConfig: { minimumPollers: number; maximumPollers: number } | null = null;
  if (v.provisionedPollerConfig !== undefined && p.isObject(at('provisionedPollerConfig'), v.provisionedPollerConfig)) {
    const pp = at('provisionedPollerConfig'), c = v.provisionedPollerConfig;
    p.unknownKeys(pp, c, ['minimumPollers', 'maximumPollers']);
    const min = p.number(join(pp, 'minimumPollers'), c.minimumPollers, { int: true, min: PROVISIONED_POLLERS.minRange[0], max: PROVISIONED_POLLERS.minRange[1], def: PROVISIONED_POLLERS.minDefault });
    const max = p.number(join(pp, 'maximumPollers'), c.maximumPollers, { int: true, min: PROVISIONED_POLLERS.maxRange[0], max: PROVISIONED_POLLERS.maxRange[1], def: PROVISIONED_POLLERS.maxDefault });
    if (max < min) p.add(join(pp, 'maximumPollers'), `must not be below minimumPollers (${min})`);
    provisionedPollerConfig = { minimumPollers: min, maximumPollers: max };
    if (scalingConfig) p.add(pp, 'cannot be combined with scalingConfig: maximum concurrency and provisioned mode are mutually exclusive');
  }
  const sendsToSource = p.number(at('sendsToSource'), v.sendsToSource, { int: true, min: 0, max: 10, def: 0 });
  if (fifo && sendsToSource > 0) p.add(at('sendsToSource'), 'is modelled for standard queues only');
  return { queue, scalingConfig, provisionedPollerConfig, sendsToSource };
}

function parseStreamParts(p: Problems, path: string, v: Record<string, unknown>, type: EventSourceType) {
  const at = (k: string) => join(path, k);
  const dynamo = type === 'dynamodb';
  const stream: StreamConfig = { shards: 1, retentionPeriodMs: dynamo ? DYNAMODB_RETENTION_MS : KINESIS_RETENTION_MS.def };
  if (v.stream !== undefined && p.isObject(at('stream'), v.stream)) {
    const sp = at('stream'), s = v.stream;
    p.unknownKeys(sp, s, dynamo ? ['shards'] : ['shards', 'retentionPeriodMs']);
    stream.shards = p.number(join(sp, 'shards'), s.shards, { int: true, min: 1, max: MAX_SHARDS, def: 1 });
    if (!dynamo) {
      stream.retentionPeriodMs = p.number(join(sp, 'retentionPeriodMs'), s.retentionPeriodMs, { int: true, min: KINESIS_RETENTION_MS.def, max: KINESIS_RETENTION_MS.max, def: KINESIS_RETENTION_MS.def });
      if (stream.retentionPeriodMs % 3_600_000 !== 0) p.add(join(sp, 'retentionPeriodMs'), 'must be whole hours (RetentionPeriodHours)');
    }
  }
  const age = v.maximumRecordAgeMs;
  const maximumRecordAgeMs = age === undefined || age === -1 ? -1 : p.number(at('maximumRecordAgeMs'), age, { int: true, ...RECORD_AGE_MS });
  if (maximumRecordAgeMs > 0 && maximumRecordAgeMs % 1000 !== 0) p.add(at('maximumRecordAgeMs'), 'must be whole seconds (MaximumRecordAgeInSeconds), or -1 for no limit');
  const retries = v.maximumRetryAttempts;
  let destinationConfig: { onFailure: { destination: string } } | null = null;
  if (v.destinationConfig !== undefined && p.isObject(at('destinationConfig'), v.destinationConfig)) {
    const dp = at('destinationConfig');
    p.unknownKeys(dp, v.destinationConfig, ['onFailure']);
    const of = v.destinationConfig.onFailure;
    if (p.isObject(join(dp, 'onFailure'), of)) {
      p.unknownKeys(join(dp, 'onFailure'), of, ['destination']);
      destinationConfig = { onFailure: { destination: p.string(join(join(dp, 'onFailure'), 'destination'), of.destination, /^.{1,350}$/, 'must be a destination name or ARN (1 to 350 characters)') } };
    }
  }
  return {
    stream,
    parallelizationFactor: p.number(at('parallelizationFactor'), v.parallelizationFactor, { int: true, min: 1, max: PARALLELIZATION_FACTOR_MAX, def: 1 }),
    bisectBatchOnFunctionError: bool(p, at('bisectBatchOnFunctionError'), v.bisectBatchOnFunctionError, false),
    maximumRetryAttempts: retries === undefined || retries === -1 ? -1 : p.number(at('maximumRetryAttempts'), retries, { int: true, min: 0, max: MAX_RETRY_ATTEMPTS }),
    maximumRecordAgeMs,
    destinationConfig,
  };
}

function bool(p: Problems, path: string, v: unknown, def: boolean): boolean {
  if (v === undefined) return def;
  if (typeof v === 'boolean') return v;
  p.add(path, 'must be true or false');
  return def;
}

/** Validates `eventSources`; names must be unique. */
export function parseEventSources(p: Problems, raw: unknown[], functions: ReadonlyMap<string, FunctionConfig>, budget?: TraceBudget): EventSourceConfig[] {
  const out: EventSourceConfig[] = [];
  raw.forEach((e, i) => {
    const path = join('eventSources', i);
    const type = e && typeof e === 'object' ? (e as { type?: unknown }).type : undefined;
    const cfg = parseEventSource(p, path, e, functions, `${typeof type === 'string' && isStream(type as EventSourceType) ? 'stream' : 'queue'}-${i + 1}`, undefined, budget);
    if (!cfg) return;
    if (out.some((o) => o.name === cfg.name)) p.add(join(path, 'name'), `must be unique ("${cfg.name}" is used twice)`);
    out.push(cfg);
  });
  return out;
}
