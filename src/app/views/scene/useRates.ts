import { useRef } from 'react';
import type { FrameView } from '../../../core';

type Sample = { t: number; c: Record<string, number> };
const WINDOW_MS = 1000; // rates over the last simulated second

/** Cumulative counts behind each arrow's flow. */
function counters(f: FrameView): Record<string, number> {
  const c = f.scene.counters;
  const passed = c.received - c.throttled;
  return {
    invoke: c.received, count: c.received, assign: passed, place: c.placed, onWorker: c.placed,
    payload: Math.max(0, passed - c.placed), response: passed, answer: c.received, throttle: c.throttled,
    event: c.accepted, '202': c.accepted, enqueue: c.accepted, dlq: f.scene.dlq.deadLettered + f.scene.dlq.dropped,
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
