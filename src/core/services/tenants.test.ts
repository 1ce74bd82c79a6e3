import { describe, expect, it } from 'vitest';
import { explainInvocation } from '../explain';
import { invokeAt, lastInvocation, simulate } from '../testing/scenarios';

const isolated = { tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } };

describe('tenant isolation mode (PER_TENANT)', () => {
  it('a request reuses only an idle environment of its own tenant; another tenant gets a new one', () => {
    const sim = simulate({}, isolated);
    invokeAt(sim, 0, { function: 'hello', tenantId: 'blue' });
    invokeAt(sim, 5_000, { function: 'hello', tenantId: 'green' });
    invokeAt(sim, 10_000, { function: 'hello', tenantId: 'blue' });
    sim.runUntil(20_000);
    const [blue1, green, blue2] = sim.recentInvocations();
    expect(blue1.cold).toBe(true);
    expect(green.cold).toBe(true); // blue's environment was idle, but is never shared
    expect(green.env).not.toBe(blue1.env);
    expect(blue2.cold).toBe(false);
    expect(blue2.env).toBe(blue1.env);
    expect(explainInvocation(green).join(' ')).toContain('dedicated to this tenant');
  });

  it('a request without a tenant id to an isolated function, or with one to any other, is rejected with 400 InvalidParameterValueException', () => {
    const sim = simulate({}, isolated);
    invokeAt(sim, 0, { function: 'hello' });
    sim.runUntil(1000);
    expect(lastInvocation(sim)).toMatchObject({ statusCode: 400, rejectReason: 'InvalidParameterValueException' });
    const plain = simulate();
    invokeAt(plain, 0, { function: 'hello', tenantId: 'blue' });
    plain.runUntil(1000);
    expect(lastInvocation(plain)).toMatchObject({ statusCode: 400, rejectReason: 'InvalidParameterValueException' });
  });

  it('at most 2,500 tenant environments may exist per 1,000 concurrency: beyond, 429', { timeout: 60_000 }, () => {
    // Reserved concurrency 2 → at most 5 tenant environments; 8 tenants, one request each, spaced out.
    const sim = simulate({}, { ...isolated, reservedConcurrency: 2, durationMs: { dist: 'constant', value: 10 } });
    for (let t = 0; t < 8; t++) invokeAt(sim, t * 1000, { function: 'hello', tenantId: `t${t}` });
    sim.runUntil(10_000);
    const all = sim.recentInvocations();
    expect(all.filter((i) => i.state === 'Succeeded')).toHaveLength(5);
    const refused = all.filter((i) => i.statusCode === 429);
    expect(refused).toHaveLength(3);
    expect(refused[0].throttle).toMatchObject({ cause: 'tenant-environments', limit: 5 });
  });

  it('a workload spreads requests over generated tenant ids, each with environments of its own', () => {
    const sim = simulate({ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 20 }, tenants: { count: 10 } }] }, isolated);
    sim.runUntil(60_000);
    const envTenants = new Set([...sim.state.environments.values()].map((e) => e.tenant));
    expect(envTenants.size).toBe(10);
    expect(sim.state.tenants.names.slice(1).every((n) => /^tenant-\d+$/.test(n))).toBe(true);
  });

  it('provisioned concurrency cannot be configured on a tenant-isolated function', () => {
    const sim = simulate({}, isolated);
    sim.controlPlane({ action: 'PublishVersion', function: 'hello' });
    const r = sim.controlPlane({ action: 'PutProvisionedConcurrencyConfig', function: 'hello', qualifier: '1', provisionedConcurrentExecutions: 2 } as Parameters<typeof sim.controlPlane>[0]);
    expect(r).toMatchObject({ ok: false });
    expect(r.message).toContain('tenant isolation');
  });
});
