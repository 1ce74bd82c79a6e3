import type { SimContext } from '../context';
import type { Fault } from '../scenario/faultTypes';
import type { FaultState } from '../model/simState';

/**
 * What the active fault windows mean for the services they affect, read from
 * `SimState.faults` (faults.ts starts and ends them). Reads only.
 */
export function createFaults(): FaultState {
  return { history: [], active: new Set(), outages: 0, losses: [] };
}

export function activeFaults(f: FaultState): (Fault & { index: number })[] {
  return [...f.active].map((i) => f.history[i]);
}

/** Whether the Frontend Invoke service is unavailable to clients right now. */
export function invokeOutage(f: FaultState): boolean {
  return f.outages > 0;
}

/** When the current outage ends (the latest end among active outages). */
export function outageEndMs(f: FaultState, nowMs: number): number {
  let end = nowMs; // nothing active: now
  for (const i of f.active) {
    const x = f.history[i];
    if (x.type === 'invoke-outage') end = Math.max(end, x.toMs);
  }
  return end;
}

/** How many times slower a poller's receive is right now (1 = normal). */
export function pollerSlowdown(f: FaultState): number {
  let factor = 1;
  for (const i of f.active) {
    const x = f.history[i];
    if (x.type === 'slow-pollers') factor = Math.max(factor, x.factor);
  }
  return factor;
}

/** Probability that an Init of function `fn` throws right now. */
export function initFailureRate(ctx: SimContext, fn: number): number {
  const f = ctx.state.faults;
  let rate = 0;
  for (const i of f.active) {
    const x = f.history[i];
    if (x.type === 'init-failure' && (x.function === null || ctx.functionNamed(x.function)?.index === fn)) rate = Math.max(rate, x.rate);
  }
  return rate;
}
