import { useState } from 'react';
import { useUi, notify } from '../store/uiStore';
import { pageApi } from '../pageApi';
import type { InvokeMode } from '../../core/index';

/** Fire one invocation of each mode, or a burst of N. Invalid input is explained, never sent. */
export function InvokePanel() {
  const functions = useUi((s) => s.frame?.functions.map((f) => f.name).join('|') ?? '');
  const names = functions ? functions.split('|') : [];
  const qualifiers = useUi((s) => s.frame?.functions.flatMap((f) => [...f.versions.filter((v) => v.qualifier !== '$LATEST').map((v) => `${f.name}:${v.qualifier}`), ...f.aliases.map((a) => `${f.name}:${a.name}`)]).join('|') ?? '');
  const targets = [...names, ...(qualifiers ? qualifiers.split('|') : [])];
  const [target, setTarget] = useState('');
  const [burst, setBurst] = useState('100');
  const [tenant, setTenant] = useState('blue');
  // A function in tenant isolation mode needs a tenant id on every request (else 400).
  const isolated = useUi((s) => s.frame?.functions.find((f) => f.name === (target || s.frame?.functions[0]?.name)?.split(':')[0])?.tenantIsolation ?? false);
  const fn = targets.includes(target) ? target : names[0] ?? '';
  const burstN = Number(burst);
  const burstError = !Number.isInteger(burstN) || burstN < 1 || burstN > 100_000 ? 'a whole number from 1 to 100,000' : null;

  const fire = (mode: InvokeMode, count = 1) =>
    pageApi.invoke({ function: fn, mode, count, ...(isolated ? { tenantId: tenant } : {}) }).catch((e: Error) => notify(e.message, 'error'));

  return (
    <section className="panel" aria-labelledby="invoke-h">
      <h2 id="invoke-h">Invoke</h2>
      <label>Function{' '}
        <select data-testid="invoke.function" value={fn} onChange={(e) => setTarget(e.target.value)}>
          {targets.map((n) => <option key={n}>{n}</option>)}
        </select>
      </label>
      {isolated && (
        <label className="field">Tenant id (X-Amz-Tenant-Id){' '}
          <input data-testid="invoke.tenant" value={tenant} onChange={(e) => setTenant(e.target.value.replace(/\s/g, ''))} size={10} />
        </label>
      )}
      <div className="buttons">
        <button data-testid="invoke.sync" onClick={() => fire('RequestResponse')} title="Synchronous: the caller waits for the response (200)">RequestResponse</button>
        <button data-testid="invoke.event" onClick={() => fire('Event')} title="Asynchronous: 202 at once; the event goes through the internal queue and a poller">Event</button>
        <button data-testid="invoke.dryrun" onClick={() => fire('DryRun')} title="Validate only: 204, nothing runs">DryRun</button>
      </div>
      <div className="field">
        <label>Burst of{' '}
          <input data-testid="invoke.burstCount" inputMode="numeric" value={burst} onChange={(e) => setBurst(e.target.value)} aria-invalid={!!burstError} aria-describedby="burst-err" size={7} />
        </label>
        <button data-testid="invoke.burst" disabled={!!burstError} onClick={() => fire('RequestResponse', burstN)}>Fire burst</button>
        {burstError && <span id="burst-err" className="field-error" role="alert">Burst size must be {burstError}.</span>}
      </div>
    </section>
  );
}
