import { copyPlain, deepFreeze, type CopySize } from './engine/plainCopy';
import { STATE_VERSION, type SimState } from './model/simState';
import { Simulation, type SimulationOptions } from './simulation';

/**
 * Explicit, versioned snapshots of a simulation (tldraw's model): plain data that survives
 * `structuredClone`, `postMessage` or IndexedDB, from which `restore` rebuilds a Simulation
 * that continues exactly as the original would — same events, same event-log hash.
 */
export interface Snapshot {
  format: 'lambdascope-snapshot';
  version: typeof STATE_VERSION;
  /** What the copy holds (frozen parts shared with the simulation are not counted): for memory budgets. */
  size: CopySize;
  state: SimState;
}

/** What the restored simulation's host adds: observers, which are never part of the state. */
export type RestoreOptions = Pick<SimulationOptions, 'onInvocationDone'>;

/**
 * A copy of the simulation's whole state. Throws, naming the path, if the state holds anything
 * that is not plain data (a function, a class instance), and if the event log is hashed by an
 * injected hasher (node:crypto), whose state is not data.
 *
 * @example
 * const s = snapshot(sim);
 * const again = restore(structuredClone(s)); // continues exactly like `sim`
 */
export function snapshot(sim: Simulation): Snapshot {
  if (sim.state.log.hashing === 'external') {
    throw new Error('snapshot: this simulation hashes its event log with an injected hasher (node:crypto), whose state is not data; create it without `hasher` to snapshot it');
  }
  const size: CopySize = { objects: 0, bytes: 0 };
  const state = copyPlain(sim.state, 'state', size);
  return { format: 'lambdascope-snapshot', version: STATE_VERSION, size, state };
}

/**
 * A simulation that continues from the snapshot's moment. The snapshot is copied, not taken
 * over: it can be restored again. Throws on a snapshot of another format or version, or one
 * that is not plain data.
 */
export function restore(snap: Snapshot, options: RestoreOptions = {}): Simulation {
  checkEnvelope(snap);
  const state = copyPlain(snap.state, 'state', undefined, true);
  refreeze(state);
  return new Simulation(state.scenario, { onInvocationDone: options.onInvocationDone }, state);
}

function checkEnvelope(snap: Snapshot): void {
  const s = snap as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object' || s.format !== 'lambdascope-snapshot') throw new Error('restore: not a Lambdascope snapshot (format must be "lambdascope-snapshot")');
  if (s.version !== STATE_VERSION) throw new Error(`restore: snapshot version ${String(s.version)} is not supported (this build reads version ${STATE_VERSION})`);
  const st = s.state as Partial<SimState> | undefined;
  if (!st || st.version !== STATE_VERSION || typeof st.nowMs !== 'number' || !st.scenario || !st.queue || !st.log) throw new Error('restore: the snapshot has no complete simulation state');
}

/**
 * A structured clone does not keep `Object.freeze`: freeze again what the core treats as
 * immutable, so later snapshots share it instead of copying it.
 */
function refreeze(s: SimState): void {
  if (Object.isFrozen(s.scenario)) return; // straight from a snapshot copy: still frozen
  deepFreeze(s.scenario, 'state.scenario');
  deepFreeze(s.platformSample, 'state.platformSample');
  for (const fn of s.functions) deepFreeze(fn.cfg, 'state.functions[].cfg');
  for (const v of s.versions) {
    deepFreeze(v.cfg, 'state.versions[].cfg');
    deepFreeze(v.sample, 'state.versions[].sample');
  }
  for (const f of s.faults.history) deepFreeze(f, 'state.faults.history[]');
  for (const r of s.controlPlaneResults) deepFreeze(r, 'state.controlPlaneResults[]');
  for (const cfg of s.pendingConfig.values()) deepFreeze(cfg, 'state.pendingConfig');
  if (s.live.current) deepFreeze(s.live.current.entry, 'state.live.current.entry');
  for (const src of s.eventSources.sources) {
    deepFreeze(src.cfg, 'state.eventSources.sources[].cfg');
    if (src.pendingCfg) deepFreeze(src.pendingCfg, 'state.eventSources.sources[].pendingCfg');
  }
}
