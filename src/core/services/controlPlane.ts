import { LOG } from '../logCodes';
import { reconfigure, type FunctionRuntime, type VersionRuntime } from '../model/functionRuntime';
import type { ControlPlaneCall } from '../scenario/faultTypes';
import type { FunctionConfig } from '../scenario/types';
import type { Simulation } from '../simulation';
import { retireEnvironment } from './environmentLifecycle';
import { allocateProvisioned } from './provisionedConcurrency';

export type ControlPlaneResult = { atMs: number; action: string; function: string; ok: boolean; message: string };

/**
 * The Lambda control plane (lambda-facts.md §7), with the AWS API names. Calls come from the
 * scenario's timeline or live from the page; each answers at once (ok, or the AWS error) and
 * asynchronous ones complete later with a `control.complete` event.
 */
export function callControlPlane(sim: Simulation, call: ControlPlaneCall): ControlPlaneResult {
  const result = apply(sim, call);
  const r = { atMs: sim.nowMs, action: call.action, function: call.function, ...result };
  sim.controlPlaneResults.push(r);
  if (!r.ok) sim.controlPlaneErrors++;
  if (sim.controlPlaneResults.length > 500) sim.controlPlaneResults.shift();
  sim.log.record(sim.nowMs, LOG.CONTROL_PLANE_CALL, sim.controlPlaneCalls++, r.ok ? 1 : 0, sim.fnByName.get(call.function)?.index ?? 0xffffffff);
  return r;
}

type Outcome = { ok: boolean; message: string };
const ok = (message: string): Outcome => ({ ok: true, message });
const err = (message: string): Outcome => ({ ok: false, message });

function apply(sim: Simulation, call: ControlPlaneCall): Outcome {
  const { platform } = sim.scenario;
  if (call.action === 'CreateFunction') {
    const existing = sim.fnByName.get(call.function);
    if (existing && existing.state !== 'Deleted') return err(`ResourceConflictException: function ${call.function} already exists`);
    const reserved = call.config.reservedConcurrency;
    if (reserved !== null && reservedElsewhere(sim, null) + reserved > reservable(sim)) return err(unreservedBelowMinimum(sim));
    const fn = sim.addFunction({ ...call.config, name: call.function }, 'Pending');
    sim.schedule(sim.nowMs + platform.createFunctionMs, { type: 'control.complete', fn: fn.index, ver: -1, operation: 'create', token: 0 });
    return ok('State: Pending');
  }
  const fn = sim.fnByName.get(call.function);
  if (!fn || fn.state === 'Deleted') return err(`ResourceNotFoundException: function not found: ${call.function}`);
  const latest = sim.versions[fn.versions.get('$LATEST')!];
  switch (call.action) {
    case 'UpdateFunctionCode':
    case 'UpdateFunctionConfiguration': {
      if (fn.state === 'Pending' || fn.lastUpdateStatus === 'InProgress') {
        return err(`ResourceConflictException: an update is in progress for ${fn.name}`);
      }
      fn.lastUpdateStatus = 'InProgress';
      sim.pendingConfig.set(fn.index, call.action === 'UpdateFunctionConfiguration' ? call.config : {});
      sim.schedule(sim.nowMs + platform.updateFunctionMs, { type: 'control.complete', fn: fn.index, ver: latest.id, operation: 'update', token: 0 });
      return ok('LastUpdateStatus: InProgress');
    }
    case 'PublishVersion': {
      if (fn.lastUpdateStatus === 'InProgress') return err(`ResourceConflictException: an update is in progress for ${fn.name}`);
      const v = publish(sim, fn, latest);
      return ok(`Version: ${v.qualifier}${v.snapStart ? ' (SnapStart: optimizing)' : ''}`);
    }
    case 'CreateAlias':
    case 'UpdateAlias': {
      if (call.action === 'CreateAlias' && fn.aliases.has(call.name)) return err(`ResourceConflictException: alias ${call.name} exists`);
      if (call.action === 'UpdateAlias' && !fn.aliases.has(call.name)) return err(`ResourceNotFoundException: alias ${call.name}`);
      for (const ver of [call.functionVersion, ...Object.keys(call.additionalVersionWeights)]) {
        if (!fn.versions.has(ver)) return err(`ResourceNotFoundException: version ${ver} of ${fn.name}`);
      }
      fn.aliases.set(call.name, { version: call.functionVersion, weights: { ...call.additionalVersionWeights } });
      return ok(`Alias ${call.name} → ${call.functionVersion}`);
    }
    case 'PutFunctionConcurrency':
    case 'DeleteFunctionConcurrency': {
      const value = call.action === 'PutFunctionConcurrency' ? call.reservedConcurrency : null;
      if (value !== null && reservedElsewhere(sim, fn) + value > reservable(sim)) return err(unreservedBelowMinimum(sim));
      const pc = provisionedOf(sim, fn);
      if (value !== null && value < pc) return err(`InvalidParameterValueException: ReservedConcurrentExecutions (${value}) is less than the function's provisioned concurrency (${pc})`);
      sim.counting.setReserved(fn, value);
      return ok(value === null ? 'reserved concurrency removed' : `ReservedConcurrentExecutions: ${value}`);
    }
    case 'PutProvisionedConcurrencyConfig':
    case 'DeleteProvisionedConcurrencyConfig': {
      if (call.qualifier === '$LATEST') return err('InvalidParameterValueException: provisioned concurrency is not supported on $LATEST');
      const alias = fn.aliases.get(call.qualifier);
      const id = fn.versions.get(alias ? alias.version : call.qualifier);
      if (id === undefined) return err(`ResourceNotFoundException: ${fn.name}:${call.qualifier}`);
      const v = sim.versions[id];
      const n = call.action === 'PutProvisionedConcurrencyConfig' ? call.provisionedConcurrentExecutions : 0;
      if (v.snapStart && n > 0) return err('InvalidParameterValueException: SnapStart cannot be used with provisioned concurrency');
      if (fn.cfg.reservedConcurrency !== null && n > fn.cfg.reservedConcurrency) {
        return err(`InvalidParameterValueException: provisioned concurrency (${n}) exceeds reserved concurrency (${fn.cfg.reservedConcurrency})`);
      }
      if (fn.cfg.reservedConcurrency === null && n > 0 && reservedElsewhere(sim, null) + unreservedProvisioned(sim, v.id) + n > reservable(sim)) {
        return err(`InvalidParameterValueException: requested provisioned concurrency (${n}) would leave less than the account's minimum of [${sim.scenario.account.unreservedMinimum}] unreserved concurrency`);
      }
      v.provisioned.requested = n;
      v.provisioned.status = n > 0 ? 'IN_PROGRESS' : null;
      sim.schedule(sim.nowMs + (n > 0 ? platform.provisionedAllocationDelayMs : 0), { type: 'control.complete', fn: fn.index, ver: v.id, operation: 'provision', token: 0 });
      return ok(n > 0 ? `Status: IN_PROGRESS (${n} environments)` : 'provisioned concurrency removed');
    }
    case 'PutFunctionEventInvokeConfig': {
      const a = fn.cfg.async;
      const next = {
        maximumRetryAttempts: call.maximumRetryAttempts ?? a.maximumRetryAttempts,
        maximumEventAgeMs: call.maximumEventAgeMs ?? a.maximumEventAgeMs,
        onFailure: call.onFailure ?? a.onFailure,
        onSuccess: call.onSuccess ?? a.onSuccess,
      };
      fn.cfg = { ...fn.cfg, async: next };
      latest.cfg = { ...latest.cfg, async: next };
      return ok(`MaximumRetryAttempts ${next.maximumRetryAttempts}, MaximumEventAgeInSeconds ${next.maximumEventAgeMs / 1000}`);
    }
    case 'DeleteFunction': {
      fn.state = 'Deleted';
      sim.counting.setReserved(fn, null);
      for (const id of fn.versions.values()) sim.versions[id].provisioned.requested = 0;
      for (const env of [...sim.environments.values()]) if (env.fn === fn.index) retireEnvironment(sim, env, 'function-deleted');
      sim.asyncQueue.dropFunction(fn.index);
      return ok('deleted');
    }
  }
}

/** Concurrency the account can set aside: its limit minus the unreserved minimum [DOC]. */
const reservable = (sim: Simulation) => sim.scenario.account.concurrencyLimit - sim.scenario.account.unreservedMinimum;

/** Reservations of every live function but `except`. */
function reservedElsewhere(sim: Simulation, except: FunctionRuntime | null): number {
  let sum = 0;
  for (const f of sim.functions) if (f !== except && f.state !== 'Deleted') sum += f.cfg.reservedConcurrency ?? 0;
  return sum;
}

/** Provisioned concurrency requested on the versions of functions without a reservation, but version `except`. */
function unreservedProvisioned(sim: Simulation, except: number): number {
  let sum = 0;
  for (const v of sim.versions) {
    const f = sim.functions[v.fn];
    if (v.id !== except && f.state !== 'Deleted' && f.cfg.reservedConcurrency === null) sum += v.provisioned.requested;
  }
  return sum;
}

function provisionedOf(sim: Simulation, fn: FunctionRuntime): number {
  let sum = 0;
  for (const id of fn.versions.values()) sum += sim.versions[id].provisioned.requested;
  return sum;
}

const unreservedBelowMinimum = (sim: Simulation) =>
  `InvalidParameterValueException: specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${sim.scenario.account.unreservedMinimum}]`;

function publish(sim: Simulation, fn: FunctionRuntime, latest: VersionRuntime): VersionRuntime {
  const qualifier = String(fn.nextVersion++);
  const v = sim.addVersion(fn, qualifier, latest.cfg);
  if (v.snapStart) {
    // Init runs once at publish, then the snapshot is taken; the version is usable after that [DOC].
    v.pending = true;
    sim.schedule(sim.nowMs + sim.scenario.platform.snapStartPublishMs, { type: 'control.complete', fn: fn.index, ver: v.id, operation: 'publish', token: 0 });
  }
  return v;
}

/** An asynchronous control-plane operation finishes. */
export function completeControlPlane(sim: Simulation, fnIndex: number, ver: number, operation: 'create' | 'update' | 'publish' | 'provision'): void {
  const fn = sim.functions[fnIndex];
  if (fn.state === 'Deleted') return;
  switch (operation) {
    case 'create':
      fn.state = 'Active';
      return;
    case 'publish':
      sim.versions[ver].pending = false;
      return;
    case 'provision':
      allocateProvisioned(sim, sim.versions[ver]);
      return;
    case 'update': {
      const v = sim.versions[ver];
      const patch = sim.pendingConfig.get(fnIndex) ?? {};
      sim.pendingConfig.delete(fnIndex);
      fn.lastUpdateStatus = 'Successful';
      // Only the new code runs from now on: reap every environment of the old revision.
      v.revision++;
      v.updatedAtMs = sim.nowMs;
      for (const env of [...sim.environments.values()]) if (env.ver === v.id && env.revision !== v.revision) retireEnvironment(sim, env, 'code-update');
      const cfg: FunctionConfig = { ...v.cfg, ...patch, name: fn.name };
      reconfigure(v, cfg);
      fn.cfg = { ...cfg, reservedConcurrency: fn.cfg.reservedConcurrency, async: fn.cfg.async };
      return;
    }
  }
}
