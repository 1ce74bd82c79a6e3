import type { Invocation } from '../model/records';

/**
 * An invocation's phases as back-to-back intervals (absolute ms), for exports: the request's
 * hops through the Frontend (queue wait for Event attempts, Frontend → Counting →
 * Assignment, to the worker, the response) and the environment's side (placement, microVM,
 * code, the three Init sub-phases or Restore, Invoke). Phases that did not happen are left
 * out; each interval starts where the previous one ended, so they nest in their parent.
 */
export interface Phase { name: string; startMs: number; endMs: number }

function chain(points: [string, number][], startMs: number): Phase[] {
  const out: Phase[] = [];
  let t = startMs;
  for (const [name, end] of points) {
    if (!Number.isFinite(end) || end < t) continue;
    if (end > t) out.push({ name, startMs: t, endMs: end });
    t = end;
  }
  return out;
}

export function invocationPhases(inv: Invocation): { request: Phase[]; environment: Phase[] } {
  const queued = Number.isNaN(inv.queuedSinceMs) ? inv.receivedMs : inv.queuedSinceMs;
  const envEnd = Number.isFinite(inv.invokeEndMs) ? inv.invokeEndMs : NaN;
  const request = chain([
    ['queued', inv.receivedMs],
    ['Frontend + Counting', inv.countedMs],
    ['Assignment', inv.assignedMs],
    ['on a worker', envEnd],
    ['response', inv.respondedMs],
  ], Math.min(queued, inv.receivedMs));
  if (!inv.env) return { request, environment: [] };
  const cold = inv.cold && Number.isFinite(inv.placedMs);
  const environment = cold
    ? chain([
      ['Placement', inv.placedMs],
      ['microVM', inv.microvmReadyMs],
      ['code', inv.codeReadyMs],
      ...(inv.restored ? [['Restore', inv.restoreEndMs]] as [string, number][] : [
        ['Extension init', inv.extensionInitEndMs], ['Runtime init', inv.runtimeInitEndMs], ['Function init', inv.functionInitEndMs],
      ] as [string, number][]),
      ['waiting', inv.invokeStartMs],
      ['Invoke', envEnd],
    ], inv.assignedMs)
    : chain([['Invoke', envEnd]], inv.invokeStartMs);
  return { request, environment };
}
