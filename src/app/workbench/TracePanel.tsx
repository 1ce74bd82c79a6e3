import { useState } from 'react';
import { notify, useUi } from '../store/uiStore';
import { useWb } from './wbStore';
import { wb } from './wbClient';

/**
 * Drop a trace file: Azure Functions 2021 (app,func,end_timestamp,duration), Azure 2019
 * per-minute counts (with optional durations and memory files), or one timestamp in ms per
 * line. The worker streams it from the File — it never holds the file whole — and replays it
 * onto the scenario's functions.
 */
export function TracePanel() {
  const loads = useUi((s) => s.loads);
  const trace = useWb((s) => (s.traceAtLoad === loads ? s.trace : null));
  const [map, setMap] = useState('name');
  const [top, setTop] = useState(5);
  const [extra, setExtra] = useState<{ durations?: File; memory?: File }>({});
  const [over, setOver] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const load = async (file: File | undefined) => {
    if (!file) return;
    setProblems([]);
    try {
      const r = await wb({ type: 'wb.trace', file, name: file.name, map: map === 'top' ? `top:${top}` : map, ...extra }, 'trace');
      useWb.setState({ trace: r.trace, traceAtLoad: useUi.getState().loads });
    } catch (e) {
      setProblems((e as Error).message.split('\n'));
      notify(`${file.name}: not replayed`, 'error');
    }
  };
  return (
    <div className="wb-trace">
      <div
        className={`dropzone${over ? ' over' : ''}`} data-testid="wb.dropzone" role="group" aria-label="Drop a trace file here, or choose one"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void load(e.dataTransfer.files[0]); }}
      >
        <p><b>Drop a trace file</b> — Azure Functions 2021 or 2019, or timestamps in ms — or <label className="file-button">choose one… <input data-testid="wb.traceFile" type="file" accept=".csv,.txt,text/csv" onChange={(e) => void load(e.target.files?.[0])} /></label></p>
        <p className="hint">Read in chunks in the worker, never whole; the arrivals are pulled as simulated time advances. Sample files: <code>traces/</code> in the repository.</p>
      </div>
      <div className="field">
        <label>Map trace functions <select data-testid="wb.traceMap" value={map} onChange={(e) => setMap(e.target.value)}>
          <option value="name">by name</option><option value="rank">by rank of volume</option><option value="top">top N, copies of functions[0]</option>
        </select></label>
        {map === 'top' && <label>N <input type="number" min={1} max={1000} value={top} onChange={(e) => setTop(Number(e.target.value))} style={{ width: 60 }} /></label>}
      </div>
      <div className="field hint">
        Azure 2019 only: <label className="file-button">durations… <input type="file" accept=".csv" onChange={(e) => setExtra((x) => ({ ...x, durations: e.target.files?.[0] }))} /></label>
        <label className="file-button">memory… <input type="file" accept=".csv" onChange={(e) => setExtra((x) => ({ ...x, memory: e.target.files?.[0] }))} /></label>
        {extra.durations && <span>{extra.durations.name}</span>} {extra.memory && <span>{extra.memory.name}</span>}
      </div>
      {problems.length > 0 && <ul className="field-error" data-testid="wb.traceProblems">{problems.slice(0, 8).map((p) => <li key={p}>{p}</li>)}</ul>}
      {trace && (
        <div data-testid="wb.traceLoaded" className="hint">
          Replaying <b>{trace.file}</b> ({trace.format}): <b data-testid="wb.traceCount">{trace.volumes.invocations}</b> invocations of {trace.volumes.functions.length} trace functions
          {' '}→ {trace.mapped.map((m) => `${m.function} (${m.invocations})`).join(', ')}
          {trace.unmapped.functions > 0 && `; ${trace.unmapped.functions} functions (${trace.unmapped.invocations} invocations) not mapped`}.
        </div>
      )}
    </div>
  );
}
