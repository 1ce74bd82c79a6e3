import { useUi, select, type UiState } from '../store/uiStore';
import { formatTime } from '../format';
import { useLiveFrame, mergeRefs } from './useLiveFrame';
import { useBox, useFit } from './viewFit';

const LINE_H = 16; // one entry, in a slide (logical px)

const FILTERS: UiState['logFilter'][] = ['all', 'interesting', 'request', 'environment', 'outcome', 'async', 'control', 'fault', 'worker'];

/** The event log, newest first, filterable; selecting an entry selects its invocation or environment. */
export function EventLogView() {
  const [liveRef, frame] = useLiveFrame(6);
  const log = frame?.log ?? [];
  const filter = useUi((s) => s.logFilter);
  // In a slide: as many entries as fit the box, one line each.
  const fit = useFit() !== null;
  const [areaRef, box] = useBox<HTMLOListElement>();
  const ref = mergeRefs<HTMLElement>(liveRef);
  const limit = fit ? Math.max(1, Math.floor(box.height / LINE_H)) : 80;
  const shown = log.filter((l) => filter === 'all' || (filter === 'interesting' ? l.interesting : l.kind === filter)).slice(-limit).reverse();
  return (
    <section ref={ref} className={`view log${fit ? ' fit' : ''}`} aria-labelledby="log-h" data-time={frame?.timeMs}>
      <h2 id="log-h">Event log{' '}
        <select data-testid="log.filter" value={filter} onChange={(e) => useUi.setState({ logFilter: e.target.value as UiState['logFilter'] })} aria-label="Filter the event log">
          {FILTERS.map((f) => <option key={f}>{f}</option>)}
        </select>
      </h2>
      <ol className="log-list" data-testid="log.list" ref={fit ? areaRef : undefined}>
        {shown.map((l) => (
          <li key={l.seq} className={`log-${l.kind}${l.interesting ? ' interesting' : ''}`}>
            <button className="link" onClick={() => select(l.invocation ? { kind: 'invocation', id: l.invocation } : l.env ? { kind: 'environment', id: l.env } : null)}>
              <time>{formatTime(l.atMs)}</time> {l.text}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
