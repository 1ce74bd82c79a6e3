import { scaleLinear } from 'd3';
import type { InvocationView } from '../../core';
import { useUi, select } from '../store/uiStore';
import { PHASES } from '../palette';
import { formatDuration, formatTime } from '../format';
import { phasesOf } from './phases';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';

const ROWS = 18;
const ROW_H = 18;
const COLOR = Object.fromEntries(PHASES.map((p) => [p.key, p.color]));

/**
 * One Gantt row per invocation, every row aligned at its arrival so that a cold start's
 * placement and Init sit visibly beside a warm invocation's bare Invoke.
 */
export function TimelineView() {
  const [liveRef, frame] = useLiveFrame(30);
  const selected = useUi((s) => s.selected);
  const [sizeRef, width] = useWidth<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  if (!frame) return <div ref={ref} className="view timeline" />;
  const rows: InvocationView[] = [...frame.inflight, ...frame.recent]
    .filter((i) => i.state !== 'DryRunSucceeded' && i.state !== 'Rejected')
    .sort((a, b) => b.receivedMs - a.receivedMs || b.id - a.id)
    .slice(0, ROWS);
  const start = (i: InvocationView) => (Number.isNaN(i.queuedSinceMs) ? i.receivedMs : i.queuedSinceMs);
  const span = Math.max(10, ...rows.map((i) => (Number.isNaN(i.respondedMs) ? frame.timeMs : i.respondedMs) - start(i)));
  const LABEL_W = Math.min(190, Math.round(width * 0.42));
  const x = scaleLinear().domain([0, span]).range([LABEL_W, width - 12]);
  const ticks = x.ticks(Math.max(2, Math.floor((width - LABEL_W) / 90)));
  const height = 22 + rows.length * ROW_H + 8;
  return (
    <figure ref={ref} className="view timeline" aria-label="Invocation timeline">
      <figcaption><strong>Invocations</strong> — newest first, each from its arrival (time since arrival →). Click one to see why it was cold or warm.</figcaption>
      <svg width={width} height={height} role="group" aria-label="Phases of recent invocations">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={16} y2={height - 6} className="grid" />
            <text x={x(t)} y={12} textAnchor="middle" className="axis">{formatDuration(t)}</text>
          </g>
        ))}
        {rows.map((inv, r) => {
          const y = 20 + r * ROW_H;
          const isSel = selected?.kind === 'invocation' && selected.id === inv.id;
          const tag = inv.state === 'Throttled' ? '429' : inv.provisioned ? 'PC' : inv.cold ? 'cold' : 'warm';
          return (
            <g key={inv.id} data-testid={`timeline.inv.${inv.id}`} data-cold={inv.cold} className={`tl-row${isSel ? ' selected' : ''}`}
              onClick={() => select({ kind: 'invocation', id: inv.id })} role="button" tabIndex={0}
              onKeyDown={(e) => { if (e.key === 'Enter') select({ kind: 'invocation', id: inv.id }); }}
              aria-label={`inv-${inv.id}, ${tag}, ${inv.state}`}>
              <rect x={0} y={y - 2} width={width} height={ROW_H} className="tl-hit" />
              <text x={4} y={y + 11} className="tl-label">inv-{inv.id} {inv.mode === 'Event' ? 'evt ' : ''}<tspan className={`tag ${tag}`}>{tag}</tspan> {inv.state === 'Received' || inv.state === 'Invoking' || inv.state === 'WaitingForInit' || inv.state === 'Assigning' ? '…' : inv.state}</text>
              {phasesOf(inv, frame.timeMs).map((p) => (
                <rect key={p.key} x={x(p.from)} y={y} width={Math.max(1, x(p.to) - x(p.from))} height={ROW_H - 5} fill={COLOR[p.key]}>
                  <title>{`${PHASES.find((q) => q.key === p.key)!.label}: ${formatDuration(p.to - p.from)}`}</title>
                </rect>
              ))}
              {inv.state === 'Throttled' && <text x={x(inv.countedMs - start(inv)) + 4} y={y + 11} className="throttle-label">429 {inv.throttleReason}</text>}
            </g>
          );
        })}
        {rows.length === 0 && <text x={LABEL_W} y={36} className="axis">No invocations yet at t = {formatTime(frame.timeMs)} — fire one.</text>}
      </svg>
      <ul className="legend">{PHASES.map((p) => <li key={p.key}><span className="swatch" style={{ background: p.color }} />{p.label}</li>)}</ul>
    </figure>
  );
}
