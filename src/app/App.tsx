import { useEffect, useState } from 'react';
import { useUi } from './store/uiStore';
import { PlaybackBar } from './controls/PlaybackBar';
import { InvokePanel } from './controls/InvokePanel';
import { LoadPanel } from './controls/LoadPanel';
import { ConfigPanel } from './controls/ConfigPanel';
import { FaultPanel } from './controls/FaultPanel';
import { ExportPanel } from './controls/ExportPanel';
import { CostPanel } from './controls/CostPanel';
import { ArchitectureView } from './views/ArchitectureView';
import { FleetView } from './views/FleetView';
import { TimelineView } from './views/TimelineView';
import { LifecycleView } from './views/LifecycleView';
import { ChartsView } from './views/ChartsView';
import { EventLogView } from './views/EventLogView';
import { DetailsPanel } from './views/DetailsPanel';
import { Notices } from './Notices';
import { ViewBoundary, WorkerErrorBanner } from './ErrorOverlay';
import { installKeyboard, SHORTCUTS } from './keyboard';
import { TourPanel, ToursButton } from './tours/TourPanel';
import { Narrator } from './Narrator';

const VIEWS: Record<string, { title: string; el: () => React.ReactNode }> = {
  architecture: { title: 'data plane', el: () => <ArchitectureView /> },
  fleet: { title: 'fleet', el: () => <FleetView /> },
  timeline: { title: 'timeline', el: () => <TimelineView /> },
  lifecycle: { title: 'lifecycle', el: () => <LifecycleView /> },
  charts: { title: 'charts', el: () => <ChartsView /> },
  log: { title: 'event log', el: () => <EventLogView /> },
};

function View({ name }: { name: string }) {
  return <div data-view={name} className="view-slot"><ViewBoundary name={VIEWS[name].title}>{VIEWS[name].el()}</ViewBoundary></div>;
}

function ThemeToggle() {
  const theme = useUi((s) => s.theme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button data-testid="theme" aria-label={`Switch to the ${next} theme`} onClick={() => {
      useUi.setState({ theme: next });
      document.documentElement.dataset.theme = next;
    }}>{theme === 'dark' ? '☀ Light' : '☾ Dark'}</button>
  );
}

/** Layout only: controls on the side, views in the main area; embed mode shows one view. */
export function App() {
  const embed = useUi((s) => s.embed);
  const view = useUi((s) => s.view);
  const ready = useUi((s) => s.frame !== null);
  // A new scenario (or seed) remounts the configuration form so it shows that function's values.
  const scenarioKey = useUi((s) => `${s.scenarioName}:${s.seed}:${s.loads}`);
  const [help, setHelp] = useState(false);
  useEffect(() => installKeyboard(() => setHelp((h) => !h)), []);

  if (embed) {
    return (
      <main className="embed" data-testid="embed">
        <Notices />
        <WorkerErrorBanner />
        <TourPanel />
        <Narrator />
        {view === 'all' ? <><View name="architecture" /><View name="fleet" /></> : <View name={view} />}
        <div className="embed-clock"><PlaybackBar /></div>
      </main>
    );
  }
  return (
    <div className="app">
      <header className="topbar">
        <h1>Lambdascope</h1>
        <PlaybackBar />
        <ToursButton />
        <ThemeToggle />
        <button className="link" onClick={() => setHelp(!help)} aria-expanded={help}>Shortcuts (?)</button>
      </header>
      <TourPanel />
      {help && (
        <aside className="help" role="dialog" aria-label="Keyboard shortcuts" data-testid="help">
          <ul>{SHORTCUTS.map(([k, v]) => <li key={k}><kbd>{k}</kbd> {v}</li>)}</ul>
        </aside>
      )}
      <Notices />
      <WorkerErrorBanner />
      {!ready && <p className="loading" data-testid="loading">Starting the simulation…</p>}
      <div className="layout">
        <aside className="controls" aria-label="Controls">
          <InvokePanel />
          <LoadPanel />
          <ConfigPanel key={scenarioKey} />
          <FaultPanel />
          <CostPanel />
          <ExportPanel />
        </aside>
        <main className="views">
          <View name="architecture" />
          <div className="row"><View name="timeline" /><DetailsPanel /></div>
          <View name="fleet" />
          <View name="lifecycle" />
          <View name="charts" />
          <View name="log" />
        </main>
      </div>
      <footer className="footer">
        Numbers follow AWS documentation and published measurements; platform overheads, keep-alive and drain timing are estimates AWS does not publish (editable in a scenario’s <code>platform</code> block).
      </footer>
    </div>
  );
}
