import type { SimContext } from '../context';
import type { SimEvent } from '../events';
import { isStream } from './config';
import { onMappingTransitionDone } from './mappingControl';
import { onBatchTimer, onReceive, onSqsTick, onVisibilityTimer, onWake } from './sqsPollers';
import { onStreamBatchTimer, onStreamTick } from './streamLanes';

export type EsmEvent = Extract<SimEvent, { type: 'esm' }>;

/** Every `esm` event reaches its handler from here (the Simulation's dispatcher calls it). */
export function onEventSourceEvent(ctx: SimContext, ev: EsmEvent): void {
  const es = ctx.state.eventSources;
  switch (ev.kind) {
    case 'tick': {
      const src = es.sources[ev.id];
      return isStream(src.cfg.type) ? onStreamTick(ctx, src) : onSqsTick(ctx, src);
    }
    case 'wake': return onWake(ctx, es.sources[ev.id], ev.epoch);
    case 'receive': return onReceive(ctx, es.sources[ev.id]);
    case 'control': return onMappingTransitionDone(ctx, es.sources[ev.id], ev.epoch);
    case 'visibility': return onVisibilityTimer(ctx, es.sources[ev.id], ev.epoch);
    case 'invoke': {
      const b = es.batches.get(ev.id);
      if (!b) return; // finished already
      const src = es.sources[b.source];
      return isStream(src.cfg.type) ? onStreamBatchTimer(ctx, src, b, ev.epoch) : onBatchTimer(ctx, src, b, ev.epoch);
    }
  }
}
