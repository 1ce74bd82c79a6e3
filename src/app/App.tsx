import { useEffect } from 'react';
import { useUi } from './store/uiStore';
import { PlaybackBar } from './controls/PlaybackBar';
import { LoadPanel } from './controls/LoadPanel';
import { ConfigPanel } from './controls/ConfigPanel';
import { MappingPanel } from './controls/MappingPanel';
import { FaultPanel } from './controls/FaultPanel';
import { ExportPanel } from './controls/ExportPanel';
import { CostPanel } from './controls/CostPanel';
import { DetailsPanel } from './views/DetailsPanel';
import { Notices } from './Notices';
import { WorkerErrorBanner } from './ErrorOverlay';
import { installKeyboard } from './keyboard';
import { View } from './viewRegistry';
import { ShortcutsDialog, setHelp } from './ShortcutsDialog';
import { EmbedApp } from './embed/EmbedApp';
import { PresenterApp } from './embed/PresenterApp';
import { SkipLink } from './SkipLink';
import { PhoneActionBar } from './phone/PhoneActionBar';
import { Welcome } from './tours/Welcome';
import { Dock } from './layout/Dock';
import './layout/layout.css';

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

/** Embed (slides) and presenter mode have their own trees; the main page is below. */
export function App() {
  const embed = useUi((s) => s.embed);
  const presenter = useUi((s) => s.presenter);
  useEffect(() => installKeyboard(), []);
  if (embed) return <EmbedApp />;
  if (presenter) return <PresenterApp />;
  return <MainPage />;
}

/**
 * Layout only. The main page: a one-line top bar; the scene filling the first screen with the
 * dock (tour narration, or the scenario, invoke buttons and tours) beside it; the controls
 * and the other views below.
 */
function MainPage() {
  const ready = useUi((s) => s.frame !== null);
  const help = useUi((s) => s.helpOpen);
  // A new scenario (or seed) remounts the configuration form so it shows that function's values.
  const scenarioKey = useUi((s) => `${s.scenarioName}:${s.seed}:${s.loads}`);
  return (
    <div className="app">
      <SkipLink target="main-view" />
      <header className="topbar">
        <h1>Lambdascope</h1>
        <PlaybackBar />
        <ThemeToggle />
        <button className="link" onClick={() => setHelp(!help)} aria-expanded={help} title="Keyboard shortcuts (?)">Keys<span className="wide-only"> (?)</span></button>
        <button className="link" data-testid="presenter.open" onClick={() => useUi.setState({ presenter: true })} title="One view in large type, driven by the keyboard or a clicker (p; Escape leaves)">Present<span className="wide-only"> (p)</span></button>
      </header>
      <ShortcutsDialog />
      <Notices />
      <WorkerErrorBanner />
      {/* The skip link lands on the scene and its dock: the next Tab reaches the tour or the invoke buttons. */}
      <div className="main-stage" id="main-view" tabIndex={-1}>
        <main className="main-stage-main" aria-label="The whole system">
          {!ready && <p className="loading" data-testid="loading">Starting the simulation…</p>}
          <View name="scene" />
          <Welcome />
        </main>
        <Dock />
      </div>
      <section className="workbench-controls" aria-label="Controls">
        <h2>Drive the run</h2>
        <LoadPanel />
        <ConfigPanel key={scenarioKey} />
        <MappingPanel key={`m${scenarioKey}`} />
        <FaultPanel />
        <CostPanel />
        <ExportPanel />
      </section>
      <div className="views" aria-label="Views">
        <div className="row"><View name="timeline" /><DetailsPanel /></div>
        <View name="fleet" />
        <View name="lifecycle" />
        <View name="charts" />
        <View name="workbench" />
        <View name="log" />
      </div>
      <PhoneActionBar />
      <footer className="footer">
        Numbers follow AWS documentation and published measurements; platform overheads, keep-alive and drain timing are estimates AWS does not publish (editable in a scenario’s <code>platform</code> block).
      </footer>
    </div>
  );
}
