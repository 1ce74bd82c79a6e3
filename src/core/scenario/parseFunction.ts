import { Problems, join } from './check';
import { LIMITS } from './limits';
import { parseDist } from './parseDist';
import { RUNTIMES } from './runtimes';
import { DEFAULT_ACCOUNT_ID, SCALE_FUNCTION_KEYS, parseScaleFunctionFields } from './parseScale';
import type { AccountConfig } from './types';
import type { FunctionConfig } from './types';

const FUNCTION_KEYS = [
  'name', 'runtime', 'memoryMb', 'timeoutMs', 'package', 'durationMs', 'initMs', 'keepAliveMs',
  'routing', 'errorRate', 'reservedConcurrency', 'provisionedConcurrency', 'extensions', 'async', 'snapStart', 'recursiveLoop',
  ...SCALE_FUNCTION_KEYS,
] as const;

/** Runtimes SnapStart supports: Java 11+, Python 3.12+, .NET 8+ [DOC]. */
const SNAPSTART_RUNTIMES = ['java21', 'java25', 'python3.12', 'python3.13', 'python3.14', 'dotnet8', 'dotnet10'];

/** Lambda's function-name rule for the short name form: 1–64 of letters, digits, - and _. */
export const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const FUNCTION_NAME_RULE = `must be 1 to ${LIMITS.functionNameChars} letters, digits, hyphens or underscores`;

/** What a function's limits are checked against: the account's reservable concurrency. */
export interface AccountLimits { concurrencyLimit: number; unreservedMinimum: number }

/**
 * Validates one function. Reserved and provisioned concurrency are each bounded by what the
 * account can set aside (its limit minus the unreserved minimum); their sum over functions
 * is checked by the caller. With several accounts (`accounts`), the function's own account's.
 */
export function parseFunction(p: Problems, path: string, v: unknown, accounts: AccountLimits | readonly AccountConfig[]): FunctionConfig | null {
  if (!p.isObject(path, v)) return null;
  const list = Array.isArray(accounts) ? (accounts as readonly AccountConfig[]) : null;
  const account: AccountLimits = list ? list.find((a) => a.id === v.account) ?? list[0] : (accounts as AccountLimits);
  const accountIds = list ? list.map((a) => a.id) : [DEFAULT_ACCOUNT_ID];
  p.unknownKeys(path, v, FUNCTION_KEYS);
  const name = p.string(join(path, 'name'), v.name, FUNCTION_NAME, FUNCTION_NAME_RULE);
  const runtime = p.oneOf(join(path, 'runtime'), v.runtime, Object.keys(RUNTIMES), 'nodejs20.x');
  const pkgPath = join(path, 'package');
  let pkg: FunctionConfig['package'] = { type: 'zip', sizeMb: 5 };
  if (v.package !== undefined && p.isObject(pkgPath, v.package)) {
    p.unknownKeys(pkgPath, v.package, ['type', 'sizeMb']);
    const type = p.oneOf(join(pkgPath, 'type'), v.package.type, ['zip', 'image'] as const, 'zip');
    // 250 MB unzipped for zip (incl. layers), 10 GB for images [DOC limits].
    const max = type === 'zip' ? 250 : 10240;
    pkg = { type, sizeMb: p.number(join(pkgPath, 'sizeMb'), v.package.sizeMb, { min: 0, max, def: type === 'zip' ? 5 : 900 }) };
  }
  const a = v.async;
  const asyncPath = join(path, 'async');
  let asyncCfg: FunctionConfig['async'] = { maximumRetryAttempts: 2, maximumEventAgeMs: 21_600_000, onFailure: 'none', onSuccess: 'none' };
  if (a !== undefined && p.isObject(asyncPath, a)) {
    p.unknownKeys(asyncPath, a, ['maximumRetryAttempts', 'maximumEventAgeMs', 'onFailure', 'onSuccess']);
    asyncCfg = {
      maximumRetryAttempts: p.number(join(asyncPath, 'maximumRetryAttempts'), a.maximumRetryAttempts, { int: true, min: 0, max: 2, def: 2 }),
      maximumEventAgeMs: p.number(join(asyncPath, 'maximumEventAgeMs'), a.maximumEventAgeMs, { int: true, min: 60_000, max: 21_600_000, def: 21_600_000 }),
      onFailure: p.oneOf(join(asyncPath, 'onFailure'), a.onFailure, ['dlq', 'destination', 'none'] as const, 'none'),
      onSuccess: p.oneOf(join(asyncPath, 'onSuccess'), a.onSuccess, ['destination', 'none'] as const, 'none'),
    };
  }
  const reserved = v.reservedConcurrency;
  const reservable = reservableConcurrency(account);
  const idx = list ? list.indexOf(account as AccountConfig) : -1;
  const why = list && list.length > 1
    ? `accounts[${idx}].concurrencyLimit ${account.concurrencyLimit} minus accounts[${idx}].unreservedMinimum ${account.unreservedMinimum}`
    : reservableWhy(account);
  const reservedConcurrency = reserved === undefined || reserved === null
    ? null
    : p.number(join(path, 'reservedConcurrency'), reserved, { int: true, min: 0, max: reservable, why });
  const provisionedConcurrency = p.number(join(path, 'provisionedConcurrency'), v.provisionedConcurrency, { int: true, min: 0, max: reservable, def: 0, why });
  const snapStart = v.snapStart === undefined ? false : v.snapStart === true ? true : v.snapStart === false ? false : (p.add(join(path, 'snapStart'), 'must be true or false'), false);
  if (snapStart && !SNAPSTART_RUNTIMES.includes(runtime)) p.add(join(path, 'snapStart'), `is not supported for ${runtime} (Java 11+, Python 3.12+, .NET 8+ only)`);
  if (snapStart && provisionedConcurrency > 0) p.add(join(path, 'snapStart'), 'cannot be combined with provisionedConcurrency');
  if (reservedConcurrency !== null && provisionedConcurrency > reservedConcurrency) {
    p.add(join(path, 'provisionedConcurrency'), `must not exceed reservedConcurrency (${reservedConcurrency})`);
  }
  return {
    name,
    runtime,
    memoryMb: p.number(join(path, 'memoryMb'), v.memoryMb, { int: true, min: 128, max: 10240, def: 128 }),
    timeoutMs: p.number(join(path, 'timeoutMs'), v.timeoutMs, { int: true, min: 1000, max: LIMITS.timeoutMs, def: 3000, multipleOf: 1000, why: 'whole seconds, as AWS sets it' }),
    package: pkg,
    durationMs: parseDist(p, join(path, 'durationMs'), v.durationMs, { dist: 'lognormal', median: 40, sigma: 0.5 }),
    initMs: v.initMs === undefined ? null : parseDist(p, join(path, 'initMs'), v.initMs),
    keepAliveMs: parseDist(p, join(path, 'keepAliveMs'), v.keepAliveMs, { dist: 'constant', value: 600_000 }),
    routing: p.oneOf(join(path, 'routing'), v.routing, ['mru', 'newest', 'oldest', 'random'] as const, 'mru'),
    errorRate: p.number(join(path, 'errorRate'), v.errorRate, { min: 0, max: 1, def: 0 }),
    reservedConcurrency,
    provisionedConcurrency,
    extensions: p.number(join(path, 'extensions'), v.extensions, { int: true, min: 0, max: 10, def: 0 }),
    snapStart,
    async: asyncCfg,
    ...parseScaleFunctionFields(p, path, v, accountIds, { snapStart, provisionedConcurrency }),
    recursiveLoop: p.oneOf(join(path, 'recursiveLoop'), v.recursiveLoop, ['Terminate', 'Allow'] as const, 'Terminate'),
  };
}

/** Concurrency an account can reserve or provision: its limit minus the unreserved minimum [DOC]. */
export function reservableConcurrency(a: AccountLimits): number {
  return a.concurrencyLimit - a.unreservedMinimum;
}

export function reservableWhy(a: AccountLimits): string {
  return `account.concurrencyLimit ${a.concurrencyLimit} minus account.unreservedMinimum ${a.unreservedMinimum}`;
}
