import { useState } from 'react';
import { exportCsv, exportPng, exportRunJson, exportSvg, saveScenario } from '../exports';
import { pageApi } from '../pageApi';
import { notify } from '../store/uiStore';
import { ClipButton } from '../clip/ClipDialog';
import { exportTrace } from '../workbench/exportTrace';

const VIEWS = ['scene', 'fleet', 'timeline', 'lifecycle', 'charts'];

/** Export the current view (PNG, SVG), the metrics (CSV), the run (JSON); save and open scenarios. */
export function ExportPanel() {
  const [view, setView] = useState('scene');
  const open = async (file: File | undefined) => {
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      return notify(`${file.name}: not valid JSON (${(e as Error).message})`, 'error');
    }
    try {
      await pageApi.load(json as object);
    } catch (e) {
      notify(`${file.name}: ${(e as Error).message}`, 'error');
    }
  };
  return (
    <section className="panel" aria-labelledby="export-h">
      <h2 id="export-h">Export and share</h2>
      <div className="field">
        <label>View <select data-testid="export.view" value={view} onChange={(e) => setView(e.target.value)}>{VIEWS.map((v) => <option key={v}>{v}</option>)}</select></label>
        <button data-testid="export.png" onClick={() => exportPng(view)}>PNG</button>
        <button data-testid="export.svg" onClick={() => exportSvg(view)}>SVG</button>
        <ClipButton />
      </div>
      <div className="buttons">
        <button data-testid="export.csv" onClick={exportCsv}>Metrics CSV</button>
        <button data-testid="export.run" onClick={exportRunJson}>Run JSON</button>
        <button data-testid="export.perfetto" onClick={() => void exportTrace('perfetto')} title="Open it at ui.perfetto.dev">Perfetto trace</button>
        <button data-testid="scenario.save" onClick={saveScenario}>Save scenario</button>
        <label className="file-button">Open scenario… <input data-testid="scenario.open" type="file" accept="application/json,.json" onChange={(e) => open(e.target.files?.[0])} /></label>
      </div>
    </section>
  );
}
