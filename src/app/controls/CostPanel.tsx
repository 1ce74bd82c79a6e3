import { useLiveFrame } from '../views/useLiveFrame';

const usd = (x: number) => (x === 0 ? '$0' : x >= 1 ? `$${x.toFixed(2)}` : x >= 0.01 ? `$${x.toFixed(4)}` : `$${x.toPrecision(3)}`);
const gbs = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));

/**
 * "What this run costs": the run's bill so far at AWS's published prices (the core's one
 * pricing table, cost/pricing.ts), per function and in total, updated live. Init is billed on
 * demand since 1 August 2025; the free tier is off unless the scenario turns it on.
 */
export function CostPanel() {
  const [ref, frame] = useLiveFrame(4);
  const c = frame?.summary.cost;
  return (
    <section ref={ref} className="panel cost" aria-labelledby="cost-h" data-testid="cost">
      <h2 id="cost-h">What this run costs</h2>
      {!c ? null : (
        <>
          <p className="cost-total"><b data-testid="cost.total">{usd(c.usd)}</b> for {(frame.timeMs / 1000).toFixed(0)} s of simulated time{c.freeTier ? `, after the free tier (−${usd(c.freeTierUsd)})` : ', free tier off'}</p>
          <table className="cost-table" data-testid="cost.table">
            <thead><tr><th scope="col">function</th><th scope="col">req.</th><th scope="col" title="GB-seconds of the Invoke phase + of the Init phase (billed on demand since 1 Aug 2025)">Invoke + Init GB-s</th><th scope="col">cost</th></tr></thead>
            <tbody>
              {Object.entries(c.byFunction).map(([name, f]) => (
                <tr key={name} data-testid={`cost.fn.${name}`}>
                  <th scope="row">{name} <span className="muted small">{f.architecture}</span></th>
                  <td>{f.requests}</td>
                  <td title={f.provisionedGbSeconds > 0 ? `plus ${gbs(f.provisionedGbSeconds)} GB-s of provisioned concurrency allocated` : undefined}>{gbs(f.invokeGbSeconds + f.provisionedInvokeGbSeconds)} + {gbs(f.initGbSeconds)}{f.provisionedGbSeconds > 0 ? ` (PC ${gbs(f.provisionedGbSeconds)})` : ''}</td>
                  <td title={`requests ${usd(f.lines.requests)} · Invoke ${usd(f.lines.invoke + f.lines.provisionedInvoke)} · Init ${usd(f.lines.init)} · provisioned ${usd(f.lines.provisioned)} · SnapStart ${usd(f.lines.snapStart)}`}>{usd(f.usd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {Object.keys(c.byAccount).length > 1 && (
            <p className="muted" data-testid="cost.accounts">By account: {Object.entries(c.byAccount).map(([a, x]) => `${a} ${usd(x.usd)}`).join(' · ')}</p>
          )}
          <p className="muted small">Prices: AWS Lambda, {c.region}, table {c.pricing} (requests $0.20 per million; duration per GB-s by architecture; provisioned concurrency per GB-s allocated, rounded up to 5 min). Billing a proactive Init is an estimate.</p>
        </>
      )}
    </section>
  );
}
