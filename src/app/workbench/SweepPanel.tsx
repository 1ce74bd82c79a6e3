import { useState } from 'react';
import { SWEEP_FORMAT, type SweepResult } from '../../core/index';
import { useWidth } from '../views/useSize';
import { BandChart } from './BandChart';
import { useWb } from './wbStore';

/**
 * Draws a sweep result (the JSON of `npm run sweep -- … --json`): chosen metrics against
 * one swept parameter, each grid point's mean with its 95 % interval over seeds as a band.
 * With several parameters, the others are held at the value picked below.
 */
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

export function SweepPanel() {
  const sweep = useWb((s) => s.sweep);
  const [error, setError] = useState<string | null>(null);
  const [ref, width] = useWidth<HTMLDivElement>();
  const [xi, setXi] = useState(0);
  const [fixed, setFixed] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<string[] | null>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = JSON.parse(await file.text()) as SweepResult;
      if (r?.format !== SWEEP_FORMAT || !Array.isArray(r.points) || !Array.isArray(r.parameters)) throw new Error(`not a sweep result (expected "format": "${SWEEP_FORMAT}", written by npm run sweep -- … --json)`);
      useWb.setState({ sweep: { name: file.name, result: r } });
      setError(null); setXi(0); setFixed({}); setChosen(null);
    } catch (e) {
      setError(`${file.name}: ${(e as Error).message}`);
    }
  };
  const r = sweep?.result;
  const param = r?.parameters[xi];
  const metrics = chosen ?? (r ? r.metrics.filter((m) => ['coldStartRatio', 'cost.usd', 'environments.meanTotal'].includes(m)).slice(0, 2) : []);
  const points = r && param ? r.points.filter((p) => r.parameters.every((q, k) => k === xi || String(p.values[q.path]) === (fixed[q.path] ?? String(q.values[0])))) : [];
  const w = width >= 700 ? Math.floor((width - 12) / 2) : Math.max(220, width - 4);
  return (
    <div ref={ref} className="wb-sweep">
      <div className="field">
        <label className="file-button">Open a sweep result (JSON)… <input data-testid="wb.sweepFile" type="file" accept=".json,application/json" onChange={(e) => void open(e.target.files?.[0])} /></label>
        <span className="hint">from <code>npm run sweep -- scenario.json --set 'PATH=FROM..TO:N' --seeds 10 --json --out sweep.json</code></span>
      </div>
      {error && <p className="field-error" data-testid="wb.sweepError">{error}</p>}
      {r && param && (
        <>
          <div className="field">
            <label>x axis <select value={xi} onChange={(e) => setXi(Number(e.target.value))}>{r.parameters.map((p, i) => <option key={p.path} value={i}>{p.path}</option>)}</select></label>
            {r.parameters.map((q, k) => k !== xi && (
              <label key={q.path}>{q.path} = <select value={fixed[q.path] ?? String(q.values[0])} onChange={(e) => setFixed({ ...fixed, [q.path]: e.target.value })}>{q.values.map((v) => <option key={String(v)}>{String(v)}</option>)}</select></label>
            ))}
            <label>metrics <select multiple size={3} value={metrics} onChange={(e) => setChosen([...e.target.selectedOptions].map((o) => o.value))}>{r.metrics.map((m) => <option key={m}>{m}</option>)}</select></label>
          </div>
          <p className="hint" data-testid="wb.sweepInfo">{sweep!.name}: {r.points.length} grid points × {r.seeds} seeds of {r.scenario}{r.shard ? ` (shard ${r.shard.index}/${r.shard.count} only)` : ''}.</p>
          <div className="chart-grid">
            {metrics.map((m, i) => (
              <BandChart key={m} testId={`wb.sweepChart.${m}`} width={w} title={`${m} against ${param.path}`} xLabel={param.path} bands={[{
                label: m, color: COLORS[i % COLORS.length],
                points: points.filter((p) => typeof p.values[param.path] === 'number').map((p) => ({ x: p.values[param.path] as number, y: p.stats[m].mean, low: p.stats[m].low, high: p.stats[m].high })),
              }]} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
