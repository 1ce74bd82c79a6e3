import type { InvocationView } from '../../core';

/** The phases of one invocation as [key, fromMs, toMs], relative to its arrival, clipped to now. */
export function phasesOf(inv: InvocationView, nowMs: number): { key: string; from: number; to: number }[] {
  // Async attempts start when the event became visible on the queue: the wait is a phase too.
  const t0 = Number.isNaN(inv.queuedSinceMs) ? inv.receivedMs : inv.queuedSinceMs;
  const out: { key: string; from: number; to: number }[] = [];
  const add = (key: string, a: number, b: number) => {
    if (Number.isNaN(a) || a > nowMs) return;
    const end = Number.isNaN(b) ? nowMs : Math.min(b, nowMs);
    if (end >= a) out.push({ key, from: a - t0, to: end - t0 });
  };
  if (!Number.isNaN(inv.queuedSinceMs)) add('queuewait', inv.queuedSinceMs, inv.receivedMs);
  add('frontend', inv.receivedMs, inv.countedMs);
  add('assignment', inv.countedMs, inv.assignedMs);
  if (inv.cold) {
    add('placement', inv.assignedMs, inv.placedMs);
    add('microvm', inv.placedMs, inv.microvmReadyMs);
    add('code', inv.microvmReadyMs, inv.codeReadyMs);
    if (inv.restored) add('restore', inv.codeReadyMs, inv.restoreEndMs);
    else {
      add('extension', inv.codeReadyMs, inv.extensionInitEndMs);
      add('runtime', inv.extensionInitEndMs, inv.runtimeInitEndMs);
      add('function', inv.runtimeInitEndMs, inv.functionInitEndMs);
    }
  } else if (!Number.isNaN(inv.invokeStartMs)) {
    add('queue', inv.assignedMs, inv.invokeStartMs);
  }
  add('invoke', inv.invokeStartMs, inv.invokeEndMs);
  add('response', Number.isNaN(inv.invokeEndMs) ? NaN : inv.invokeEndMs, inv.respondedMs);
  return out;
}
