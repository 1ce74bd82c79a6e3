import { Problems, join } from './check';
import { CONTROL_PLANE_ACTIONS, type ControlPlaneCall, type Fault } from './faultTypes';
import { LIMITS } from './limits';
import { FUNCTION_NAME, FUNCTION_NAME_RULE, parseFunction, reservableConcurrency, reservableWhy, type AccountLimits } from './parseFunction';
import { unknownNameRule } from './suggest';
import type { AccountConfig, FunctionConfig } from './types';
import { parseEventSourceCall, type EventSourceCallContext } from './parseEventSourceCalls';

/** What a control-plane call is checked against: the account, and the functions known so far. */
export interface TimelineContext {
  account: AccountLimits;
  /** Several accounts (`accounts`): a created function's own account's limits apply. */
  accounts?: readonly AccountConfig[];
  /** Functions defined or created so far; a CreateFunction adds its name. */
  known: Set<string>;
  /** Event sources defined or created so far, and the functions' configurations (for the mapping calls). */
  esm?: EventSourceCallContext;
}

/**
 * Validates `controlPlane` (AWS API calls on the run's timeline, camelCased parameters). A
 * call must name a function defined in `functions` or created by an earlier CreateFunction,
 * so calls are checked in time order.
 */
export function parseControlPlane(p: Problems, raw: unknown[], functionNames: Set<string>, account: AccountLimits | readonly AccountConfig[], esm?: EventSourceCallContext): ControlPlaneCall[] {
  const out: ControlPlaneCall[] = [];
  const accounts = Array.isArray(account) ? (account as readonly AccountConfig[]) : undefined;
  const ctx: TimelineContext = { account: accounts ? accounts[0] : (account as AccountLimits), accounts, known: new Set(functionNames), esm };
  const sorted = raw.map((c, i) => ({ c, i })).sort((a, b) => atOf(a.c) - atOf(b.c) || a.i - b.i);
  for (const { c, i } of sorted) {
    const call = parseControlPlaneCall(p, join('controlPlane', i), c, ctx, false);
    if (call) out.push(call as ControlPlaneCall);
  }
  return out;
}

/**
 * One control-plane call: from the scenario's timeline (`live` false: with `atMs`) or live
 * from the page or the page API (`live` true: no `atMs`, it happens now). The same rules and
 * the same messages either way; only the path differs.
 */
export function parseControlPlaneCall(p: Problems, path: string, c: unknown, ctx: TimelineContext, live: boolean): ControlPlaneCall | Omit<ControlPlaneCall, 'atMs'> | null {
  if (!p.isObject(path, c)) return null;
  const atMs = live ? 0 : p.number(join(path, 'atMs'), c.atMs, { min: 0, max: LIMITS.timeMs });
  // Sixteen action names do not fit one message: name the closest ones instead of listing them all.
  const known = (CONTROL_PLANE_ACTIONS as readonly unknown[]).includes(c.action);
  if (!known) p.add(join(path, 'action'), c.action === undefined ? 'is required (a control-plane action, e.g. UpdateFunctionCode)' : () => unknownNameRule('must be a control-plane action', String(c.action), CONTROL_PLANE_ACTIONS));
  const action = known ? c.action as (typeof CONTROL_PLANE_ACTIONS)[number] : CONTROL_PLANE_ACTIONS[0];
  const fn = action === 'CreateFunction'
    ? p.string(join(path, 'function'), c.function, FUNCTION_NAME, FUNCTION_NAME_RULE)
    : p.string(join(path, 'function'), c.function);
  const base = live ? { function: fn } : { atMs, function: fn };
  const keys = (...extra: string[]) => p.unknownKeys(path, c, [...(live ? [] : ['atMs']), 'action', 'function', ...extra]);
  const knownFns = ctx.known;
  if (action !== 'CreateFunction' && typeof c.function === 'string' && !knownFns.has(fn)) {
    p.add(join(path, 'function'), () => unknownNameRule('must name a function defined in "functions" or created earlier', fn, knownFns));
  }
  const reservable = reservableConcurrency(ctx.account);
  const why = reservableWhy(ctx.account);
  switch (action) {
    case 'CreateFunction': {
      keys('config');
      const cfgPath = join(path, 'config');
      if (c.config !== undefined && !p.isObject(cfgPath, c.config)) return null;
      const cfg = parseFunction(p, cfgPath, { ...(c.config as object | undefined), name: fn }, ctx.accounts ?? ctx.account);
      if (cfg && cfg.provisionedConcurrency > 0) p.add(join(cfgPath, 'provisionedConcurrency'), 'cannot be set by CreateFunction: publish a version and call PutProvisionedConcurrencyConfig');
      if (fn && knownFns.size >= LIMITS.functions && !knownFns.has(fn)) p.add(join(path, 'function'), `would make more than ${LIMITS.functions} functions, the maximum`);
      if (fn) knownFns.add(fn);
      if (cfg && ctx.esm) (ctx.esm.functions as Map<string, FunctionConfig>).set(fn, cfg);
      return cfg ? { ...base, action, config: cfg } : null;
    }
    case 'UpdateFunctionCode':
    case 'PublishVersion':
    case 'DeleteFunctionConcurrency':
    case 'DeleteFunction':
      keys();
      return { ...base, action };
    case 'UpdateFunctionConfiguration': {
      keys('config');
      const cfgPath = join(path, 'config');
      if (!p.isObject(cfgPath, c.config)) return null;
      // Validate the patch by parsing it as a whole function, then keep only the given fields.
      const probe = new Problems();
      const full = parseFunction(probe, cfgPath, { ...c.config, name: 'patch' }, ctx.accounts ?? ctx.account);
      p.addAll(probe);
      for (const k of ['name', 'reservedConcurrency', 'provisionedConcurrency', 'async', 'recursiveLoop']) {
        if (k in c.config) p.add(join(cfgPath, k), 'cannot be changed by UpdateFunctionConfiguration');
      }
      // Tenant isolation "cannot be modified after function creation" [DOC TenancyConfig]; the owner account is fixed.
      for (const k of ['tenancyConfig', 'account']) {
        if (k in c.config) p.add(join(cfgPath, k), 'cannot be changed after the function is created');
      }
      if (!full) return null;
      const patch: Partial<FunctionConfig> = {};
      for (const k of Object.keys(c.config) as (keyof FunctionConfig)[]) if (k in full && k !== 'name') (patch as Record<string, unknown>)[k] = full[k];
      return { ...base, action, config: patch };
    }
    case 'CreateAlias':
    case 'UpdateAlias': {
      keys('name', 'functionVersion', 'additionalVersionWeights');
      const functionVersion = p.string(join(path, 'functionVersion'), c.functionVersion, /^(\$LATEST|[0-9]{1,9})$/, 'must be $LATEST or a version number');
      return {
        ...base, action,
        name: p.string(join(path, 'name'), c.name, ALIAS_NAME, `must be 1 to ${LIMITS.aliasNameChars} letters, digits, - or _, and not only digits`),
        functionVersion,
        additionalVersionWeights: parseWeights(p, join(path, 'additionalVersionWeights'), c.additionalVersionWeights, functionVersion),
      };
    }
    case 'PutFunctionConcurrency':
      keys('reservedConcurrency');
      return { ...base, action, reservedConcurrency: p.number(join(path, 'reservedConcurrency'), c.reservedConcurrency, { int: true, min: 0, max: reservable, why }) };
    case 'PutProvisionedConcurrencyConfig':
      keys('qualifier', 'provisionedConcurrentExecutions');
      return {
        ...base, action, qualifier: p.string(join(path, 'qualifier'), c.qualifier, QUALIFIER, QUALIFIER_RULE),
        provisionedConcurrentExecutions: p.number(join(path, 'provisionedConcurrentExecutions'), c.provisionedConcurrentExecutions, { int: true, min: 1, max: Math.max(1, reservable), why }),
      };
    case 'DeleteProvisionedConcurrencyConfig':
      keys('qualifier');
      return { ...base, action, qualifier: p.string(join(path, 'qualifier'), c.qualifier, QUALIFIER, QUALIFIER_RULE) };
    case 'PutFunctionEventInvokeConfig':
      keys('maximumRetryAttempts', 'maximumEventAgeMs', 'onFailure', 'onSuccess');
      return {
        ...base, action,
        maximumRetryAttempts: c.maximumRetryAttempts === undefined ? undefined : p.number(join(path, 'maximumRetryAttempts'), c.maximumRetryAttempts, { int: true, min: 0, max: 2 }),
        maximumEventAgeMs: c.maximumEventAgeMs === undefined ? undefined : p.number(join(path, 'maximumEventAgeMs'), c.maximumEventAgeMs, { int: true, min: 60_000, max: 21_600_000 }),
        onFailure: c.onFailure === undefined ? undefined : p.oneOf(join(path, 'onFailure'), c.onFailure, ['dlq', 'destination', 'none'] as const),
        onSuccess: c.onSuccess === undefined ? undefined : p.oneOf(join(path, 'onSuccess'), c.onSuccess, ['destination', 'none'] as const),
      };
    case 'CreateEventSourceMapping':
    case 'UpdateEventSourceMapping':
    case 'DeleteEventSourceMapping':
    case 'PutFunctionRecursionConfig':
      return parseEventSourceCall(p, path, c, base, action, ctx.esm ?? { functions: new Map(), names: new Set() }, keys);
  }
}

const ALIAS_NAME = new RegExp(`^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,${LIMITS.aliasNameChars}}$`);
/** A version number, $LATEST, or an alias name. */
const QUALIFIER = new RegExp(`^(\\$LATEST|[0-9]{1,9}|[a-zA-Z0-9-_]{1,${LIMITS.aliasNameChars}})$`);
const QUALIFIER_RULE = `must be a version number, $LATEST or an alias name (1 to ${LIMITS.aliasNameChars} letters, digits, - or _)`;

/**
 * An alias's routing configuration [DOC]: at most one additional version, a published
 * version number other than the alias's own, with a weight from 0 to 1. A weighted alias
 * cannot point at $LATEST.
 */
function parseWeights(p: Problems, path: string, v: unknown, functionVersion: string): Record<string, number> {
  const weights: Record<string, number> = {};
  if (v === undefined || !p.isObject(path, v)) return weights;
  const entries = Object.keys(v);
  if (entries.length > 1) p.add(path, `has ${entries.length} versions: an alias routes to at most one additional version`);
  let sum = 0;
  for (const ver of entries.slice(0, 10)) {
    const w = p.number(join(path, ver), v[ver], { min: 0, max: 1 });
    if (!/^[0-9]{1,9}$/.test(ver)) p.add(join(path, ver), 'must be a published version number (not $LATEST or an alias)');
    else if (ver === functionVersion) p.add(join(path, ver), `must differ from functionVersion (${functionVersion})`);
    weights[ver] = w;
    sum += w;
  }
  if (sum > 1) p.add(path, `weights add up to ${sum}, more than 1`);
  if (entries.length && functionVersion === '$LATEST') p.add(path, 'cannot be used with functionVersion $LATEST: a weighted alias routes between published versions');
  return weights;
}

const atOf = (c: unknown) => (typeof c === 'object' && c && typeof (c as { atMs?: unknown }).atMs === 'number' ? (c as { atMs: number }).atMs : 0);

/** Validates `faults`: injected faults on the run's timeline (see faultTypes.ts). */
export function parseFaults(p: Problems, raw: unknown[], functionNames: ReadonlySet<string>): Fault[] {
  const out: Fault[] = [];
  raw.forEach((f, i) => {
    const fault = parseFault(p, join('faults', i), f, functionNames);
    if (fault) out.push(fault);
  });
  return out;
}

/** One fault, from the scenario or injected live: the same rules either way. */
export function parseFault(p: Problems, path: string, f: unknown, functionNames: ReadonlySet<string>): Fault | null {
  if (!p.isObject(path, f)) return null;
  const type = p.oneOf(join(path, 'type'), f.type, ['worker-failure', 'invoke-outage', 'slow-pollers', 'init-failure'] as const);
  const time = { min: 0, max: LIMITS.timeMs };
  const window = () => {
    const fromMs = p.number(join(path, 'fromMs'), f.fromMs, { ...time, def: type === 'init-failure' ? 0 : undefined });
    const toMs = p.number(join(path, 'toMs'), f.toMs, { ...time, def: type === 'init-failure' ? Number.MAX_SAFE_INTEGER : undefined });
    if (toMs <= fromMs) p.add(join(path, 'toMs'), `must be after fromMs (${fromMs})`);
    return { fromMs, toMs };
  };
  switch (type) {
    case 'worker-failure': {
      p.unknownKeys(path, f, ['type', 'atMs', 'worker']);
      const worker = f.worker === undefined || f.worker === 'any' ? 'any' : p.number(join(path, 'worker'), f.worker, { int: true, min: 1, max: Number.MAX_SAFE_INTEGER });
      return { type, atMs: p.number(join(path, 'atMs'), f.atMs, time), worker };
    }
    case 'invoke-outage':
      p.unknownKeys(path, f, ['type', 'fromMs', 'toMs']);
      return { type, ...window() };
    case 'slow-pollers':
      p.unknownKeys(path, f, ['type', 'fromMs', 'toMs', 'factor']);
      return { type, ...window(), factor: p.number(join(path, 'factor'), f.factor, { min: 1, max: 10_000 }) };
    case 'init-failure': {
      p.unknownKeys(path, f, ['type', 'fromMs', 'toMs', 'function', 'rate']);
      const fn = f.function === undefined || f.function === null ? null : p.string(join(path, 'function'), f.function);
      if (fn !== null && typeof f.function === 'string' && !functionNames.has(fn)) p.add(join(path, 'function'), () => unknownNameRule('must name a function in "functions"', fn, functionNames));
      return { type, ...window(), function: fn, rate: p.number(join(path, 'rate'), f.rate, { min: 0, max: 1 }) };
    }
  }
}
