import type { SimContext } from '../context';
import { deepFreeze } from '../engine/plainCopy';
import type { ControlPlaneCall } from '../scenario/faultTypes';
import { BATCH_SIZE, MAPPING_TRANSITION_MS, MAX_BATCHING_WINDOW_MS } from './constants';
import { isStream, type EventSourceConfig } from './config';
import { mappingAccepts, mappingNext, polls, type MappingEvent } from './mappingMachine';
import { addSource, setMappingState, sourceNamed } from './sources';
import { initialTarget } from './sqsScaling';
import { pumpSqs } from './sqsPollers';
import type { SourceState } from './state';

type Outcome = { ok: boolean; message: string };
type EsmCall = Extract<ControlPlaneCall, { action: 'CreateEventSourceMapping' | 'UpdateEventSourceMapping' | 'DeleteEventSourceMapping' | 'PutFunctionRecursionConfig' }>;

export const EVENT_SOURCE_ACTIONS = ['CreateEventSourceMapping', 'UpdateEventSourceMapping', 'DeleteEventSourceMapping', 'PutFunctionRecursionConfig'] as const;
export const isEventSourceCall = (c: ControlPlaneCall): c is EsmCall => (EVENT_SOURCE_ACTIONS as readonly string[]).includes(c.action);

/**
 * CreateEventSourceMapping, UpdateEventSourceMapping, DeleteEventSourceMapping and
 * PutFunctionRecursionConfig, with the AWS error names. A mapping is named by its queue or
 * stream (`name`). State changes take MAPPING_TRANSITION_MS [INF]; a call the mapping's
 * state does not accept gets ResourceInUseException, as AWS answers during a transition.
 */
export function applyEventSourceCall(ctx: SimContext, call: EsmCall): Outcome {
  const fn = ctx.functionNamed(call.function.split(':')[0]);
  if (!fn || fn.state === 'Deleted') return err(`ResourceNotFoundException: function not found: ${call.function}`);
  switch (call.action) {
    case 'PutFunctionRecursionConfig': {
      fn.cfg = deepFreeze({ ...fn.cfg, recursiveLoop: call.recursiveLoop });
      const latest = ctx.state.versions[fn.versions.get('$LATEST')!];
      latest.cfg = deepFreeze({ ...latest.cfg, recursiveLoop: call.recursiveLoop });
      return ok(`RecursiveLoop: ${call.recursiveLoop}`);
    }
    case 'CreateEventSourceMapping': {
      const existing = sourceNamed(ctx, call.eventSource.name);
      if (existing && existing.state !== 'Deleted') return err(`ResourceConflictException: a mapping for ${call.eventSource.name} already exists`);
      if (existing) return reattach(ctx, existing, { ...call.eventSource, function: call.function });
      const src = addSource(ctx, { ...call.eventSource, function: call.function }, true);
      return ok(`State: ${src.state} (${src.cfg.type} ${src.cfg.name} → ${src.cfg.function})`);
    }
    case 'UpdateEventSourceMapping':
    case 'DeleteEventSourceMapping': {
      const src = sourceNamed(ctx, call.name);
      if (!src || src.state === 'Deleted') return err(`ResourceNotFoundException: no event source mapping for ${call.name}`);
      if (call.action === 'DeleteEventSourceMapping') return transition(ctx, src, 'DELETE', null);
      const next = { ...(src.pendingCfg ?? src.cfg) } as EventSourceConfig;
      for (const k of ['enabled', 'batchSize', 'maximumBatchingWindowMs', 'scalingConfig', 'functionResponseTypes',
        'maximumRetryAttempts', 'maximumRecordAgeMs', 'bisectBatchOnFunctionError'] as const) {
        if (call[k] !== undefined) (next as unknown as Record<string, unknown>)[k] = call[k];
      }
      const problem = checkUpdate(src.cfg, next);
      if (problem) return err(`InvalidParameterValueException: ${problem}`);
      const event: MappingEvent['type'] = next.enabled !== src.cfg.enabled ? (next.enabled ? 'ENABLE' : 'DISABLE') : 'UPDATE';
      return transition(ctx, src, event, next);
    }
  }
}

/** A new mapping on a queue or stream whose old mapping was deleted: its messages are still there. */
function reattach(ctx: SimContext, src: SourceState, given: EventSourceConfig): Outcome {
  const { producer, queue, stream, type, name } = src.cfg;
  src.pendingCfg = deepFreeze({ ...given, producer, queue, stream, type, name });
  src.token++;
  setMappingState(ctx, src, 'Creating');
  ctx.schedule(ctx.state.nowMs + MAPPING_TRANSITION_MS, { type: 'esm', kind: 'control', id: src.index, epoch: src.token });
  return ok(`State: Creating (${type} ${name})`);
}

function transition(ctx: SimContext, src: SourceState, event: MappingEvent['type'], next: EventSourceConfig | null): Outcome {
  if (!mappingAccepts(src.state, event)) return err(`ResourceInUseException: the event source mapping for ${src.cfg.name} is ${src.state}`);
  src.pendingCfg = next ? deepFreeze(next) : null;
  setMappingState(ctx, src, mappingNext(src.state, event, { enabled: (next ?? src.cfg).enabled }) as SourceState['state']);
  src.token++;
  ctx.schedule(ctx.state.nowMs + MAPPING_TRANSITION_MS, { type: 'esm', kind: 'control', id: src.index, epoch: src.token });
  return ok(`State: ${src.state}`);
}

/** A state change completes: the new configuration applies, pollers start or stop. */
export function onMappingTransitionDone(ctx: SimContext, src: SourceState, token: number): void {
  if (token !== src.token) return;
  const wasPolling = polls(src.state);
  if (src.pendingCfg) {
    src.cfg = src.pendingCfg;
    src.pendingCfg = null;
  }
  setMappingState(ctx, src, mappingNext(src.state, 'DONE', { enabled: src.cfg.enabled }) as SourceState['state']);
  if (!isStream(src.cfg.type)) {
    if (polls(src.state) && !wasPolling) src.target = initialTarget(src);
    pumpSqs(ctx, src);
  }
}

/** The rules an update must keep for this source type [DOC services-sqs-parameters, services-kinesis-parameters]. */
function checkUpdate(old: EventSourceConfig, next: EventSourceConfig): string | null {
  const fifo = old.type === 'sqs-fifo', stream = isStream(old.type);
  const max = fifo ? BATCH_SIZE.fifo.max : stream ? BATCH_SIZE.stream.max : BATCH_SIZE.sqs.max;
  if (!Number.isInteger(next.batchSize) || next.batchSize < 1 || next.batchSize > max) return `BatchSize must be an integer from 1 to ${max} for ${old.type}`;
  const w = next.maximumBatchingWindowMs;
  if (!Number.isInteger(w) || w < 0 || w > MAX_BATCHING_WINDOW_MS || w % 1000 !== 0) return 'MaximumBatchingWindowInSeconds must be whole seconds from 0 to 300';
  if (fifo && w > 0) return 'batching window is not supported for FIFO queues';
  if (!stream && next.batchSize > 10 && w < 1000) return 'with BatchSize above 10, MaximumBatchingWindowInSeconds must be at least 1';
  const mc = next.scalingConfig?.maximumConcurrency;
  if (mc !== undefined && (stream || !Number.isInteger(mc) || mc < 2 || mc > 1000)) return stream ? 'ScalingConfig applies to SQS only' : 'MaximumConcurrency must be an integer from 2 to 1000';
  if (next.scalingConfig && next.provisionedPollerConfig) return 'ScalingConfig and ProvisionedPollerConfig cannot be combined';
  return null;
}

const ok = (message: string): Outcome => ({ ok: true, message });
const err = (message: string): Outcome => ({ ok: false, message });
