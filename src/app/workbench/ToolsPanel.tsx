import { useState } from 'react';
import type { RunUntil } from '../../protocol/workbench';
import { notify, useUi } from '../store/uiStore';
import { exportTrace } from './exportTrace';
import { BookmarksPanel } from './BookmarksPanel';
import { wb } from './wbClient';

/** Exports for Perfetto and OpenTelemetry, run-until conditions, bookmarks, and the Stately Inspector bridge. */
export function ToolsPanel() {
  const [until, setUntil] = useState<{ kind: RunUntil['kind']; value: string }>({ kind: 'coldStarts', value: '100' });
  const [result, setResult] = useState<string | null>(null);
  const selected = useUi((s) => s.selected);
  const inspectShown = typeof location !== 'undefined' && new URLSearchParams(location.search).get('inspect') === '1';
  const [inspect, setInspect] = useState(inspectShown);
  const runUntil = async () => {
    const v = Number(until.value);
    if (until.kind !== 'queueEmpty' && !(Number.isFinite(v) && v >= 0)) return setResult(`${until.kind === 'time' ? 'the time' : 'the count'} must be a number ≥ 0 (got "${until.value}")`);
    const u: RunUntil = until.kind === 'coldStarts' ? { kind: 'coldStarts', count: Math.floor(v) } : until.kind === 'time' ? { kind: 'time', atMs: v * 1000 } : { kind: 'queueEmpty' };
    setResult('running…');
    try { setResult((await wb({ type: 'wb.runUntil', until: u }, 'runUntil')).message); } catch (e) { setResult((e as Error).message); }
  };
  const openInspector = async () => {
    const env = selected?.kind === 'environment' ? selected.id : selected?.kind === 'invocation' ? useUi.getState().frame?.recent.concat(useUi.getState().frame?.inflight ?? []).find((i) => i.id === selected.id)?.env : undefined;
    if (!env) return notify('Select an environment (fleet view) or an invocation that ran (timeline) first', 'info');
    try {
      const { inspectEnvironment } = await import('./inspector'); // the bridge and @statelyai/inspect load only now
      notify(await inspectEnvironment(env), 'info');
    } catch (e) { notify(`Stately Inspector: ${(e as Error).message}`, 'error'); }
  };
  return (
    <div className="wb-tools">
      <div className="field">
        <b>Export</b>
        <button data-testid="wb.export.perfetto" onClick={() => void exportTrace('perfetto')} title="Each worker a process, each environment a thread, each invocation's phases as slices, Event retries as arrows">Perfetto / Chrome trace</button>
        <button data-testid="wb.export.otlp" onClick={() => void exportTrace('otlp')}>OpenTelemetry spans (OTLP/JSON)</button>
        <span className="hint">open the trace at ui.perfetto.dev</span>
      </div>
      <div className="field">
        <b>Run until</b>
        <select data-testid="wb.until.kind" aria-label="Run until" value={until.kind} onChange={(e) => setUntil({ ...until, kind: e.target.value as RunUntil['kind'] })}>
          <option value="coldStarts">cold starts reach</option><option value="queueEmpty">the Event queue is empty</option><option value="time">t (s) =</option>
        </select>
        {until.kind !== 'queueEmpty' && <input data-testid="wb.until.value" aria-label={until.kind === 'time' ? 'time in s' : 'number of cold starts'} value={until.value} onChange={(e) => setUntil({ ...until, value: e.target.value })} style={{ width: 80 }} />}
        <button data-testid="wb.until.run" onClick={runUntil}>Run</button>
        {result && <span data-testid="wb.until.result" className="hint">{result}</span>}
      </div>
      <BookmarksPanel />
      <div className="field">
        <b>Stately Inspector</b>
        {inspect
          ? <button data-testid="wb.inspect" onClick={openInspector} title="Replays the selected environment's state changes into the environment machine, with the Stately Inspector attached">Inspect the selected environment</button>
          : <button data-testid="wb.inspect.enable" onClick={() => setInspect(true)}>Enable the inspector bridge</button>}
        <span className="hint">opens stately.ai/inspect in a new window (loaded only when you ask)</span>
      </div>
    </div>
  );
}
