import type { FunctionRuntime } from '../model/functionRuntime';
import type { ColdReason } from '../model/records';
import type { Simulation } from '../simulation';

/**
 * Why did this request need a new environment? Assignment found no idle environment of
 * this version, and the state of the function says which of these it was:
 * every existing one was busy or still initializing; or the last idle one had been
 * reclaimed (keep-alive expiry, worker lease); or none had ever existed.
 */
export function coldReason(_sim: Simulation, fn: FunctionRuntime): ColdReason {
  if (fn.busy + fn.initializing > 0) return { kind: 'all-busy', busy: fn.busy, initializing: fn.initializing };
  if (fn.lastReclaim) {
    const r = fn.lastReclaim;
    return { kind: 'reclaimed', env: r.env, atMs: r.atMs, idleSinceMs: r.idleSinceMs, cause: r.cause };
  }
  return { kind: 'first', detail: fn.placedEver === 0 ? 'first request to this version' : 'no environment of this version exists' };
}
