import { explainInvocation } from '../../core';
import { useUi, select } from '../store/uiStore';
import { STATE_STYLE } from '../palette';
import { formatTime } from '../format';
import { useLiveFrame } from './useLiveFrame';

/** Why the selected invocation was cold or warm (in words, with times), or the selected environment's story. */
export function DetailsPanel() {
  const [, frame] = useLiveFrame(8);
  const selected = useUi((s) => s.selected);
  if (!frame || !selected) return <section className="panel details" aria-live="polite"><h2>Details</h2><p className="hint">Select an invocation in the timeline or the event log, or an environment in the fleet.</p></section>;
  if (selected.kind === 'invocation') {
    const inv = [...frame.inflight, ...frame.recent].find((i) => i.id === selected.id);
    return (
      <section className="panel details" data-testid="details" aria-live="polite">
        <h2>inv-{selected.id} <button className="link" onClick={() => select(null)} aria-label="Close details">×</button></h2>
        {inv ? <ol>{explainInvocation(inv).map((line, i) => <li key={i}>{line}</li>)}</ol> : <p className="hint">inv-{selected.id} is no longer in the recent window.</p>}
      </section>
    );
  }
  const e = frame.environments;
  const i = Array.from(e.id).indexOf(selected.id);
  const recent = frame.recent.filter((r) => r.env === selected.id).slice(-5);
  return (
    <section className="panel details" data-testid="details" aria-live="polite">
      <h2>env-{selected.id} <button className="link" onClick={() => select(null)} aria-label="Close details">×</button></h2>
      {i < 0 ? <p>env-{selected.id} has terminated.</p> : (
        <ul>
          <li>Function {frame.functions[e.fn[i]]?.name}, version {e.version[i]}{e.provisioned[i] ? ' (provisioned concurrency)' : ''}, on worker-{e.worker[i]}.</li>
          <li>State <strong>{frame.stateNames[e.state[i]]}</strong> ({STATE_STYLE[frame.stateNames[e.state[i]]]?.label}) since t = {formatTime(e.sinceMs[i])}.</li>
          {e.invocation[i] ? <li>Serving inv-{e.invocation[i]}.</li> : null}
          {recent.length > 0 && <li>Recent invocations: {recent.map((r) => `inv-${r.id}`).join(', ')}.</li>}
        </ul>
      )}
    </section>
  );
}
