import { scaleLinear } from 'd3';
import type { InvocationView } from '../../core';
import { useUi, select } from '../store/uiStore';
import { PHASES } from '../palette';
import { formatDuration, formatTime } from '../format';
import { phasesOf } from './phases';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';
import { FitArea, useBox, useFit } from './viewFit';
import { textWidth } from './textWidth';

const ROWS = 18;
const ROW_H = 18;
const LABEL_PX = 11;
const AXIS_H = 20;
const COLOR = Object.fromEntries(PHASES.map((p) => [p.key, p.color]));
const LABEL = Object.fromEntries(PHASES.map((p) => [p.key, p.label]));
/** AWS's throttle reasons, and shorter words for narrow timelines (the full name stays in the tooltip). */
const SHORT_REASON: Record<string, string> = {
  ConcurrentInvocationLimitExceeded: 'account limit',
  ReservedFunctionConcurrentInvocationLimitExceeded: 'reserved limit',
  FunctionInvocationRateLimitExceeded: 'scaling rate',
};
const IN_FLIGHT = new Set(['Received', 'Invoking', 'WaitingForInit', 'Assigning']);

function tagOf(inv: InvocationView): string {
  return inv.state === 'Throttled' ? '429' : inv.provisioned ? 'PC' : inv.cold ? 'cold' : 'warm';
}

function labelParts(inv: InvocationView): [string, string, string, string] {
  return [`inv-${inv.id}${inv.mode === 'Event' ? ' evt' : ''}`, inv.fnName, tagOf(inv), IN_FLIGHT.has(inv.state) ? '…' : inv.state === 'Throttled' ? 'Throttled' : inv.state];
}

/**
 * One Gantt row per invocation, every row aligned at its arrival so that a cold start's
 * placement and Init sit visibly beside a warm invocation's bare Invoke. Each row names its
 * function; only phases the request reached are drawn; a 429's reason has its own column,
 * right of the bars, never over them.
 */
export function TimelineView() {
  const [liveRef, frame] = useLiveFrame(30);
  const selected = useUi((s) => s.selected);
  const fit = useFit() !== null;
  const [sizeRef, measured] = useWidth<HTMLDivElement>();
  const [areaRef, box] = useBox<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  if (!frame) return <div ref={ref} className="view timeline" />;
  const width = fit ? box.width : measured;
  const maxRows = fit ? Math.max(1, Math.floor((box.height - AXIS_H - 6) / ROW_H)) : ROWS;
  const rows: InvocationView[] = [...frame.inflight, ...frame.recent]
    .filter((i) => i.state !== 'DryRunSucceeded' && i.state !== 'Rejected')
    .sort((a, b) => b.receivedMs - a.receivedMs || b.id - a.id)
    .slice(0, maxRows);
  // In a slide, a few rows grow taller (up to 34 px, label type up to 14 px) to use the box.
  const rowH = fit ? Math.min(34, Math.max(ROW_H, Math.floor((box.height - AXIS_H - 6) / Math.max(6, rows.length)))) : ROW_H;
  const labelPx = Math.min(14, Math.max(LABEL_PX, Math.round(rowH * 0.45)));
  const phases = new Map(rows.map((i) => [i.id, phasesOf(i, frame.timeMs)]));
  const span = Math.max(10, ...rows.map((i) => Math.max(0, ...phases.get(i.id)!.map((p) => p.to))));
  // Label column: as wide as the longest label (each part measured), at most 45 % of the width.
  const widest = Math.max(60, ...rows.map((i) => textWidth(labelParts(i).join(' '), labelPx, true)));
  const labelW = Math.min(Math.round(width * 0.45), widest + 8);
  // Throttle reasons: a column of their own on the right, in full where there is room.
  const reasons = rows.filter((i) => i.throttleReason).map((i) => i.throttleReason!);
  const fullW = Math.max(0, ...reasons.map((r) => textWidth(r, 10, true)));
  const useShort = fullW > (width - labelW) * 0.4;
  const reasonText = (r: string) => (useShort ? SHORT_REASON[r] ?? r : r);
  const reasonW = reasons.length ? Math.max(...reasons.map((r) => textWidth(reasonText(r), 10, true))) + 10 : 0;
  const barsRight = width - 12 - reasonW;
  const x = scaleLinear().domain([0, span]).range([labelW, barsRight]);
  const ticks = x.ticks(Math.max(2, Math.floor((width - labelW - reasonW) / 90)));
  const height = fit ? box.height : AXIS_H + 2 + rows.length * rowH + 8;
  return (
    <figure ref={ref} className={`view timeline${fit ? ' fit' : ''}`} aria-label="Invocation timeline" data-time={frame.timeMs}>
      <figcaption><strong>Invocations</strong><span className="caption-more"> — newest first, each from its arrival (time since arrival →). Click one to see why it was cold or warm.</span></figcaption>
      <FitArea fit={fit} areaRef={areaRef}>
        <svg width={width} height={height} role="group" aria-label="Phases of recent invocations">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={AXIS_H - 4} y2={AXIS_H + rows.length * rowH} className="grid" />
              <text x={x(t)} y={AXIS_H - 8} textAnchor={x(t) + textWidth(formatDuration(t), 10) / 2 > barsRight + 4 ? 'end' : 'middle'} className="axis">{formatDuration(t)}</text>
            </g>
          ))}
          {reasonW > 0 && <text x={width - reasonW} y={AXIS_H - 8} className="axis">429 reason</text>}
          {rows.map((inv, r) => {
            const y = AXIS_H + r * rowH;
            const isSel = selected?.kind === 'invocation' && selected.id === inv.id;
            const [id, fn, tag, outcome] = labelParts(inv);
            return (
              <g key={inv.id} data-testid={`timeline.inv.${inv.id}`} data-cold={inv.cold} data-state={inv.state} data-function={inv.fnName}
                className={`tl-row${isSel ? ' selected' : ''}`} onClick={() => select({ kind: 'invocation', id: inv.id })} role="button" tabIndex={0}
                onKeyDown={(e) => { if (e.key === 'Enter') select({ kind: 'invocation', id: inv.id }); }}
                aria-label={`${id}, ${fn}, ${tag}, ${outcome === '…' ? 'in progress' : outcome}${inv.throttleReason ? `, ${inv.throttleReason}` : ''}`}>
                <rect x={0} y={y - 2} width={width} height={rowH} className="tl-hit" />
                <text x={4} y={y + (rowH - 5) / 2 + labelPx * 0.36} className="tl-label" fontSize={labelPx}>{id} <tspan className="tl-fn">{fn}</tspan> <tspan className={`tag ${tag}`}>{tag}</tspan> {outcome}</text>
                {phases.get(inv.id)!.map((p) => (
                  <rect key={p.key} data-phase={p.key} x={x(p.from)} y={y} width={Math.max(1, x(p.to) - x(p.from))} height={rowH - 5} fill={COLOR[p.key]} className="tl-seg">
                    <title>{`${LABEL[p.key]}: ${formatDuration(p.to - p.from)}`}</title>
                  </rect>
                ))}
                {inv.throttleReason && (
                  <text x={width - reasonW} y={y + (rowH - 5) / 2 + 3.6} className="tl-reason" data-testid="timeline.reason">
                    <title>{`429 ${inv.throttleReason}`}</title>{reasonText(inv.throttleReason)}
                  </text>
                )}
              </g>
            );
          })}
          {rows.length === 0 && <text x={labelW} y={36} className="axis">No invocations yet at t = {formatTime(frame.timeMs)} — fire one.</text>}
        </svg>
      </FitArea>
      <ul className="legend" aria-label="Phases">{PHASES.map((p) => <li key={p.key}><span className="swatch" style={{ background: p.color }} />{p.label}</li>)}</ul>
    </figure>
  );
}
