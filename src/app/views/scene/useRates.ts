import { useRef } from 'react';
import type { FrameView } from '../../../core';

type Sample = { t: number; c: Record<string, number> };
const WINDOW_MS = 1000; // rates over the last simulated second

/**
 * Cumulative counts of requests that have travelled each arrow by the moment drawn. The
 * core decides a request's path when it arrives, so a count taken at admission would run
 * ahead of the picture (a burst at Counting already "flowing" to the microVMs): requests
 * still short of an arrow (by their stage now) are taken off its count.
 */
function counters(f: FrameView): Record<string, number> {
  const c = f.scene.counters, g = f.scene.stages;
  const arrived = c.received - g.future;
  const counted = arrived - g.frontend - g.rejected;         // reached Counting (②)
  const assigned = counted - c.throttled - g.counting;       // granted, reached Assignment (③)
  const coldOnWay = g.placement + g.capacity + g.boot + g.code + g.init;
  return {
    invoke: arrived, count: counted, assign: assigned, place: c.placed, onWorker: c.placed,
    payload: Math.max(0, assigned - c.placed - g.placement),  // warm: straight to an idle microVM (⑤)
    response: Math.max(0, assigned - coldOnWay - g.payload - g.invoke), answer: arrived - g.frontend - g.counting - coldOnWay - g.payload - g.invoke,
    throttle: c.throttled, event: c.accepted, '202': c.accepted, enqueue: c.accepted, dlq: f.scene.dlq.deadLettered + f.scene.dlq.dropped,
  };
}

/**
 * Requests per simulated second along each arrow, from the change in cumulative counts over
 * the last simulated second of frames. A jump (seek, step back) starts the window over.
 */
export function useRates(frame: FrameView | null): Record<string, number> {
  const samples = useRef<Sample[]>([]);
  if (!frame) return {};
  const s = samples.current;
  const last = s[s.length - 1];
  if (last && (frame.timeMs < last.t || frame.timeMs - last.t > 5 * WINDOW_MS)) s.length = 0;
  if (!last || frame.timeMs > last.t) s.push({ t: frame.timeMs, c: counters(frame) });
  while (s.length > 2 && (s[1].t <= frame.timeMs - WINDOW_MS || s.length > 240)) s.shift();
  if (s.length < 2) return {};
  const a = s[0], b = s[s.length - 1];
  const dt = (b.t - a.t) / 1000;
  if (dt < 0.2) return {}; // in slow motion a rate over a few ms means nothing: no flows
  const out: Record<string, number> = {};
  for (const k of Object.keys(b.c)) out[k] = Math.max(0, (b.c[k] - a.c[k]) / dt);
  return out;
}
