import type { Invocation } from './model/records';

/**
 * Where a request is at a moment, read from its own phase timestamps. The core decides a
 * request's path when it arrives and lays the hop latencies on its timeline; views (and the
 * scene's counters) must show what has happened by the moment drawn, never what is already
 * decided for later. This is the one definition of that, shared by the core and the page.
 *
 * - frontend  [receivedMs, countedMs)   the Frontend Invoke service, asking Counting
 * - counting  [countedMs, assignedMs)   Counting granted a unit; asking Assignment
 * - placement [assignedMs, placedMs)    cold: no idle environment, Placement picks a worker
 * - capacity  [placedMs, bootStart)     the pool was empty: waiting for a microVM-creation slot
 * - boot      [bootStart, microvmReady) the microVM boots
 * - code      [microvmReady, codeReady) the code (or snapshot) reaches the worker
 * - init      [codeReady, invokeStart)  Init (extension, runtime, function) or SnapStart Restore
 * - payload   [assignedMs, invokeStart) warm: the payload goes from the Frontend to the microVM
 * - invoke    [invokeStart, invokeEnd)  the handler runs
 * - response  [end, respondedMs)        the answer goes back to the caller
 * - throttled [countedMs, respondedMs)  429 on its way back
 * - rejected  [receivedMs, respondedMs) 4xx, 204 (DryRun) or 5xx straight from the Frontend
 */
export type RequestStage =
  | 'future' | 'frontend' | 'counting' | 'placement' | 'capacity' | 'boot' | 'code' | 'init'
  | 'payload' | 'invoke' | 'response' | 'throttled' | 'rejected' | 'done';

export const REQUEST_STAGES: readonly RequestStage[] = ['future', 'frontend', 'counting', 'placement', 'capacity', 'boot', 'code', 'init', 'payload', 'invoke', 'response', 'throttled', 'rejected', 'done'];

export interface StageAt { stage: RequestStage; fromMs: number; toMs: number }

type Timed = Pick<Invocation, 'state' | 'cold' | 'receivedMs' | 'countedMs' | 'assignedMs' | 'placedMs' | 'microvmBootStartMs' | 'microvmReadyMs' | 'codeReadyMs' | 'invokeStartMs' | 'invokeEndMs' | 'respondedMs' | 'responseOverheadMs' | 'throttleReason'>;

const FINAL = new Set(['Succeeded', 'FunctionError', 'TimedOut', 'Throttled', 'Rejected', 'DryRunSucceeded', 'ServiceError']);
const known = (x: number) => !Number.isNaN(x);

/** The stage of `inv` at `nowMs`, with the stage's time span (toMs may be Infinity while unknown). */
export function requestStage(inv: Timed, nowMs: number): StageAt {
  if (nowMs < inv.receivedMs) return { stage: 'future', fromMs: -Infinity, toMs: inv.receivedMs };
  const final = FINAL.has(inv.state);
  if (final && nowMs >= inv.respondedMs) return { stage: 'done', fromMs: inv.respondedMs, toMs: Infinity };
  // The moment the outcome was decided: the response (or the 429, the 4xx) leaves then.
  const endMs = final ? inv.respondedMs - inv.responseOverheadMs : Infinity;
  if (inv.state === 'Throttled') {
    return nowMs < inv.countedMs ? { stage: 'frontend', fromMs: inv.receivedMs, toMs: inv.countedMs } : { stage: 'throttled', fromMs: inv.countedMs, toMs: inv.respondedMs };
  }
  if (!known(inv.countedMs)) return { stage: 'rejected', fromMs: inv.receivedMs, toMs: final ? inv.respondedMs : Infinity };
  if (nowMs >= endMs) return { stage: 'response', fromMs: endMs, toMs: inv.respondedMs };
  const seg = (stage: RequestStage, a: number, b: number): StageAt | null => (known(a) && nowMs >= a && (!known(b) || nowMs < b) ? { stage, fromMs: a, toMs: known(b) ? Math.min(b, endMs) : endMs } : null);
  const start = inv.invokeStartMs;
  const early =
    seg('frontend', inv.receivedMs, inv.countedMs) ??
    seg('counting', inv.countedMs, inv.assignedMs);
  if (early) return early;
  if (inv.cold) {
    const bootStart = known(inv.microvmBootStartMs) ? inv.microvmBootStartMs : inv.microvmReadyMs;
    const cold =
      seg('placement', inv.assignedMs, inv.placedMs) ??
      (bootStart > inv.placedMs ? seg('capacity', inv.placedMs, bootStart) : null) ??
      (inv.microvmReadyMs > bootStart ? seg('boot', bootStart, inv.microvmReadyMs) : null) ??
      seg('code', inv.microvmReadyMs, inv.codeReadyMs) ??
      seg('init', inv.codeReadyMs, start);
    if (cold) return cold;
  } else {
    const warm = seg('payload', inv.assignedMs, start);
    if (warm) return warm;
  }
  if (known(start) && nowMs >= start) return { stage: 'invoke', fromMs: start, toMs: known(inv.invokeEndMs) ? inv.invokeEndMs : endMs };
  // Timestamps not laid yet (an Init still running whose end is not known): still initializing.
  return { stage: inv.cold ? 'init' : 'payload', fromMs: inv.cold ? inv.codeReadyMs : inv.assignedMs, toMs: Infinity };
}
