import { useUi } from '../store/uiStore';
import { Notices } from '../Notices';
import { WorkerErrorBanner } from '../ErrorOverlay';
import { Narrator } from '../Narrator';
import { PlaybackBar } from '../controls/PlaybackBar';
import { ShortcutsDialog } from '../ShortcutsDialog';
import { View, defaultView } from '../viewRegistry';
import { chapterById } from '../tours/chapters';
import { Stage } from './Stage';
import { EmbedNarration } from './EmbedNarration';
import { EmbedClock } from './EmbedClock';
import { slideView } from './tourControl';

/**
 * `embed=1`: one view filling its frame, for an `<iframe>` in slides. Everything is laid out
 * in the Stage's logical box and scaled to the frame, so a 1280×720 slide and an 800×450
 * thumbnail show the same picture. `controls=` picks the chrome: none, the clock, or the bar.
 */
export function EmbedApp() {
  const named = useUi((s) => s.view);
  const controls = useUi((s) => s.controls);
  const tourView = useUi((s) => (s.tour ? chapterById(s.tour.id)?.steps[s.tour.step - 1]?.view : undefined));
  const touring = useUi((s) => s.tour !== null);
  const view = slideView(named, tourView, defaultView());
  return (
    <Stage testId="embed" className="embed">
      <main className="slide-layout" aria-label="Lambdascope">
        <EmbedNarration brief aside={controls === 'clock' ? <EmbedClock /> : null} />
        <div className="slide-view"><View key={view} name={view} /></div>
        {controls === 'clock' && !touring && <EmbedClock />}
        {controls === 'full' && <div className="slide-bar"><PlaybackBar /></div>}
      </main>
      <div className="slide-overlay"><Notices /><WorkerErrorBanner /></div>
      <ShortcutsDialog />
      <Narrator />
    </Stage>
  );
}
