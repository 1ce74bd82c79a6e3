import { useUi } from '../store/uiStore';
import { Notices } from '../Notices';
import { WorkerErrorBanner } from '../ErrorOverlay';
import { Narrator } from '../Narrator';
import { ShortcutsDialog } from '../ShortcutsDialog';
import { View, VIEWS, defaultView } from '../viewRegistry';
import { chapterById } from '../tours/chapters';
import { formatTime } from '../format';
import { Stage } from './Stage';
import { EmbedNarration } from './EmbedNarration';
import { slideView } from './tourControl';

/** Presenter mode draws in a smaller logical box than an embed: the same frame, larger type. */
const PRESENTER_BASE_W = 640;

/**
 * Presenter mode (`presenter=1` or `p`): the whole window is one view and the open tour step,
 * in large type, with no controls — driven by the keyboard or a clicker alone. `v` changes
 * the view; `p` or Escape leaves.
 */
export function PresenterApp() {
  const named = useUi((s) => s.view);
  const tourView = useUi((s) => (s.tour ? chapterById(s.tour.id)?.steps[s.tour.step - 1]?.view : undefined));
  const playing = useUi((s) => s.playing);
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const view = slideView(named, tourView, defaultView());
  return (
    <Stage testId="presenter" className="presenter" base={PRESENTER_BASE_W}>
      <main className="slide-layout" aria-label={`Presenter mode: ${VIEWS[view]?.title ?? view}`}>
        <EmbedNarration />
        <div className="slide-view"><View key={view} name={view} /></div>
        <p className="presenter-foot" aria-live="off">
          <span data-testid="clock">t = {formatTime(timeMs)} · {playing ? 'playing' : 'paused'}</span>
          <span className="hint">Space play/pause · PageDown next · v view · ? keys · p or Esc leave</span>
        </p>
      </main>
      <div className="slide-overlay"><Notices /><WorkerErrorBanner /></div>
      <ShortcutsDialog />
      <Narrator />
    </Stage>
  );
}
