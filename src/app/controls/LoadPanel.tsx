import { useState } from 'react';
import { request } from '../simClient';
import { useUi, notify } from '../store/uiStore';
import type { LiveLoad } from '../../protocol/messages';

type Process = 'off' | 'constant' | 'poisson' | 'ramp' | 'spike' | 'diurnal';

/** A load generator that can be changed while the run goes on (replaces the previous one). */
export function LoadPanel() {
  const fnName = useUi((s) => s.frame?.functions[0]?.name ?? '');
  const liveText = useUi((s) => (s.frame?.liveLoad ? `${s.frame.liveLoad.mode} ${JSON.stringify(s.frame.liveLoad.arrival)}` : ''));
  const [process, setProcess] = useState<Process>('poisson');
  const [rate, setRate] = useState('20');
  const [to, setTo] = useState('200');
  const [mode, setMode] = useState<'RequestResponse' | 'Event'>('RequestResponse');
  const r = Number(rate), r2 = Number(to);
  const rateError = !(Number.isFinite(r) && r > 0 && r <= 100_000) ? 'a rate from 0 (exclusive) to 100,000 per second' : null;
  const toError = process === 'ramp' && !(Number.isFinite(r2) && r2 >= 0 && r2 <= 100_000) ? 'a target rate from 0 to 100,000 per second' : null;

  const apply = async () => {
    let load: LiveLoad | null = null;
    if (process !== 'off') {
      const arrival: LiveLoad['arrival'] =
        process === 'ramp' ? { process: 'ramp', fromPerSec: r, toPerSec: r2, overMs: 60_000 }
        : process === 'diurnal' ? { process: 'diurnal', meanPerSec: r, amplitude: 0.8, periodMs: 120_000 }
        : process === 'spike' ? { process: 'burst', count: Math.round(r), atMs: useUi.getState().frame?.timeMs ?? 0 }
        : { process, ratePerSec: r };
      load = { function: fnName, mode, arrival };
    }
    const res = await request({ type: 'setLoad', load });
    if (!res.ok) notify(res.message ?? 'could not set the load', 'error');
  };

  return (
    <section className="panel" aria-labelledby="load-h">
      <h2 id="load-h">Load generator</h2>
      <div className="field">
        <label>Process{' '}
          <select data-testid="load.process" value={process} onChange={(e) => setProcess(e.target.value as Process)}>
            <option value="off">off</option><option value="constant">constant</option><option value="poisson">Poisson</option>
            <option value="ramp">ramp (60 s)</option><option value="spike">spike (now)</option><option value="diurnal">diurnal (2 min period)</option>
          </select>
        </label>
        <label>Mode{' '}
          <select data-testid="load.mode" value={mode} onChange={(e) => setMode(e.target.value as 'RequestResponse' | 'Event')}>
            <option>RequestResponse</option><option>Event</option>
          </select>
        </label>
      </div>
      {process !== 'off' && (
        <div className="field">
          <label>{process === 'spike' ? 'Requests' : process === 'ramp' ? 'From /s' : 'Rate /s'}{' '}
            <input data-testid="load.rate" value={rate} size={7} onChange={(e) => setRate(e.target.value)} aria-invalid={!!rateError} />
          </label>
          {process === 'ramp' && <label>to /s <input data-testid="load.to" value={to} size={7} onChange={(e) => setTo(e.target.value)} aria-invalid={!!toError} /></label>}
          {(rateError || toError) && <span className="field-error" role="alert">Must be {rateError ?? toError}.</span>}
        </div>
      )}
      <button data-testid="load.apply" disabled={process !== 'off' && (!!rateError || !!toError)} onClick={apply}>Apply</button>
      <p className="hint" data-testid="load.current">{liveText ? `Running: ${liveText}` : 'No live load (the scenario’s workload still runs).'}</p>
    </section>
  );
}
