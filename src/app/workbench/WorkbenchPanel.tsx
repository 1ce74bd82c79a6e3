import { useState } from 'react';
import { TracePanel } from './TracePanel';
import { ComparePanel } from './ComparePanel';
import { SweepPanel } from './SweepPanel';
import { AnalyticPanel } from './AnalyticPanel';
import { ToolsPanel } from './ToolsPanel';
import { useWb } from './wbStore';
import { cancelWorkbenchJob } from './wbClient';

const TABS = [
  ['trace', 'Real traffic'], ['compare', 'A/B'], ['sweep', 'Sweep'], ['models', 'Models'], ['tools', 'Tools'],
] as const;
type Tab = (typeof TABS)[number][0];

/** The engineer's workbench (issue #12): real traffic, A/B on identical traffic, sweeps, analytic models, exports. */
export function WorkbenchPanel() {
  const [tab, setTab] = useState<Tab>('trace');
  const progress = useWb((s) => s.progress);
  return (
    <section className="view workbench" aria-label="Workbench" data-testid="workbench">
      <div className="wb-tabs" role="tablist" aria-label="Workbench">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} data-testid={`wb.tab.${id}`} className={tab === id ? 'active' : ''} onClick={() => setTab(id)}>{label}</button>
        ))}
        {progress && (
          <span className="wb-progress" role="status" data-testid="wb.progress">
            {progress.text}{Number.isFinite(progress.fraction) ? ` (${Math.round(progress.fraction * 100)} %)` : ''}
            <button className="link" data-testid="wb.cancel" onClick={cancelWorkbenchJob}>cancel</button>
          </span>
        )}
      </div>
      <div role="tabpanel">
        {tab === 'trace' && <TracePanel />}
        {tab === 'compare' && <ComparePanel />}
        {tab === 'sweep' && <SweepPanel />}
        {tab === 'models' && <AnalyticPanel />}
        {tab === 'tools' && <ToolsPanel />}
      </div>
    </section>
  );
}
