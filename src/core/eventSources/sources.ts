import type { SimContext } from '../context';
import { deepFreeze } from '../engine/plainCopy';
import { LOG } from '../logCodes';
import { isStream, type EventSourceConfig } from './config';
import { MAPPING_TRANSITION_MS } from './constants';
import { MAPPING_STATE_CODES, type MappingState } from './mappingMachine';
import { partitionCount, startProducer } from './producer';
import { createSlab, emptyList } from './slab';
import { initialTarget } from './sqsScaling';
import { newCounters, type SourceState } from './state';

/**
 * Adds a queue or stream with its producer and its mapping. From the scenario it exists
 * from the start, Enabled (or Disabled); from CreateEventSourceMapping it starts Creating.
 * Each source draws from its own named random streams (`eventSource:<name>:…`), so adding
 * a source never changes another's draws.
 */
export function addSource(ctx: SimContext, cfg: EventSourceConfig, created: boolean): SourceState {
  const s = ctx.state, es = s.eventSources, now = s.nowMs;
  const n = partitionCount(cfg), fifo = cfg.type === 'sqs-fifo', stream = isStream(cfg.type);
  const name = (what: string) => ctx.stream(`eventSource:${cfg.name}:${what}`);
  const src: SourceState = {
    index: es.sources.length, cfg: deepFreeze(cfg, 'eventSource'), pendingCfg: null,
    state: created ? 'Creating' : cfg.enabled ? 'Enabled' : 'Disabled', token: 0, createdAtMs: now,
    slab: createSlab(), future: emptyList(), horizonMs: now, nextArrivalMs: Infinity,
    arrival: { cursor: 0, stream: name('arrivals') },
    rng: { keys: name('keys'), poison: name('poison'), receive: name('receive') },
    pool: emptyList(), parts: Array.from({ length: n }, emptyList),
    partLock: new Int32Array(n), partSeq: new Uint32Array(n), partDone: new Uint32Array(n),
    ready: [], readyHead: 0, inReady: new Uint8Array(fifo ? n : 0),
    laneRetries: new Int32Array(stream ? n : 0), laneNextSize: new Int32Array(stream ? n : 0),
    laneSince: new Float64Array(stream ? n : 0).fill(-1), laneSegments: new Map(),
    target: 0, receiving: 0, gathering: 0, gatherClaim: 0, invoking: 0, backoff: 0,
    errorsSinceTick: 0, throttlesSinceTick: 0, emptySinceMs: -1, wakeEpoch: 0, wakeAtMs: -1,
    vtQueue: [], vtHead: 0, vtTimerMs: -1, vtEpoch: 0,
    peakConcurrency: 0, counters: newCounters(), orderViolations: 0,
  };
  es.sources.push(src);
  if (!stream) src.target = initialTarget(src);
  startProducer(ctx, src);
  recordState(ctx, src);
  if (created) ctx.schedule(now + MAPPING_TRANSITION_MS, { type: 'esm', kind: 'control', id: src.index, epoch: src.token });
  ctx.schedule(now, { type: 'esm', kind: 'tick', id: src.index, epoch: 0 });
  return src;
}

export function recordState(ctx: SimContext, src: SourceState): void {
  ctx.record(LOG.ESM_STATE, src.index, MAPPING_STATE_CODES.indexOf(src.state), 0);
}

export function setMappingState(ctx: SimContext, src: SourceState, to: MappingState): void {
  src.state = to;
  recordState(ctx, src);
}

/** A source by its queue or stream name (the newest, if one was deleted and created again). */
export function sourceNamed(ctx: SimContext, name: string): SourceState | undefined {
  const all = ctx.state.eventSources.sources;
  for (let i = all.length - 1; i >= 0; i--) if (all[i].cfg.name === name) return all[i];
  return undefined;
}
