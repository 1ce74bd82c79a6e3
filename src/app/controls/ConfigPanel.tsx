import { useEffect, useMemo, useState } from 'react';
import { parseScenario } from '../../core';
import { request } from '../simClient';
import { notify, useUi } from '../store/uiStore';
import { RUNTIMES } from '../../core/index';
import { useLiveFrame } from '../views/useLiveFrame';

interface Form { runtime: string; memoryMb: string; packageType: 'zip' | 'image'; sizeMb: string; durationMs: string; errorRate: string; keepAliveS: string; routing: string; reserved: string; provisioned: string }

/** Field rules, worded as shown next to the field. Returns the problem, or null. */
const RULES: Record<keyof Form, (v: string, f: Form) => string | null> = {
  runtime: (v) => (RUNTIMES[v] ? null : 'choose a runtime'),
  memoryMb: (v) => (/^\d+$/.test(v) && +v >= 128 && +v <= 10240 ? null : 'an integer from 128 to 10240 MB'),
  packageType: () => null,
  sizeMb: (v, f) => (Number.isFinite(+v) && +v >= 0 && +v <= (f.packageType === 'zip' ? 250 : 10240) ? null : `0 to ${f.packageType === 'zip' ? '250 MB (zip)' : '10240 MB (image)'}`),
  durationMs: (v) => (Number.isFinite(+v) && +v > 0 && +v <= 900_000 ? null : 'a median above 0 ms, at most 900000'),
  errorRate: (v) => (v.trim() !== '' && Number.isFinite(+v) && +v >= 0 && +v <= 1 ? null : 'a probability from 0 to 1'),
  keepAliveS: (v) => (Number.isFinite(+v) && +v >= 0 && +v <= 50_400 ? null : '0 to 50400 s (estimate: AWS does not publish it)'),
  routing: () => null,
  reserved: (v) => (v === '' || (/^\d+$/.test(v)) ? null : 'empty (none) or an integer ≥ 0'),
  provisioned: (v) => (/^\d+$/.test(v) && +v <= 1000 ? null : 'an integer from 0 to 1000'),
};

/**
 * The function's configuration, changed live through the same control-plane APIs AWS has:
 * UpdateFunctionConfiguration (InProgress for a few seconds, then old environments are
 * reaped), PutFunctionConcurrency / DeleteFunctionConcurrency, and provisioned concurrency on
 * the alias `live` (publishing version and alias first if needed).
 */
export function ConfigPanel() {
  const [, frame] = useLiveFrame(4);
  // The form starts from the loaded scenario itself (parsed, so defaults are filled in), not
  // from a frame: right after a load, frames of the previous run may still arrive, and a tour
  // that loads its own "hello" must not inherit the previous hello's settings.
  const scenarioJson = useUi((s) => s.scenarioJson);
  const seed = useUi((s) => s.seed);
  const initial = useMemo(() => initialForm(scenarioJson, seed), [scenarioJson, seed]);
  const fn = frame?.functions[0]?.name === initial?.name ? frame?.functions[0] : undefined;
  const name = fn?.name ?? '';
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (initial && !form) setForm(initial.form);
  }, [initial, form]);
  if (!fn || !form) return null;
  const errors = Object.fromEntries(Object.entries(RULES).map(([k, rule]) => [k, rule(form[k as keyof Form], form)])) as Record<keyof Form, string | null>;
  const invalid = Object.values(errors).some(Boolean);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const call = async (c: Record<string, unknown> & { action: string }) => {
    const r = await request({ type: 'controlPlane', call: { function: name, ...c } });
    if (!r.ok) notify(r.message ?? `${c.action} failed`, 'error');
    return r.ok;
  };

  const apply = async () => {
    if (invalid) return;
    await call({
      action: 'UpdateFunctionConfiguration', config: {
        runtime: form.runtime, memoryMb: +form.memoryMb, package: { type: form.packageType, sizeMb: +form.sizeMb },
        durationMs: { dist: 'lognormal', median: +form.durationMs, sigma: 0.5 }, errorRate: +form.errorRate,
        keepAliveMs: { dist: 'constant', value: +form.keepAliveS * 1000 }, routing: form.routing,
      },
    });
    if (form.reserved === '') await call({ action: 'DeleteFunctionConcurrency' });
    else await call({ action: 'PutFunctionConcurrency', reservedConcurrency: +form.reserved });
    const pc = +form.provisioned;
    const hasLive = fn.aliases.some((a) => a.name === 'live');
    if (pc > 0 && !hasLive) {
      await call({ action: 'PublishVersion' });
      const latestVersion = String(fn.versions.filter((v) => v.qualifier !== '$LATEST').length + 1);
      await call({ action: 'CreateAlias', name: 'live', functionVersion: latestVersion, additionalVersionWeights: {} });
    }
    if (pc > 0 || hasLive) await call(pc > 0 ? { action: 'PutProvisionedConcurrencyConfig', qualifier: 'live', provisionedConcurrentExecutions: pc } : { action: 'DeleteProvisionedConcurrencyConfig', qualifier: 'live' });
  };

  const field = (k: keyof Form, label: string, input: React.ReactNode, note?: string) => (
    <div className="field" key={k}>
      <label>{label} {input}</label>
      {note && <span className="estimate" title="AWS does not publish this number">{note}</span>}
      {errors[k] && <span className="field-error" role="alert" data-testid={`config.${k}.error`}>Must be {errors[k]}.</span>}
    </div>
  );
  return (
    <section className="panel config" aria-labelledby="config-h">
      <h2 id="config-h">Function {name} <small>{fn.state}{fn.lastUpdateStatus === 'InProgress' ? ' · update InProgress' : ''}</small></h2>
      {field('runtime', 'Runtime', <select data-testid="config.runtime" value={form.runtime} onChange={set('runtime')}>{Object.entries(RUNTIMES).map(([k, r]) => <option key={k} value={k}>{r.label}</option>)}</select>)}
      {field('memoryMb', 'Memory MB', <input data-testid="config.memoryMb" value={form.memoryMb} onChange={set('memoryMb')} size={6} aria-invalid={!!errors.memoryMb} />)}
      {field('packageType', 'Package', <select data-testid="config.packageType" value={form.packageType} onChange={set('packageType')}><option value="zip">zip</option><option value="image">container image</option></select>)}
      {field('sizeMb', 'Size MB', <input data-testid="config.sizeMb" value={form.sizeMb} onChange={set('sizeMb')} size={6} aria-invalid={!!errors.sizeMb} />)}
      {field('durationMs', 'Handler median ms', <input data-testid="config.durationMs" value={form.durationMs} onChange={set('durationMs')} size={6} aria-invalid={!!errors.durationMs} />)}
      {field('errorRate', 'Error rate', <input data-testid="config.errorRate" value={form.errorRate} onChange={set('errorRate')} size={5} aria-invalid={!!errors.errorRate} />)}
      {field('keepAliveS', 'Keep-alive s', <input data-testid="config.keepAliveS" value={form.keepAliveS} onChange={set('keepAliveS')} size={6} aria-invalid={!!errors.keepAliveS} />, 'estimate')}
      {field('routing', 'Routing', <select data-testid="config.routing" value={form.routing} onChange={set('routing')}><option>mru</option><option>newest</option><option>oldest</option><option>random</option></select>)}
      {field('reserved', 'Reserved', <input data-testid="config.reserved" value={form.reserved} onChange={set('reserved')} size={5} placeholder="none" aria-invalid={!!errors.reserved} />)}
      {field('provisioned', 'Provisioned (alias live)', <input data-testid="config.provisioned" value={form.provisioned} onChange={set('provisioned')} size={5} aria-invalid={!!errors.provisioned} />)}
      <div className="buttons">
        <button data-testid="config.apply" disabled={invalid} onClick={apply}>Apply configuration</button>
        <button data-testid="cp.updateCode" onClick={() => call({ action: 'UpdateFunctionCode' })}>UpdateFunctionCode</button>
        <button data-testid="cp.publish" onClick={() => call({ action: 'PublishVersion' })}>PublishVersion</button>
      </div>
    </section>
  );
}

/** The form's first values: the scenario's first function, with every default filled in. */
function initialForm(json: unknown, seed: number): { name: string; form: Form } | null {
  if (!json || typeof json !== 'object') return null;
  const r = parseScenario(json, { seed });
  if (!r.ok || !r.scenario.functions[0]) return null;
  const c = r.scenario.functions[0];
  const d = c.durationMs as { median?: number; value?: number; mean?: number };
  const k = c.keepAliveMs as { value?: number; median?: number; mean?: number };
  return {
    name: c.name,
    form: {
      runtime: c.runtime, memoryMb: String(c.memoryMb), packageType: c.package.type, sizeMb: String(c.package.sizeMb),
      durationMs: String(d.median ?? d.value ?? d.mean ?? 100), errorRate: String(c.errorRate),
      keepAliveS: String(Math.round((k.value ?? k.median ?? k.mean ?? 600_000) / 1000)), routing: c.routing,
      reserved: c.reservedConcurrency === null ? '' : String(c.reservedConcurrency), provisioned: String(c.provisionedConcurrency),
    },
  };
}
