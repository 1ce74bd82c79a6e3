import { Problems, join } from './check';
import { CONTROL_PLANE_ACTIONS, type ControlPlaneCall, type Fault } from './faultTypes';
import { parseFunction } from './parseFunction';
import type { FunctionConfig } from './types';

/**
 * Validates `controlPlane` (AWS API calls on the run's timeline, camelCased parameters) and
 * `faults`. A call must name a function defined in `functions` or created by an earlier
 * CreateFunction.
 */
export function parseControlPlane(p: Problems, raw: unknown[], functionNames: Set<string>, accountIds?: readonly string[]): ControlPlaneCall[] {
  const out: ControlPlaneCall[] = [];
  const known = new Set(functionNames);
  const sorted = raw.map((c, i) => ({ c, i })).sort((a, b) => atOf(a.c) - atOf(b.c) || a.i - b.i);
  for (const { c, i } of sorted) {
    const path = join('controlPlane', i);
    if (!p.isObject(path, c)) continue;
    const atMs = p.number(join(path, 'atMs'), c.atMs, { min: 0 });
    const action = p.oneOf(join(path, 'action'), c.action, CONTROL_PLANE_ACTIONS);
    const fn = p.string(join(path, 'function'), c.function);
    const base = { atMs, function: fn };
    const keys = (...extra: string[]) => p.unknownKeys(path, c, ['atMs', 'action', 'function', ...extra]);
    if (action !== 'CreateFunction' && typeof c.function === 'string' && !known.has(fn)) {
      p.add(join(path, 'function'), `must name a function defined in "functions" or created earlier (${[...known].join(', ')})`);
    }
    switch (action) {
      case 'CreateFunction': {
        keys('config');
        const cfg = parseFunction(p, join(path, 'config'), { ...(c.config as object ?? {}), name: fn }, accountIds);
        known.add(fn);
        if (cfg) out.push({ ...base, action, config: cfg });
        break;
      }
      case 'UpdateFunctionCode':
      case 'PublishVersion':
      case 'DeleteFunctionConcurrency':
      case 'DeleteFunction':
        keys();
        out.push({ ...base, action });
        break;
      case 'UpdateFunctionConfiguration': {
        keys('config');
        const cfgPath = join(path, 'config');
        if (!p.isObject(cfgPath, c.config)) break;
        // Validate the patch by parsing it as a whole function, then keep only the given fields.
        const probe = new Problems();
        const full = parseFunction(probe, cfgPath, { ...c.config, name: fn }, accountIds);
        for (const m of probe.list) p.add(m.slice(0, m.indexOf(':')), m.slice(m.indexOf(':') + 2));
        for (const k of ['name', 'reservedConcurrency', 'provisionedConcurrency', 'async']) {
          if (k in c.config) p.add(join(cfgPath, k), 'cannot be changed by UpdateFunctionConfiguration');
        }
        // Tenant isolation "cannot be modified after function creation" [DOC TenancyConfig]; the owner account is fixed.
        for (const k of ['tenancyConfig', 'account']) {
          if (k in c.config) p.add(join(cfgPath, k), 'cannot be changed after the function is created');
        }
        if (full) {
          const patch: Partial<FunctionConfig> = {};
          for (const k of Object.keys(c.config) as (keyof FunctionConfig)[]) (patch as Record<string, unknown>)[k] = full[k];
          out.push({ ...base, action, config: patch });
        }
        break;
      }
      case 'CreateAlias':
      case 'UpdateAlias': {
        keys('name', 'functionVersion', 'additionalVersionWeights');
        const weights: Record<string, number> = {};
        const wPath = join(path, 'additionalVersionWeights');
        if (c.additionalVersionWeights !== undefined && p.isObject(wPath, c.additionalVersionWeights)) {
          let sum = 0;
          for (const [ver, w] of Object.entries(c.additionalVersionWeights)) sum += weights[ver] = p.number(join(wPath, ver), w, { min: 0, max: 1 });
          if (sum > 1) p.add(wPath, `weights add up to ${sum}, more than 1`);
        }
        out.push({
          ...base, action,
          name: p.string(join(path, 'name'), c.name, /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/, 'must be 1 to 128 letters, digits, - or _, and not only digits'),
          functionVersion: p.string(join(path, 'functionVersion'), c.functionVersion, /^(\$LATEST|[0-9]+)$/, 'must be $LATEST or a version number'),
          additionalVersionWeights: weights,
        });
        break;
      }
      case 'PutFunctionConcurrency':
        keys('reservedConcurrency');
        out.push({ ...base, action, reservedConcurrency: p.number(join(path, 'reservedConcurrency'), c.reservedConcurrency, { int: true, min: 0 }) });
        break;
      case 'PutProvisionedConcurrencyConfig':
        keys('qualifier', 'provisionedConcurrentExecutions');
        out.push({
          ...base, action, qualifier: p.string(join(path, 'qualifier'), c.qualifier),
          provisionedConcurrentExecutions: p.number(join(path, 'provisionedConcurrentExecutions'), c.provisionedConcurrentExecutions, { int: true, min: 1 }),
        });
        break;
      case 'DeleteProvisionedConcurrencyConfig':
        keys('qualifier');
        out.push({ ...base, action, qualifier: p.string(join(path, 'qualifier'), c.qualifier) });
        break;
      case 'PutFunctionEventInvokeConfig':
        keys('maximumRetryAttempts', 'maximumEventAgeMs', 'onFailure', 'onSuccess');
        out.push({
          ...base, action,
          maximumRetryAttempts: c.maximumRetryAttempts === undefined ? undefined : p.number(join(path, 'maximumRetryAttempts'), c.maximumRetryAttempts, { int: true, min: 0, max: 2 }),
          maximumEventAgeMs: c.maximumEventAgeMs === undefined ? undefined : p.number(join(path, 'maximumEventAgeMs'), c.maximumEventAgeMs, { int: true, min: 60_000, max: 21_600_000 }),
          onFailure: c.onFailure === undefined ? undefined : p.oneOf(join(path, 'onFailure'), c.onFailure, ['dlq', 'destination', 'none'] as const),
          onSuccess: c.onSuccess === undefined ? undefined : p.oneOf(join(path, 'onSuccess'), c.onSuccess, ['destination', 'none'] as const),
        });
        break;
    }
  }
  return out;
}

const atOf = (c: unknown) => (typeof c === 'object' && c && typeof (c as { atMs?: unknown }).atMs === 'number' ? (c as { atMs: number }).atMs : 0);

export function parseFaults(p: Problems, raw: unknown[], functionNames: Set<string>): Fault[] {
  const out: Fault[] = [];
  raw.forEach((f, i) => {
    const path = join('faults', i);
    if (!p.isObject(path, f)) return;
    const type = p.oneOf(join(path, 'type'), f.type, ['worker-failure', 'invoke-outage', 'slow-pollers', 'init-failure'] as const);
    const window = () => {
      const fromMs = p.number(join(path, 'fromMs'), f.fromMs, { min: 0, def: type === 'init-failure' ? 0 : undefined });
      const toMs = p.number(join(path, 'toMs'), f.toMs, { min: 0, def: type === 'init-failure' ? Number.MAX_SAFE_INTEGER : undefined });
      if (toMs <= fromMs) p.add(join(path, 'toMs'), `must be after fromMs (${fromMs})`);
      return { fromMs, toMs };
    };
    switch (type) {
      case 'worker-failure': {
        p.unknownKeys(path, f, ['type', 'atMs', 'worker']);
        const worker = f.worker === undefined || f.worker === 'any' ? 'any' : p.number(join(path, 'worker'), f.worker, { int: true, min: 1 });
        out.push({ type, atMs: p.number(join(path, 'atMs'), f.atMs, { min: 0 }), worker });
        break;
      }
      case 'invoke-outage':
        p.unknownKeys(path, f, ['type', 'fromMs', 'toMs']);
        out.push({ type, ...window() });
        break;
      case 'slow-pollers':
        p.unknownKeys(path, f, ['type', 'fromMs', 'toMs', 'factor']);
        out.push({ type, ...window(), factor: p.number(join(path, 'factor'), f.factor, { min: 1, max: 10_000 }) });
        break;
      case 'init-failure': {
        p.unknownKeys(path, f, ['type', 'fromMs', 'toMs', 'function', 'rate']);
        const fn = f.function === undefined ? null : p.string(join(path, 'function'), f.function);
        if (fn !== null && !functionNames.has(fn)) p.add(join(path, 'function'), `must name a function in "functions" (${[...functionNames].join(', ')})`);
        out.push({ type, ...window(), function: fn, rate: p.number(join(path, 'rate'), f.rate, { min: 0, max: 1 }) });
        break;
      }
    }
  });
  return out;
}
