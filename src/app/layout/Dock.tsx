import { useUi } from '../store/uiStore';
import { TourPanel } from '../tours/TourPanel';
import { ChapterList } from '../tours/ChapterList';
import { InvokePanel } from '../controls/InvokePanel';
import { ScenarioCard } from './ScenarioCard';

/**
 * Beside the scene: the tour's narration while a tour is open (it never scrolls away: the
 * dock is as tall as the scene), otherwise the scenario, the tours, and the invoke buttons.
 */
export function Dock() {
  const tour = useUi((s) => s.tour !== null);
  return (
    <aside className={`dock ${tour ? 'touring' : ''}`} aria-label={tour ? 'Tour narration' : 'Lessons and actions'}>
      {tour ? <TourPanel /> : <ScenarioCard />}
      <div className="dock-act"><InvokePanel /></div>
      {!tour && <ChapterList />}
    </aside>
  );
}
