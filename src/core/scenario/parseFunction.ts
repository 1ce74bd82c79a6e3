import { Problems, join } from './check';
import { parseDist } from './parseDist';
import { RUNTIMES } from './runtimes';
import { DEFAULT_ACCOUNT_ID, SCALE_FUNCTION_KEYS, parseScaleFunctionFields } from './parseScale';
import type { FunctionConfig } from './types';

const FUNCTION_KEYS = [
  'name', 'runtime', 'memoryMb', 'timeoutMs', 'package', 'durationMs', 'initMs', 'keepAliveMs',
  'routing', 'errorRate', 'reservedConcurrency', 'provisionedConcurrency', 'extensions', 'async', 'snapStart',
  ...SCALE_FUNCTION_KEYS,
] as const;

/** Runtimes SnapStart supports: Java 11+, Python 3.12+, .NET 8+ [DOC]. */
const SNAPSTART_RUNTIMES = ['java21', 'java25', 'python3.12', 'python3.13', 'python3.14', 'dotnet8', 'dotnet10'];

/** Lambda's function-name rule for the short name form: 1–64 of letters, digits, - and _. */
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function parseFunction(p: Problems, path: string, v: unknown, accountIds: readonly string[] = [DEFAULT_ACCOUNT_ID]): FunctionConfig | null {
  if (!p.isObject(path, v)) return null;
  p.unknownKeys(path, v, FUNCTION_KEYS);
  const name = p.string(join(path, 'name'), v.name, NAME, 'must be 1 to 64 letters, digits, hyphens or underscores');
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
  const reservedConcurrency = reserved === undefined || reserved === null
    ? null
    : p.number(join(path, 'reservedConcurrency'), reserved, { int: true, min: 0 });
  const provisionedConcurrency = p.number(join(path, 'provisionedConcurrency'), v.provisionedConcurrency, { int: true, min: 0, def: 0 });
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
    timeoutMs: p.number(join(path, 'timeoutMs'), v.timeoutMs, { int: true, min: 1000, max: 900_000, def: 3000 }),
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
  };
}
