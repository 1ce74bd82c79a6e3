import type { SimContext } from '../context';
import { deepFreeze } from '../engine/plainCopy';
import { LOG } from '../logCodes';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { ControlPlaneResult, SimState } from '../model/simState';
import type { ControlPlaneCall } from '../scenario/faultTypes';
import type { FunctionConfig } from '../scenario/types';
import { dropFunctionEvents } from './asyncQueue';
import { setReserved } from './counting';
import { retireEnvironment } from './environmentLifecycle';
import { addFunction, addVersion, reconfigure } from './functions';
import { allocateProvisioned } from './provisionedAllocation';
import { meterProvisionedChange, meterSnapshotCached, meterSnapshotDeleted } from '../cost/meter';
import { SNAPSHOT_CREATE_REASON } from './throttleReasons';
import { applyEventSourceCall, isEventSourceCall } from '../eventSources/mappingControl';

/**
 * The Lambda control plane (lambda-facts.md §7), with the AWS API names. Calls come from the
 * scenario's timeline or live from the page; each answers at once (ok, or the AWS error) and
 * asynchronous ones complete later with a `control.complete` event.
 */
export function callControlPlane(ctx: SimContext, call: ControlPlaneCall): ControlPlaneResult {
  const s = ctx.state;
  const result = apply(ctx, call);
  const r = deepFreeze({ atMs: s.nowMs, action: call.action, function: call.function, ...result });
  s.controlPlaneResults.push(r);
  if (!r.ok) s.controlPlaneErrors++;
  if (s.controlPlaneResults.length > 500) s.controlPlaneResults.shift();
  ctx.record(LOG.CONTROL_PLANE_CALL, s.controlPlaneCalls++, r.ok ? 1 : 0, ctx.functionNamed(call.function)?.index ?? 0xffffffff);
  return r;
}

type Outcome = { ok: boolean; message: string };
const ok = (message: string): Outcome => ({ ok: true, message });
const err = (message: string): Outcome => ({ ok: false, message });

function apply(ctx: SimContext, call: ControlPlaneCall): Outcome {
  if (isEventSourceCall(call)) return applyEventSourceCall(ctx, call);
  const s = ctx.state;
  const { platform } = s.scenario;
  if (call.action === 'CreateFunction') {
    const existing = ctx.functionNamed(call.function);
    if (existing && existing.state !== 'Deleted') return err(`ResourceConflictException: function ${call.function} already exists`);
    const reserved = call.config.reservedConcurrency;
    const account = Math.max(0, s.scenario.accounts.findIndex((a) => a.id === call.config.account));
    if (reserved !== null && reservedElsewhere(s, null, account) + reserved > reservable(s, account)) return err(unreservedBelowMinimum(s, account));
    const fn = addFunction(ctx, { ...call.config, name: call.function }, 'Pending');
    ctx.schedule(s.nowMs + platform.createFunctionMs, { type: 'control.complete', fn: fn.index, ver: -1, operation: 'create', token: 0 });
    return ok('State: Pending');
  }
  const fn = ctx.functionNamed(call.function);
  if (!fn || fn.state === 'Deleted') return err(`ResourceNotFoundException: function not found: ${call.function}`);
  const latest = s.versions[fn.versions.get('$LATEST')!];
  switch (call.action) {
    case 'UpdateFunctionCode':
    case 'UpdateFunctionConfiguration': {
      if (fn.state === 'Pending' || fn.lastUpdateStatus === 'InProgress') {
        return err(`ResourceConflictException: an update is in progress for ${fn.name}`);
      }
      fn.lastUpdateStatus = 'InProgress';
      s.pendingConfig.set(fn.index, deepFreeze(call.action === 'UpdateFunctionConfiguration' ? call.config : {}));
      ctx.schedule(s.nowMs + platform.updateFunctionMs, { type: 'control.complete', fn: fn.index, ver: latest.id, operation: 'update', token: 0 });
      return ok('LastUpdateStatus: InProgress');
    }
    case 'PublishVersion': {
      if (fn.lastUpdateStatus === 'InProgress') return err(`ResourceConflictException: an update is in progress for ${fn.name}`);
      if (latest.cfg.snapStart && s.snapshotCreations[fn.account] >= platform.concurrentSnapshotCreations) {
        // Too many SnapStart snapshots being created at once in this account [INF: the limit is unpublished].
        s.metrics.throttleReasons[SNAPSHOT_CREATE_REASON] = (s.metrics.throttleReasons[SNAPSHOT_CREATE_REASON] ?? 0) + 1;
        ctx.record(LOG.CONTROL_PLANE_THROTTLED, s.controlPlaneCalls, fn.index, 0);
        return err(`TooManyRequestsException (${SNAPSHOT_CREATE_REASON}): ${platform.concurrentSnapshotCreations} SnapStart snapshots are already being created in this account`);
      }
      const v = publish(ctx, fn, latest);
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
      // Reservations are per account: only this function's account's other functions count.
      if (value !== null && reservedElsewhere(s, fn, fn.account) + value > reservable(s, fn.account)) return err(unreservedBelowMinimum(s, fn.account));
      const pc = provisionedOf(s, fn);
      if (value !== null && value < pc) return err(`InvalidParameterValueException: ReservedConcurrentExecutions (${value}) is less than the function's provisioned concurrency (${pc})`);
      setReserved(s, fn, value);
      return ok(value === null ? 'reserved concurrency removed' : `ReservedConcurrentExecutions: ${value}`);
    }
    case 'PutProvisionedConcurrencyConfig':
    case 'DeleteProvisionedConcurrencyConfig': {
      if (call.qualifier === '$LATEST') return err('InvalidParameterValueException: provisioned concurrency is not supported on $LATEST');
      const alias = fn.aliases.get(call.qualifier);
      const id = fn.versions.get(alias ? alias.version : call.qualifier);
      if (id === undefined) return err(`ResourceNotFoundException: ${fn.name}:${call.qualifier}`);
      const v = s.versions[id];
      const n = call.action === 'PutProvisionedConcurrencyConfig' ? call.provisionedConcurrentExecutions : 0;
      if (v.snapStart && n > 0) return err('InvalidParameterValueException: SnapStart cannot be used with provisioned concurrency');
      if (fn.cfg.tenantIsolationMode !== null && n > 0) return err('InvalidParameterValueException: provisioned concurrency is not supported with tenant isolation');
      if (fn.cfg.reservedConcurrency !== null && n > fn.cfg.reservedConcurrency) {
        return err(`InvalidParameterValueException: provisioned concurrency (${n}) exceeds reserved concurrency (${fn.cfg.reservedConcurrency})`);
      }
      if (fn.cfg.reservedConcurrency === null && n > 0 && reservedElsewhere(s, null, fn.account) + unreservedProvisioned(s, v.id, fn.account) + n > reservable(s, fn.account)) {
        return err(`InvalidParameterValueException: requested provisioned concurrency (${n}) would leave less than the account's minimum of [${s.scenario.accounts[fn.account].unreservedMinimum}] unreserved concurrency`);
      }
      v.provisioned.requested = n;
      v.provisioned.status = n > 0 ? 'IN_PROGRESS' : null;
      meterProvisionedChange(v, n, s.nowMs); // billed from enabling to disabling [DOC pricing]
      ctx.schedule(s.nowMs + (n > 0 ? platform.provisionedAllocationDelayMs : 0), { type: 'control.complete', fn: fn.index, ver: v.id, operation: 'provision', token: 0 });
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
      fn.cfg = deepFreeze({ ...fn.cfg, async: next });
      latest.cfg = deepFreeze({ ...latest.cfg, async: next });
      return ok(`MaximumRetryAttempts ${next.maximumRetryAttempts}, MaximumEventAgeInSeconds ${next.maximumEventAgeMs / 1000}`);
    }
    case 'DeleteFunction': {
      fn.state = 'Deleted';
      setReserved(s, fn, null);
      for (const id of fn.versions.values()) {
        const v = s.versions[id];
        if (v.provisioned.requested > 0) meterProvisionedChange(v, 0, s.nowMs);
        v.provisioned.requested = 0;
        meterSnapshotDeleted(v, s.nowMs);
        if (v.pending && v.snapStart) s.snapshotCreations[fn.account]--;
      }
      for (const env of [...s.environments.values()]) if (env.fn === fn.index) retireEnvironment(ctx, env, 'function-deleted');
      dropFunctionEvents(ctx, fn.index);
      return ok('deleted');
    }
  }
}

/** Concurrency the account can set aside: its limit minus the unreserved minimum [DOC]. */
/** Concurrency account `a` can set aside: its limit minus its unreserved minimum [DOC]. */
const reservable = (s: SimState, a: number) => s.scenario.accounts[a].concurrencyLimit - s.scenario.accounts[a].unreservedMinimum;

/** Reservations of every live function but `except`. */
function reservedElsewhere(s: SimState, except: FunctionRuntime | null, account: number): number {
  let sum = 0;
  for (const f of s.functions) if (f !== except && f.account === account && f.state !== 'Deleted') sum += f.cfg.reservedConcurrency ?? 0;
  return sum;
}

/** Provisioned concurrency requested on the versions of functions without a reservation, but version `except`. */
function unreservedProvisioned(s: SimState, except: number, account: number): number {
  let sum = 0;
  for (const v of s.versions) {
    const f = s.functions[v.fn];
    if (v.id !== except && f.account === account && f.state !== 'Deleted' && f.cfg.reservedConcurrency === null) sum += v.provisioned.requested;
  }
  return sum;
}

function provisionedOf(s: SimState, fn: FunctionRuntime): number {
  let sum = 0;
  for (const id of fn.versions.values()) sum += s.versions[id].provisioned.requested;
  return sum;
}

const unreservedBelowMinimum = (s: SimState, account: number) =>
  `InvalidParameterValueException: specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${s.scenario.accounts[account].unreservedMinimum}]`;

function publish(ctx: SimContext, fn: FunctionRuntime, latest: VersionRuntime): VersionRuntime {
  const qualifier = String(fn.nextVersion++);
  const v = addVersion(ctx, fn, qualifier, latest.cfg);
  if (v.snapStart) {
    // Init runs once at publish, then the snapshot is taken; the version is usable after that [DOC].
    v.pending = true;
    ctx.state.snapshotCreations[fn.account]++;
    ctx.schedule(ctx.state.nowMs + ctx.state.scenario.platform.snapStartPublishMs, { type: 'control.complete', fn: fn.index, ver: v.id, operation: 'publish', token: 0 });
  }
  return v;
}

/** An asynchronous control-plane operation finishes. */
export function completeControlPlane(ctx: SimContext, fnIndex: number, ver: number, operation: 'create' | 'update' | 'publish' | 'provision'): void {
  const s = ctx.state;
  const fn = s.functions[fnIndex];
  if (fn.state === 'Deleted') return;
  switch (operation) {
    case 'create':
      fn.state = 'Active';
      return;
    case 'publish':
      s.versions[ver].pending = false;
      s.snapshotCreations[fn.account]--;
      meterSnapshotCached(s.versions[ver], s.nowMs); // the snapshot is cached from now on (Python and .NET: billed)
      return;
    case 'provision':
      allocateProvisioned(ctx, s.versions[ver]);
      return;
    case 'update': {
      const v = s.versions[ver];
      const patch = s.pendingConfig.get(fnIndex) ?? {};
      s.pendingConfig.delete(fnIndex);
      fn.lastUpdateStatus = 'Successful';
      // Only the new code runs from now on: reap every environment of the old revision.
      v.revision++;
      v.updatedAtMs = s.nowMs;
      for (const env of [...s.environments.values()]) if (env.ver === v.id && env.revision !== v.revision) retireEnvironment(ctx, env, 'code-update');
      const cfg: FunctionConfig = { ...v.cfg, ...patch, name: fn.name };
      reconfigure(v, cfg);
      fn.cfg = deepFreeze({ ...cfg, reservedConcurrency: fn.cfg.reservedConcurrency, async: fn.cfg.async });
      return;
    }
  }
}
