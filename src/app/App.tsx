import { useEffect } from 'react';
import { useUi } from './store/uiStore';
import { PlaybackBar } from './controls/PlaybackBar';
import { InvokePanel } from './controls/InvokePanel';
import { LoadPanel } from './controls/LoadPanel';
import { ConfigPanel } from './controls/ConfigPanel';
import { FaultPanel } from './controls/FaultPanel';
import { ExportPanel } from './controls/ExportPanel';
import { CostPanel } from './controls/CostPanel';
import { DetailsPanel } from './views/DetailsPanel';
import { Notices } from './Notices';
import { WorkerErrorBanner } from './ErrorOverlay';
import { installKeyboard } from './keyboard';
import { TourPanel, ToursButton } from './tours/TourPanel';
import { Narrator } from './Narrator';
import { View } from './viewRegistry';
import { ShortcutsDialog, setHelp } from './ShortcutsDialog';
import { EmbedApp } from './embed/EmbedApp';
import { PresenterApp } from './embed/PresenterApp';
import { SkipLink } from './SkipLink';
import { PhoneActionBar } from './phone/PhoneActionBar';

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

/** Layout only: controls on the side, views in the main area. */
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
        <ToursButton />
        <ThemeToggle />
        <button className="link" onClick={() => setHelp(!help)} aria-expanded={help}>Shortcuts (?)</button>
      </header>
      <TourPanel />
      <ShortcutsDialog />
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
        <main className="views" id="main-view" tabIndex={-1} aria-label="Views">
          <View name="architecture" />
          <div className="row"><View name="timeline" /><DetailsPanel /></div>
          <View name="fleet" />
          <View name="lifecycle" />
          <View name="charts" />
          <View name="workbench" />
          <View name="log" />
        </main>
      </div>
      <PhoneActionBar />
      <footer className="footer">
        Numbers follow AWS documentation and published measurements; platform overheads, keep-alive and drain timing are estimates AWS does not publish (editable in a scenario’s <code>platform</code> block).
      </footer>
    </div>
  );
}
