import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario';

const base = () => ({ seed: 1, functions: [{ name: 'hello' }] as Record<string, unknown>[] });
const problems = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems;
};

describe('scenario validation of the fields for Lambda at scale', () => {
  it('several accounts share the fleet; each function names its account, the first is the default', () => {
    const r = parseScenario({
      seed: 1,
      accounts: [{ id: 'acme', concurrencyLimit: 500 }, { id: 'globex', concurrencyLimit: 50, unreservedMinimum: 10 }],
      functions: [{ name: 'a' }, { name: 'b', account: 'globex' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.accounts.map((a) => [a.id, a.concurrencyLimit, a.unreservedMinimum])).toEqual([['acme', 500, 100], ['globex', 50, 10]]);
    expect(r.scenario.functions.map((f) => f.account)).toEqual(['acme', 'globex']);
    expect(r.scenario.account.id).toBe('acme');
  });

  it.each([
    [{ accounts: [] }, 'accounts: must list at least one account'],
    [{ accounts: [{ id: 'a' }, { id: 'a' }] }, 'accounts[1].id: must be unique ("a" is used twice)'],
    [{ accounts: [{ id: 'has space' }] }, 'accounts[0].id: must be 1 to 64 letters, digits, hyphens or underscores'],
    [{ accounts: [{ id: 'a', concurrencyLimit: 0 }] }, 'accounts[0].concurrencyLimit: must be an integer from 1 to 100000'],
    [{ accounts: [{ id: 'a', color: 'red' }] }, 'accounts[0].color: is not a known field'],
    [{ account: {}, accounts: [{ id: 'a' }] }, 'account: cannot be combined with "accounts"'],
    [{ accounts: [{ id: 'a' }], functions: [{ name: 'f', account: 'b' }] }, 'functions[0].account: must name an account in "accounts" (a)'],
    [{ accounts: [{ id: 'a', concurrencyLimit: 200 }, { id: 'b' }], functions: [{ name: 'f', account: 'a', reservedConcurrency: 150 }] }, 'functions[0].reservedConcurrency: must be an integer from 0 to 100 (accounts[0].concurrencyLimit 200 minus accounts[0].unreservedMinimum 100)'],
    [{ accounts: [{ id: 'a', concurrencyLimit: 200 }, { id: 'b' }], functions: [{ name: 'f', account: 'a', reservedConcurrency: 60 }, { name: 'g', account: 'a', reservedConcurrency: 60 }, { name: 'h', account: 'b', reservedConcurrency: 60 }] }, 'functions: reservedConcurrency adds up to 120 in account "a", but at most 100 may be reserved (accounts[0].concurrencyLimit 200 minus accounts[0].unreservedMinimum 100)'],
    [{ functions: [{ name: 'f', architecture: 'arm' }] }, 'functions[0].architecture: must be one of x86_64, arm64'],
    [{ functions: [{ name: 'f', cpuBoundFraction: 1.5 }] }, 'functions[0].cpuBoundFraction: must be a number from 0 to 1'],
    [{ functions: [{ name: 'f', tenancyConfig: { tenantIsolationMode: 'PER_ACCOUNT' } }] }, 'functions[0].tenancyConfig.tenantIsolationMode: must be one of PER_TENANT'],
    [{ functions: [{ name: 'f', runtime: 'java21', snapStart: true, tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }] }, 'functions[0].tenancyConfig: cannot be combined with snapStart'],
    [{ functions: [{ name: 'f', provisionedConcurrency: 2, tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }] }, 'functions[0].tenancyConfig: cannot be combined with provisionedConcurrency'],
    [{ functions: [{ name: 'f', tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }], workload: [{ function: 'f', arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0]: must give tenantId or tenants: f uses tenant isolation'],
    [{ workload: [{ function: 'hello', tenantId: 'blue', arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0].tenantId: must not be set: hello does not use tenant isolation'],
    [{ functions: [{ name: 'f', tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }], workload: [{ function: 'f', tenantId: 'a', tenants: { count: 3 }, arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0].tenants: cannot be combined with tenantId'],
    [{ functions: [{ name: 'f', tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }], workload: [{ function: 'f', tenants: { count: 0 }, arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0].tenants.count: must be an integer from 1 to 1000000'],
    [{ functions: [{ name: 'f', tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } }], workload: [{ function: 'f', tenantId: 'has space', arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0].tenantId: must be 1 to 256 printable characters without spaces'],
    [{ controlPlane: [{ atMs: 1, action: 'UpdateFunctionConfiguration', function: 'hello', config: { tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } } }] }, 'controlPlane[0].config.tenancyConfig: cannot be changed after the function is created'],
    [{ platform: { vmm: 'kvmtool' } }, 'platform.vmm: must be one of firecracker, qemu'],
    [{ fleet: { workerMemoryMb: 10_300 }, platform: { vmm: 'qemu' } }, 'fleet.workerMemoryMb: must be at least 10380 MB: the largest function (10240 MB) plus platform.vmmOverheadMb (140 MB for qemu)'],
    [{ platform: { maxPollers: 0 } }, 'platform.maxPollers: must be an integer from 1 to 10000'],
    [{ platform: { placementPerWorkerLimit: 0 } }, 'platform.placementPerWorkerLimit: must be an integer from 1 to 100000'],
    [{ platform: { proactiveReplacement: 'yes' } }, 'platform.proactiveReplacement: must be true or false'],
    [{ cost: { freeTier: 'yes' } }, 'cost.freeTier: must be true or false'],
    [{ cost: { region: 'eu-west-1' } }, 'cost.region: must be one of us-east-1'],
  ])('rejects %j with "%s"', (patch, message) => {
    const found = problems({ ...base(), ...patch });
    expect(found.some((p) => p.startsWith(message)), `got: ${found.join(' | ')}`).toBe(true);
  });

  it('the VMM sets the default boot time and per-microVM overhead; explicit values win', () => {
    const qemu = parseScenario({ ...base(), platform: { vmm: 'qemu' } });
    expect(qemu.ok && qemu.scenario.platform).toMatchObject({ vmmOverheadMb: 140, microvmBootMs: { dist: 'lognormal', median: 244 } });
    const own = parseScenario({ ...base(), platform: { vmm: 'qemu', vmmOverheadMb: 50 } });
    expect(own.ok && own.scenario.platform.vmmOverheadMb).toBe(50);
  });
});
