import type { InvocationView } from '../../core';

export interface Phase { key: string; from: number; to: number }

/**
 * When the answer left for the caller (absolute ms), or NaN while none has: after the
 * handler, or — for a 429, 4xx, 5xx or DryRun answered early — at the decision itself
 * (the core sends early answers `responseOverheadMs` before they arrive).
 */
export function responseStartMs(inv: InvocationView): number {
  if (!Number.isNaN(inv.invokeEndMs)) return inv.invokeEndMs;
  if (!Number.isNaN(inv.respondedMs)) return inv.respondedMs - inv.responseOverheadMs;
  return NaN;
}

/**
 * The phases of one invocation as {key, from, to}, in ms since its arrival (or since its event
 * became visible on the queue), clipped to `nowMs`. Only phases the request reached: nothing
 * after its answer left (a 429 shows Frontend + Counting, then its response — no Assignment),
 * and a phase with no end yet only while the request is still on its way.
 */
export function phasesOf(inv: InvocationView, nowMs: number): Phase[] {
  const t0 = Number.isNaN(inv.queuedSinceMs) ? inv.receivedMs : inv.queuedSinceMs;
  const answered = responseStartMs(inv);
  const stop = Number.isNaN(answered) ? nowMs : Math.min(answered, nowMs);
  const out: Phase[] = [];
  // Every moment the record knows: a phase that started but never ended (an Init that failed)
  // lasted until the next thing that happened.
  const known = [inv.receivedMs, inv.countedMs, inv.assignedMs, inv.placedMs, inv.microvmReadyMs, inv.codeReadyMs, inv.extensionInitEndMs,
    inv.runtimeInitEndMs, inv.functionInitEndMs, inv.restoreEndMs, inv.invokeStartMs, inv.invokeEndMs, answered].filter((t) => !Number.isNaN(t));
  const nextAfter = (a: number) => Math.min(stop, ...known.filter((t) => t > a));
  let open = false; // a phase still running has been drawn: later ones were not reached yet
  const add = (key: string, a: number, b: number) => {
    if (open || Number.isNaN(a) || a > stop || (a === stop && !Number.isNaN(answered))) return;
    let end: number;
    if (!Number.isNaN(b)) end = Math.min(b, stop);
    else if (!Number.isNaN(answered)) end = nextAfter(a);
    else { end = stop; open = true; }
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
  if (!Number.isNaN(answered) && answered <= nowMs) {
    const end = Number.isNaN(inv.respondedMs) ? nowMs : Math.min(inv.respondedMs, nowMs);
    if (end >= answered) out.push({ key: 'response', from: answered - t0, to: end - t0 });
  }
  return out;
}
