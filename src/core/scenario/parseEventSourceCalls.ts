import type { EventSourceMappingUpdate } from '../eventSources/config';
import { Problems, join } from './check';
import type { ControlPlaneCall } from './faultTypes';
import { parseEventSource } from './parseEventSource';
import type { FunctionConfig } from './types';

/** What the event source calls need to know of the scenario: its functions and the mappings defined so far. */
export interface EventSourceCallContext {
  functions: ReadonlyMap<string, FunctionConfig>;
  names: Set<string>;
}

type EsmAction = 'CreateEventSourceMapping' | 'UpdateEventSourceMapping' | 'DeleteEventSourceMapping' | 'PutFunctionRecursionConfig';

const UPDATE_KEYS = ['enabled', 'batchSize', 'maximumBatchingWindowMs', 'scalingConfig', 'functionResponseTypes', 'maximumRetryAttempts', 'maximumRecordAgeMs', 'bisectBatchOnFunctionError'] as const;

/**
 * CreateEventSourceMapping (`eventSource`: the same fields as an `eventSources` entry),
 * UpdateEventSourceMapping and DeleteEventSourceMapping (the mapping named by its queue or
 * stream, `name`), PutFunctionRecursionConfig (`recursiveLoop`: Allow | Terminate). Rules that
 * depend on the source's type are checked again when the call runs (InvalidParameterValueException).
 */
export function parseEventSourceCall(
  p: Problems, path: string, c: Record<string, unknown>, base: { atMs: number; function: string } | { function: string }, action: EsmAction,
  ctx: EventSourceCallContext, keys: (...extra: string[]) => void,
): ControlPlaneCall | Omit<ControlPlaneCall, 'atMs'> | null {
  const named = () => {
    const name = p.string(join(path, 'name'), c.name);
    if (typeof c.name === 'string' && !ctx.names.has(name)) p.add(join(path, 'name'), `must name an event source defined in "eventSources" or created earlier (${[...ctx.names].join(', ') || 'none'})`);
    return name;
  };
  switch (action) {
    case 'PutFunctionRecursionConfig':
      keys('recursiveLoop');
      return { ...base, action, recursiveLoop: p.oneOf(join(path, 'recursiveLoop'), c.recursiveLoop, ['Allow', 'Terminate'] as const) };
    case 'DeleteEventSourceMapping':
      keys('name');
      return { ...base, action, name: named() };
    case 'CreateEventSourceMapping': {
      keys('eventSource');
      const cfg = parseEventSource(p, join(path, 'eventSource'), c.eventSource, ctx.functions, `queue-${ctx.names.size + 1}`, base.function);
      if (!cfg) return null;
      ctx.names.add(cfg.name);
      return { ...base, action, eventSource: cfg };
    }
    case 'UpdateEventSourceMapping': {
      keys('name', ...UPDATE_KEYS);
      const name = named();
      const u: EventSourceMappingUpdate = {};
      const at = (k: string) => join(path, k);
      if (c.enabled !== undefined) { if (typeof c.enabled === 'boolean') u.enabled = c.enabled; else p.add(at('enabled'), 'must be true or false'); }
      if (c.batchSize !== undefined) u.batchSize = p.number(at('batchSize'), c.batchSize, { int: true, min: 1, max: 10_000 });
      if (c.maximumBatchingWindowMs !== undefined) u.maximumBatchingWindowMs = p.number(at('maximumBatchingWindowMs'), c.maximumBatchingWindowMs, { int: true, min: 0, max: 300_000 });
      if (c.scalingConfig !== undefined) {
        if (c.scalingConfig === null) u.scalingConfig = null;
        else if (p.isObject(at('scalingConfig'), c.scalingConfig)) {
          p.unknownKeys(at('scalingConfig'), c.scalingConfig, ['maximumConcurrency']);
          u.scalingConfig = { maximumConcurrency: p.number(join(at('scalingConfig'), 'maximumConcurrency'), c.scalingConfig.maximumConcurrency, { int: true, min: 2, max: 1000 }) };
        }
      }
      if (c.functionResponseTypes !== undefined) u.functionResponseTypes = p.array(at('functionResponseTypes'), c.functionResponseTypes).map((t, i) => p.oneOf(join(at('functionResponseTypes'), i), t, ['ReportBatchItemFailures'] as const));
      if (c.maximumRetryAttempts !== undefined) u.maximumRetryAttempts = c.maximumRetryAttempts === -1 ? -1 : p.number(at('maximumRetryAttempts'), c.maximumRetryAttempts, { int: true, min: 0, max: 10_000 });
      if (c.maximumRecordAgeMs !== undefined) u.maximumRecordAgeMs = c.maximumRecordAgeMs === -1 ? -1 : p.number(at('maximumRecordAgeMs'), c.maximumRecordAgeMs, { int: true, min: 60_000, max: 604_800_000 });
      if (c.bisectBatchOnFunctionError !== undefined) { if (typeof c.bisectBatchOnFunctionError === 'boolean') u.bisectBatchOnFunctionError = c.bisectBatchOnFunctionError; else p.add(at('bisectBatchOnFunctionError'), 'must be true or false'); }
      return { ...base, action, name, ...u };
    }
  }
}
