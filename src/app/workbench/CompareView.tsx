import type { CompareResult, Summary } from '../../core/index';
import { LineChart } from '../views/LineChart';
import { useWidth } from '../views/useSize';
import { FlipStrip } from './FlipStrip';

const ROWS: [string, (s: Summary) => number | undefined, 'n' | 'pct' | 'ms' | 'usd'][] = [
  ['invocations', (s) => s.invocations.total, 'n'], ['cold starts', (s) => s.coldStarts, 'n'], ['cold-start ratio', (s) => s.coldStartRatio, 'pct'],
  ['throttled (429)', (s) => s.invocations.throttled, 'n'], ['latency p50', (s) => s.latencyMs.all.p50, 'ms'], ['latency p99', (s) => s.latencyMs.all.p99, 'ms'],
  ['environments created', (s) => s.environments.created, 'n'], ['mean environments', (s) => s.environments.meanTotal, 'n'], ['utilization', (s) => s.utilization, 'pct'],
  ['cost (USD)', (s) => (s as unknown as { cost?: { usd: number } }).cost?.usd, 'usd'],
];
const fmt = (x: number, k: string) => (k === 'pct' ? `${(x * 100).toFixed(2)} %` : k === 'ms' ? `${x.toFixed(1)} ms` : k === 'usd' ? `$${x.toFixed(4)}` : Number.isInteger(x) ? String(x) : x.toFixed(2));

/** A and B side by side (table), their difference over time (charts), and the requests that flipped. */
export function CompareView({ r }: { r: CompareResult }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const w = width >= 700 ? Math.floor((width - 12) / 2) : Math.max(200, width - 4);
  const pts = (xs: number[]): [number, number][] => xs.map((v, i) => [r.t[i], v]);
  const diff = (a: number[], b: number[]): [number, number][] => a.map((v, i) => [r.t[i], b[i] - v]);
  const p = r.pairs;
  return (
    <div ref={ref} data-testid="wb.compare.result">
      <table className="wb-table" data-testid="wb.compare.table">
        <thead><tr><th /><th>A</th><th>B</th><th>B − A</th></tr></thead>
        <tbody>{ROWS.filter(([, get]) => get(r.a) !== undefined).map(([name, get, kind]) => {
          const a = get(r.a)!, b = get(r.b)!, d = b - a;
          return <tr key={name}><th>{name}</th><td>{fmt(a, kind)}</td><td>{fmt(b, kind)}</td><td className={d > 0 ? 'up' : d < 0 ? 'down' : ''}>{d > 0 ? '+' : ''}{fmt(d, kind)}</td></tr>;
        })}</tbody>
      </table>
      <p data-testid="wb.compare.pairs">
        {p.paired} requests paired by arrival: <b className="flip-cw">{p.coldToWarm}</b> cold in A → warm in B, <b className="flip-wc">{p.warmToCold}</b> warm in A → cold in B;
        {' '}{p.bothCold} cold in both, {p.bothWarm} warm in both{p.ranInOneOnly ? `, ${p.ranInOneOnly} ran in only one` : ''}.
      </p>
      <FlipStrip r={r} width={Math.max(200, width - 4)} />
      <div className="chart-grid">
        <LineChart testId="wb.chart.cold" width={w} title="Cold starts per bucket" lines={[
          { label: 'A', values: pts(r.series.a.coldStarts), color: '#0072B2' }, { label: 'B', values: pts(r.series.b.coldStarts), color: '#E69F00' },
        ]} />
        <LineChart testId="wb.chart.p99" width={w} title="p99 latency of the requests completed (ms)" lines={[
          { label: 'A', values: pts(r.series.a.p99Ms).filter(([, v]) => Number.isFinite(v)), color: '#0072B2' }, { label: 'B', values: pts(r.series.b.p99Ms).filter(([, v]) => Number.isFinite(v)), color: '#E69F00' },
        ]} />
        <LineChart testId="wb.chart.concurrency" width={w} title="Mean concurrency (busy environments)" lines={[
          { label: 'A', values: pts(r.series.a.meanBusy), color: '#0072B2' }, { label: 'B', values: pts(r.series.b.meanBusy), color: '#E69F00' },
        ]} />
        <LineChart testId="wb.chart.envs" width={w} title="Mean environments, and B − A" lines={[
          { label: 'A', values: pts(r.series.a.meanEnvironments), color: '#0072B2' }, { label: 'B', values: pts(r.series.b.meanEnvironments), color: '#E69F00' },
          { label: 'B − A', values: diff(r.series.a.meanEnvironments, r.series.b.meanEnvironments).map(([t, v]) => [t, Math.max(0, v)] as [number, number]), color: '#999999', dashed: true },
        ]} />
      </div>
    </div>
  );
}
