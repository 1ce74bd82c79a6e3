import { useEffect } from 'react';
import { ASSUMPTIONS } from '../../core/index';
import { useUi } from '../store/uiStore';
import { useWidth } from '../views/useSize';
import { BandChart } from './BandChart';
import { useWb } from './wbStore';
import { wb } from './wbClient';

/**
 * The analytic overlay: the run's own running estimate of P(cold) and of the mean number of
 * environments, each with its 95 % band (batch means over simulated time), against the
 * closed form for one environment and Mahmoudi & Khazaei's steady-state model — so a
 * learner sees where the simple formula stops holding.
 */
const POLL_MS = 500;

export function AnalyticPanel() {
  const history = useWb((s) => s.estimates);
  const latest = useWb((s) => s.latestEstimates);
  const loads = useUi((s) => s.loads);
  const [ref, width] = useWidth<HTMLDivElement>();
  useEffect(() => useWb.setState({ estimates: [], latestEstimates: null }), [loads]);
  useEffect(() => {
    let alive = true;
    const poll = async () => {
      try {
        const { estimates: e } = await wb({ type: 'wb.estimates' }, 'estimates');
        if (!alive) return;
        useWb.setState((s) => {
          const last = s.estimates[s.estimates.length - 1];
          const back = last && e.timeMs < last.t; // a seek back: the estimates are the restored run's
          const kept = back ? s.estimates.filter((p) => p.t <= e.timeMs) : s.estimates;
          const fresh = e.cold.batches >= 2 && (!last || e.timeMs !== last.t);
          const point = { t: e.timeMs, cold: [e.cold.value, e.cold.low, e.cold.high] as [number, number, number], envs: [e.environments.value, e.environments.low, e.environments.high] as [number, number, number] };
          return { latestEstimates: e, estimates: fresh ? [...kept, point].slice(-600) : kept };
        });
      } catch { /* no scenario yet */ }
    };
    void poll();
    const id = setInterval(poll, POLL_MS);
    return () => { alive = false; clearInterval(id); };
  }, []);
  const w = width >= 700 ? Math.floor((width - 12) / 2) : Math.max(220, width - 4);
  const o = latest?.overlay;
  const pts = (k: 'cold' | 'envs') => history.map((p) => ({ x: p.t / 1000, y: p[k][0], low: p[k][1], high: p[k][2] }));
  return (
    <div ref={ref} className="wb-models" data-testid="wb.models">
      {latest && (
        <p className="hint" data-testid="wb.estimate">
          This run: P(cold) = <b>{fmt(latest.cold.value)}</b> [{fmt(latest.cold.low)}, {fmt(latest.cold.high)}], mean environments <b>{fmt(latest.environments.value)}</b>
          {' '}[{fmt(latest.environments.low)}, {fmt(latest.environments.high)}] — {latest.cold.batches} batches of {(latest.batchMs / 1000).toFixed(0)} s simulated.
        </p>
      )}
      {o && !o.applies && <p className="hint" data-testid="wb.modelsNA">The models do not apply here: {o.reason}.</p>}
      {o && o.applies && (
        <p className="hint" data-testid="wb.modelValues">
          λ = {o.inputs.ratePerSec}/s, keep-alive T = {(o.inputs.keepAliveMs / 1000).toFixed(1)} s, busy time s = {o.inputs.warmServiceMs.toFixed(0)} ms warm / {o.inputs.coldServiceMs.toFixed(0)} ms cold (λs = {o.closedForm.load.toFixed(3)}).
          {' '}Closed form P(cold) = <b data-testid="wb.closedForm">{fmt(o.closedForm.coldProbability)}</b>; Mahmoudi &amp; Khazaei P(cold) = <b data-testid="wb.mk">{fmt(o.mk.coldProbability)}</b>, {fmt(o.mk.meanInstances)} environments.
        </p>
      )}
      <div className="chart-grid">
        <BandChart testId="wb.models.cold" width={w} title="P(cold): this run’s estimate and the models" xLabel="simulated s" bands={[{ label: 'this run', color: '#0072B2', points: pts('cold') }]}
          refs={o && o.applies ? [{ label: 'one environment: exp(−λ(T+s))', color: '#D55E00', y: o.closedForm.coldProbability }, { label: 'Mahmoudi & Khazaei', color: '#009E73', y: o.mk.coldProbability }] : []} yMax={undefined} />
        <BandChart testId="wb.models.envs" width={w} title="Mean environments: this run’s estimate and the models" xLabel="simulated s" bands={[{ label: 'this run', color: '#0072B2', points: pts('envs') }]}
          refs={o && o.applies ? [{ label: 'one environment', color: '#D55E00', y: o.closedForm.meanEnvironments }, { label: 'Mahmoudi & Khazaei', color: '#009E73', y: o.mk.meanInstances }] : []} />
      </div>
      <ul className="hint">
        <li><b>One environment</b>: {ASSUMPTIONS.closedForm}</li>
        <li><b>Mahmoudi &amp; Khazaei</b>: {ASSUMPTIONS.mk}</li>
        <li><b>This run</b>: {ASSUMPTIONS.simulation}</li>
      </ul>
    </div>
  );
}

function fmt(x: number): string {
  return Number.isFinite(x) ? (Math.abs(x) < 0.001 && x !== 0 ? x.toExponential(2) : x.toPrecision(3)) : '—';
}
