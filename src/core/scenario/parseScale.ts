import type { Dist } from '../engine/distributions';
import { Problems, join } from './check';
import { LIMITS } from './limits';
import type { AccountConfig, Architecture, CostConfig, FunctionConfig, TenantSpec } from './types';

/**
 * Validation of the scenario fields that describe Lambda at scale (issue #10): several
 * accounts on one fleet, the run's cost options, a function's architecture, CPU share,
 * account and tenant isolation, and the tenant ids a workload carries. Every problem names
 * its JSON path and the rule, like the rest of the validator.
 */

/** An account id: 1–64 letters, digits, hyphens or underscores (a 12-digit AWS account id fits). */
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A tenant id (X-Amz-Tenant-Id): 1–256 printable characters without spaces [INF: AWS does not publish the pattern]. */
export const TENANT_ID = /^[\x21-\x7e]{1,256}$/;
export const TENANT_ID_RULE = 'must be 1 to 256 printable characters without spaces';

/** The default account's id when a scenario has no `accounts`. */
export const DEFAULT_ACCOUNT_ID = 'default';

/** Default share of handler time that is CPU-bound [INF]: a typical handler waits on I/O for most of its time. */
export const DEFAULT_CPU_BOUND_FRACTION = 0.25;

export const SCALE_FUNCTION_KEYS = ['architecture', 'cpuBoundFraction', 'account', 'tenancyConfig'] as const;
export const SCALE_WORKLOAD_KEYS = ['tenantId', 'tenants'] as const;

/** One account's limits (the shape of the top-level `account`). */
export function parseAccountLimits(p: Problems, path: string, a: Record<string, unknown>, id: string): AccountConfig {
  const account: AccountConfig = { id, concurrencyLimit: 1000, unreservedMinimum: 100, scaling: { environments: 1000, perMs: 10_000 } };
  account.concurrencyLimit = p.number(join(path, 'concurrencyLimit'), a.concurrencyLimit, { int: true, min: 1, max: LIMITS.concurrencyLimit, def: 1000 });
  // The default minimum (100) cannot exceed a smaller limit: a 10-unit account keeps all 10 unreserved.
  account.unreservedMinimum = p.number(join(path, 'unreservedMinimum'), a.unreservedMinimum, { int: true, min: 0, max: account.concurrencyLimit, def: Math.min(100, account.concurrencyLimit) });
  if (a.scaling !== undefined && p.isObject(join(path, 'scaling'), a.scaling)) {
    const sp = join(path, 'scaling');
    p.unknownKeys(sp, a.scaling, ['environments', 'perMs']);
    account.scaling = {
      environments: p.number(join(sp, 'environments'), a.scaling.environments, { int: true, min: 1, max: LIMITS.concurrencyLimit, def: 1000 }),
      perMs: p.number(join(sp, 'perMs'), a.scaling.perMs, { min: 1, max: 86_400_000, def: 10_000 }),
    };
  }
  return account;
}

/**
 * `accounts` (several customers on one fleet) or the top-level `account` (the one account).
 * Returns every account; the first is the default for functions that name none.
 */
export function parseAccounts(p: Problems, single: unknown, many: unknown): AccountConfig[] {
  if (many === undefined) {
    if (single === undefined) return [parseAccountLimits(p, 'account', {}, DEFAULT_ACCOUNT_ID)];
    if (!p.isObject('account', single)) return [parseAccountLimits(p, 'account', {}, DEFAULT_ACCOUNT_ID)];
    p.unknownKeys('account', single, ['concurrencyLimit', 'unreservedMinimum', 'scaling']);
    return [parseAccountLimits(p, 'account', single, DEFAULT_ACCOUNT_ID)];
  }
  if (single !== undefined) p.add('account', 'cannot be combined with "accounts": give each account its limits in "accounts"');
  const list = p.array('accounts', many, undefined, LIMITS.accounts, 'accounts');
  if (Array.isArray(many) && list.length === 0) p.add('accounts', 'must list at least one account');
  const out: AccountConfig[] = [];
  list.forEach((a, i) => {
    const path = join('accounts', i);
    if (!p.isObject(path, a)) return;
    p.unknownKeys(path, a, ['id', 'concurrencyLimit', 'unreservedMinimum', 'scaling']);
    const id = p.string(join(path, 'id'), a.id, ACCOUNT_ID, 'must be 1 to 64 letters, digits, hyphens or underscores');
    if (id && out.some((o) => o.id === id)) p.add(join(path, 'id'), `must be unique ("${id}" is used twice)`);
    out.push(parseAccountLimits(p, path, a, id));
  });
  return out.length ? out : [parseAccountLimits(p, 'accounts', {}, DEFAULT_ACCOUNT_ID)];
}

/**
 * Reserved and provisioned concurrency per account: together at most the account's limit
 * minus its unreserved minimum [DOC] (provisioned concurrency counts against the reservation,
 * or against the unreserved pool).
 */
export function checkReservations(p: Problems, accounts: AccountConfig[], functions: FunctionConfig[]): void {
  const reserved = new Map<string, number>(), setAside = new Map<string, number>();
  for (const f of functions) {
    reserved.set(f.account, (reserved.get(f.account) ?? 0) + (f.reservedConcurrency ?? 0));
    setAside.set(f.account, (setAside.get(f.account) ?? 0) + Math.max(f.reservedConcurrency ?? 0, f.provisionedConcurrency));
  }
  accounts.forEach((a, i) => {
    const reservable = a.concurrencyLimit - a.unreservedMinimum;
    const where = accounts.length > 1 ? ` in account "${a.id}"` : '';
    const why = accounts.length > 1
      ? `accounts[${i}].concurrencyLimit ${a.concurrencyLimit} minus accounts[${i}].unreservedMinimum ${a.unreservedMinimum}`
      : `account.concurrencyLimit ${a.concurrencyLimit} minus account.unreservedMinimum ${a.unreservedMinimum}`;
    const r = reserved.get(a.id) ?? 0, s = setAside.get(a.id) ?? 0;
    if (r > reservable) p.add('functions', `reservedConcurrency adds up to ${r}${where}, but at most ${reservable} may be reserved (${why})`);
    else if (s > reservable) p.add('functions', `reserved and provisioned concurrency add up to ${s}${where}, but at most ${reservable} may be set aside (${why})`);
  });
}

/** The run's cost options: us-east-1 prices, the free tier off unless asked for. */
export function parseCost(p: Problems, v: unknown): CostConfig {
  const cost: CostConfig = { region: 'us-east-1', freeTier: false };
  if (v === undefined || !p.isObject('cost', v)) return cost;
  p.unknownKeys('cost', v, ['region', 'freeTier']);
  cost.region = p.oneOf('cost.region', v.region, ['us-east-1'] as const, 'us-east-1');
  if (v.freeTier !== undefined && typeof v.freeTier !== 'boolean') p.add('cost.freeTier', 'must be true or false');
  cost.freeTier = v.freeTier === true;
  return cost;
}

export interface ScaleFunctionFields {
  architecture: Architecture;
  cpuBoundFraction: number;
  account: string;
  tenantIsolationMode: 'PER_TENANT' | null;
}

/**
 * A function's architecture, CPU-bound share, account and tenant isolation. Tenant isolation
 * cannot be combined with SnapStart or provisioned concurrency [DOC tenant-isolation].
 */
export function parseScaleFunctionFields(
  p: Problems, path: string, v: Record<string, unknown>, accountIds: readonly string[],
  other: { snapStart: boolean; provisionedConcurrency: number },
): ScaleFunctionFields {
  const architecture = p.oneOf(join(path, 'architecture'), v.architecture, ['x86_64', 'arm64'] as const, 'x86_64');
  const cpuBoundFraction = p.number(join(path, 'cpuBoundFraction'), v.cpuBoundFraction, { min: 0, max: 1, def: DEFAULT_CPU_BOUND_FRACTION });
  let account = accountIds[0] ?? DEFAULT_ACCOUNT_ID;
  if (v.account !== undefined) {
    if (typeof v.account === 'string' && accountIds.includes(v.account)) account = v.account;
    else p.add(join(path, 'account'), `must name an account in "accounts" (${accountIds.join(', ')})`);
  }
  let tenantIsolationMode: 'PER_TENANT' | null = null;
  const tPath = join(path, 'tenancyConfig');
  if (v.tenancyConfig !== undefined && p.isObject(tPath, v.tenancyConfig)) {
    p.unknownKeys(tPath, v.tenancyConfig, ['tenantIsolationMode']);
    tenantIsolationMode = p.oneOf(join(tPath, 'tenantIsolationMode'), v.tenancyConfig.tenantIsolationMode, ['PER_TENANT'] as const);
    if (other.snapStart) p.add(tPath, 'cannot be combined with snapStart: tenant isolation does not support SnapStart');
    if (other.provisionedConcurrency > 0) p.add(tPath, 'cannot be combined with provisionedConcurrency: tenant isolation does not support provisioned concurrency');
  }
  return { architecture, cpuBoundFraction, account, tenantIsolationMode };
}

/** The tenant ids a workload entry's requests carry: `tenantId` (one) or `tenants` (`count` drawn per request). */
export function parseTenants(p: Problems, path: string, v: Record<string, unknown>): TenantSpec | null {
  if (v.tenantId !== undefined && v.tenants !== undefined) {
    p.add(join(path, 'tenants'), 'cannot be combined with tenantId: give one tenant id or a number of tenants');
    return null;
  }
  if (v.tenantId !== undefined) {
    return { id: p.string(join(path, 'tenantId'), v.tenantId, TENANT_ID, TENANT_ID_RULE) };
  }
  if (v.tenants === undefined) return null;
  const tp = join(path, 'tenants');
  if (!p.isObject(tp, v.tenants)) return null;
  p.unknownKeys(tp, v.tenants, ['count', 'zipf']);
  return {
    count: p.number(join(tp, 'count'), v.tenants.count, { int: true, min: 1, max: LIMITS.tenants }),
    zipf: p.number(join(tp, 'zipf'), v.tenants.zipf, { min: 0, max: 5, def: 0 }),
  };
}

/** A workload entry's tenants must match its function's tenant isolation (else Lambda answers 400) [DOC]. */
export function checkTenantWorkload(p: Problems, path: string, tenants: TenantSpec | null, fn: FunctionConfig | undefined): void {
  if (!fn) return;
  if (fn.tenantIsolationMode === 'PER_TENANT' && !tenants) {
    p.add(path, `must give tenantId or tenants: ${fn.name} uses tenant isolation, and Lambda rejects a request without a tenant id (400 InvalidParameterValueException)`);
  } else if (fn.tenantIsolationMode === null && tenants) {
    p.add(join(path, 'id' in tenants ? 'tenantId' : 'tenants'), `must not be set: ${fn.name} does not use tenant isolation, and Lambda rejects a tenant id for it (400 InvalidParameterValueException)`);
  }
}

/** Boot time of one microVM by VMM [OBS nsdi2020-data: Firecracker boot p50 ~110–120 ms; QEMU end to end p50 244 ms]. */
export function defaultBootDist(vmm: 'firecracker' | 'qemu'): Dist {
  return vmm === 'qemu' ? { dist: 'lognormal', median: 244, sigma: 0.1 } : { dist: 'lognormal', median: 113, sigma: 0.1 };
}

/** Host memory per microVM beyond its guest [OBS nsdi2020-data `mem-*.dat`: Firecracker ~2.5–3 MB, QEMU ~131–148 MB]. */
export function defaultVmmOverheadMb(vmm: 'firecracker' | 'qemu'): number {
  return vmm === 'qemu' ? 140 : 3;
}
