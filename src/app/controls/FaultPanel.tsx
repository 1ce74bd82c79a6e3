import { request } from '../simClient';
import { useUi, notify } from '../store/uiStore';
import type { Fault } from '../../core/index';

/** Inject faults now: a worker failure, an invoke-service outage, slow pollers. */
export function FaultPanel() {
  const active = useUi((s) => s.frame?.faults.map((f) => f.type).join(', ') ?? '');
  const inject = async (make: (now: number) => Fault) => {
    const now = useUi.getState().frame?.timeMs ?? 0;
    const r = await request({ type: 'fault', fault: make(now) });
    if (!r.ok) notify(r.message ?? 'fault refused', 'error');
  };
  return (
    <section className="panel" aria-labelledby="faults-h">
      <h2 id="faults-h">Faults</h2>
      <div className="buttons">
        <button data-testid="fault.worker" onClick={() => inject((now) => ({ type: 'worker-failure', atMs: now, worker: 'any' }))}>Fail a worker</button>
        <button data-testid="fault.outage" onClick={() => inject((now) => ({ type: 'invoke-outage', fromMs: now, toMs: now + 30_000 }))}>Invoke outage 30 s</button>
        <button data-testid="fault.pollers" onClick={() => inject((now) => ({ type: 'slow-pollers', fromMs: now, toMs: now + 60_000, factor: 50 }))}>Slow pollers 60 s</button>
      </div>
      <p className="hint">{active ? `Active: ${active}` : 'No fault active.'}</p>
    </section>
  );
}
