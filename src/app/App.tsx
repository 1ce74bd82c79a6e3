import { useEffect, useState } from 'react';
import { useUi } from './store/uiStore';
import { PlaybackBar } from './controls/PlaybackBar';
import { LoadPanel } from './controls/LoadPanel';
import { ConfigPanel } from './controls/ConfigPanel';
import { FaultPanel } from './controls/FaultPanel';
import { ExportPanel } from './controls/ExportPanel';
import { ArchitectureView } from './views/ArchitectureView';
import { SceneView } from './views/scene/SceneView';
import { FleetView } from './views/FleetView';
import { TimelineView } from './views/TimelineView';
import { LifecycleView } from './views/LifecycleView';
import { ChartsView } from './views/ChartsView';
import { EventLogView } from './views/EventLogView';
import { DetailsPanel } from './views/DetailsPanel';
import { Notices } from './Notices';
import { ViewBoundary, WorkerErrorBanner } from './ErrorOverlay';
import { installKeyboard, SHORTCUTS } from './keyboard';
import { TourPanel } from './tours/TourPanel';
import { Welcome } from './tours/Welcome';
import { Dock } from './layout/Dock';
import './layout/layout.css';
import { Narrator } from './Narrator';

const VIEWS: Record<string, { title: string; el: () => React.ReactNode }> = {
  scene: { title: 'scene', el: () => <SceneView /> },
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

/**
 * Layout only. The main page: a one-line top bar; the scene filling the first screen with the
 * dock (tour narration, or the scenario, tours and invoke buttons) beside it; the controls
 * and the other views below. Embed mode shows one view (src/app/embed/ takes it over).
 */
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
        {view === 'all' ? <View name="scene" /> : <View name={view} />}
        <div className="embed-clock"><PlaybackBar /></div>
      </main>
    );
  }
  return (
    <div className="app">
      <header className="topbar">
        <h1>Lambdascope</h1>
        <PlaybackBar />
        <ThemeToggle />
        <button className="link" onClick={() => setHelp(!help)} aria-expanded={help} title="Keyboard shortcuts">Keys (?)</button>
      </header>
      {help && (
        <aside className="help" role="dialog" aria-label="Keyboard shortcuts" data-testid="help">
          <ul>{SHORTCUTS.map(([k, v]) => <li key={k}><kbd>{k}</kbd> {v}</li>)}</ul>
        </aside>
      )}
      <Notices />
      <WorkerErrorBanner />
      <div className="stage">
        <main className="stage-main" id="scene">
          {!ready && <p className="loading" data-testid="loading">Starting the simulation…</p>}
          <View name="scene" />
          <Welcome />
        </main>
        <Dock />
      </div>
      <section className="workbench" aria-label="Controls">
        <h2>Drive the run</h2>
        <LoadPanel />
        <ConfigPanel key={scenarioKey} />
        <FaultPanel />
        <ExportPanel />
      </section>
      <div className="views">
        <div className="row"><View name="timeline" /><DetailsPanel /></div>
        <View name="fleet" />
        <View name="lifecycle" />
        <View name="charts" />
        <View name="log" />
      </div>
      <footer className="footer">
        Numbers follow AWS documentation and published measurements; platform overheads, keep-alive and drain timing are estimates AWS does not publish (editable in a scenario’s <code>platform</code> block).
      </footer>
    </div>
  );
}
