import type { FrameView } from '../../../core';
import type { SceneLayout } from './layout';

/**
 * With an event source mapping on screen, the async row shows the customer's queue or stream
 * in the internal queue's place and the mapping's pollers in the poller fleet's: the arrows
 * of Event invocations (Ⓐ into the Frontend, the 202, Ⓑ into the internal queue) would say
 * the queue is fed by the Frontend, so they go while no Event invocation is in the picture.
 * Ⓒ (a batch received), Ⓓ (the pollers invoke through the sync path) and Ⓔ (to the DLQ or
 * the on-failure destination) mean the same for a mapping and stay.
 */
const EVENT_ONLY = new Set(['event', '202', 'enqueue']);
const cache = new WeakMap<SceneLayout, SceneLayout>();

export function eventSourceMode(frame: FrameView): boolean {
  return (frame.eventSources?.length ?? 0) > 0 && frame.scene.queue.depth === 0 && frame.summary.async.accepted === 0;
}

export function withEventSources(L: SceneLayout, on: boolean): SceneLayout {
  if (!on) return L;
  let out = cache.get(L);
  // The mapping is one part: its arrows light and dim with it.
  const part = (p: string) => (p === 'queue' || p === 'pollers' || p === 'dlq' ? 'event-source' : p);
  if (!out) cache.set(L, (out = { ...L, arrows: L.arrows.filter((a) => !EVENT_ONLY.has(a.id)).map((a) => ({ ...a, parts: [...new Set(a.parts.map(part))] })) }));
  return out;
}
