import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useUi, select } from '../../store/uiStore';
import { useLiveFrame, mergeRefs } from '../useLiveFrame';
import { chooseLayout, type BoxName, type Pt, type Rect, type SceneLayout } from './layout';
import { hitFleet, layoutFleet } from './fleetLayout';
import { liveInvocations, streaks as streaksOf, TokenPlacer } from './tokens';
import { focusOf } from './Part';
import { Arrows, Defs } from './Arrows';
import { Boxes } from './Boxes';
import { CountingBox } from './CountingBox';
import { AssignmentBox } from './AssignmentBox';
import { QueueBox } from './QueueBox';
import { FleetLayer } from './FleetLayer';
import { FleetCanvas } from './FleetCanvas';
import { Badges, Tokens } from './Tokens';
import { Callout } from './Callout';
import { TokenCanvas, hitToken } from './TokenCanvas';
import { SceneLegend } from './SceneLegend';
import { hashBytes } from './memoBy';
import { useBox } from './useBox';
import { useRates } from './useRates';
import { EventSourcePart } from './EventSourcePart';
import { eventSourceMode, withEventSources } from './eventSourceLayout';
import './scene.css';

const CANVAS_FROM = 400;   // microVM cells beyond this are drawn on the canvas layer
const MANY_TOKENS = 80;    // beyond this, tokens shrink and lose their trails
const TRAIL_WALL_MS = 1000; // a trail shows the last second of wall time, in virtual time

/**
 * The scene: the whole system in one picture, in a fixed logical coordinate space (SVG
 * viewBox) scaled to fill its container, with a canvas layer under it for large fleets.
 * D3-style maths (scales, paths) in plain functions; React owns every element.
 */
export function SceneView() {
  const [liveRef, liveFrame] = useLiveFrame(60);
  const hold = useUi((s) => s.holdScene);
  const held = useRef(liveFrame);
  if (!hold) held.current = liveFrame;
  const frame = hold ? held.current : liveFrame;
  const [boxRef, size] = useBox<HTMLDivElement>();
  const { speed, selected, theme, sceneFocus } = useUi(useShallow((s) => ({ speed: s.speed, selected: s.selected, theme: s.theme, sceneFocus: s.sceneFocus })));
  const svgRef = useRef<SVGSVGElement>(null);
  const L0 = chooseLayout(size.w, size.h);
  const esMode = frame ? eventSourceMode(frame) : false;
  const L = withEventSources(L0, esMode); // an event source mapping takes the async row
  const fleet = useMemo(() => (frame ? layoutFleet(frame, L.boxes.fleet) : null), [frame, L]);
  const rates = useRates(frame);
  const ref = mergeRefs<HTMLDivElement>(liveRef, boxRef);
  if (!frame || !fleet) return <div ref={ref} className="scene" data-testid="scene" />;

  const now = frame.timeMs;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const trailMs = reduced ? 0 : Math.min(1500, (Number.isFinite(speed) ? speed : 1000) * TRAIL_WALL_MS);
  const placer = new TokenPlacer(L, fleet);
  const live = liveInvocations(frame, now, trailMs);
  const many = live.length > MANY_TOKENS;
  const tokens = reduced ? [] : placer.tokens(live, now, trailMs, !many);
  const selInv = selected?.kind === 'invocation' ? live.find((i) => i.id === selected.id) ?? [...frame.inflight, ...frame.recent].find((i) => i.id === selected.id) : undefined;
  const selToken = selInv ? tokens.find((t) => t.id === selInv.id) : undefined;
  const lit = new Set<string>(selToken?.routes ?? []);
  const focus = focusOf(sceneFocus);
  const fk = `${L.width}x${L.height}:${esMode ? 'es:' : ''}${sceneFocus?.join(',') ?? ''}`; // layout and focus, for the memoized parts
  const cells = fleet.hosts.reduce((n, h) => n + h.envs.length + h.pool, 0);
  const canvas = !fleet.aggregate && cells > CANVAS_FROM;
  const unit = Math.min(size.w / L.width, size.h / L.height);
  const origin: Pt = [(size.w - L.width * unit) / 2, (size.h - L.height * unit) / 2];
  const calloutAt: Pt | null = selToken ? [selToken.x, selToken.y]
    : selected?.kind === 'environment' ? fleet.pos.get(selected.id) ?? null
    : selected?.kind === 'worker' ? (() => { const h = fleet.hosts.find((x) => x.id === selected.id); return h ? [h.x + h.w / 2, h.y + 20] as Pt : null; })() : null;

  // Clicks in the fleet (SVG cells and canvas alike): hit-test the layout at the logical point.
  const toLogical = (ev: React.MouseEvent): Pt | null => {
    const m = svgRef.current?.getScreenCTM();
    if (!m) return null;
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  };
  // Clicks in the fleet (SVG cells and canvas alike): hit-test the layout at the logical point.
  // With many tokens drawn on the canvas, a click near one selects it first.
  const onFleetClick = (ev: React.MouseEvent) => {
    const p = toLogical(ev);
    if (!p) return;
    const t = many ? hitToken(tokens, p[0], p[1]) : null;
    select(t ? { kind: 'invocation', id: t.id } : hitFleet(fleet, frame, p));
  };
  const onSceneClick = (ev: React.MouseEvent) => {
    if (!many || ev.target !== svgRef.current) return;
    const p = toLogical(ev);
    const t = p ? hitToken(tokens, p[0], p[1]) : null;
    if (t) select({ kind: 'invocation', id: t.id });
  };
  const W = L.boxes.fleet;
  return (
    <div ref={ref} className={`scene ${canvas ? 'canvas-mode' : ''} layout-${L.name}`} data-testid="scene" data-layout={L.name} data-time={frame.timeMs}>
      {canvas && <FleetCanvas frame={frame} fleet={fleet} L={L} size={size} dark={theme === 'dark'} />}
      <svg ref={svgRef} onClick={onSceneClick} viewBox={`0 0 ${L.width} ${L.height}`} width={size.w} height={size.h} preserveAspectRatio="xMidYMid meet" className="scene-svg"
        role="img" aria-label={`Lambda, the whole system at t = ${Math.round(now)} ms: ${live.length} requests on screen`}>
        <Defs />
        <Boxes L={L} frame={frame} focus={focus} fk={fk} />
        <CountingBox rect={L.boxes.counting} frame={frame} focus={focus} fk={fk} tall={L.name === 'tall'} />
        <AssignmentBox rect={L.boxes.assignment} frame={frame} focus={focus} fk={fk} />
        {esMode ? <EventSourcePart L={L} frame={frame} focus={focus} fk={fk} /> : <QueueBox rect={L.boxes.queue} frame={frame} focus={focus} fk={fk} />}
        <FleetLayer rect={W} frame={frame} fleet={fleet} focus={focus} fk={fk} cells={!canvas} selected={selected} phases={hashBytes(frame.scene.envPhase)} />
        <Arrows L={L} focus={focus} fk={fk} lit={lit} rates={rates} />
        <rect x={W.x} y={W.y + 76} width={W.w} height={W.h - 76} className="fleet-hit" onClick={onFleetClick} data-testid="scene.fleetHit"
          data-first-cell={fleet.hosts[0] && !fleet.aggregate ? `${fleet.hosts[0].gx + fleet.cell / 2} ${fleet.hosts[0].gy + fleet.cell / 2}` : undefined}
          data-first-host={fleet.hosts[0] ? `${fleet.hosts[0].x + fleet.hosts[0].w / 2} ${fleet.hosts[0].y + 6}` : undefined} />
        {canvas && selected?.kind === 'environment' && fleet.pos.has(selected.id) && (() => {
          const [x, y] = fleet.pos.get(selected.id)!;
          return <rect x={x - fleet.cell / 2 - 3} y={y - fleet.cell / 2 - 3} width={fleet.cell + 6} height={fleet.cell + 6} className="canvas-selected" />;
        })()}
        <Tokens tokens={many ? tokens.filter((t) => t.id === selInv?.id) : tokens} selectedId={selInv?.id ?? -1} many={many} L={L} streaks={reduced || many ? [] : streaksOf(frame, now, trailMs)} />
        <Badges L={L} stages={frame.scene.stages} always={reduced} />
        <SceneLegend L={L} />
      </svg>
      {many && <TokenCanvas tokens={tokens} L={L} size={size} dark={theme === 'dark'} selectedId={selInv?.id ?? -1} />}
      <Callout sel={selected} frame={frame} inv={selInv} at={calloutAt} unit={unit} origin={origin} L={L} avoid={focusBoxes(L, sceneFocus, calloutAt ? fleet.hosts.find((h) => calloutAt[0] >= h.x && calloutAt[0] <= h.x + h.w && calloutAt[1] >= h.y && calloutAt[1] <= h.y + h.h) : undefined)} />
    </div>
  );
}

const BOXES_OF: Record<string, BoxName[]> = {
  clients: ['syncClients', 'eventClients'], frontend: ['frontend'], counting: ['counting'], assignment: ['assignment'], placement: ['placement'],
  worker: ['fleet'], microvm: ['fleet'], queue: ['queue'], pollers: ['pollers'], dlq: ['dlq'],
};

/**
 * The boxes of the parts in focus (every part when none is named), for the callout to keep
 * clear of. In the fleet only the followed request's host matters, not the whole fleet.
 */
function focusBoxes(L: SceneLayout, focus: string[] | null, host: Rect | undefined): Rect[] {
  const names = focus ?? Object.keys(BOXES_OF);
  const boxes = [...new Set(names.flatMap((n) => BOXES_OF[n] ?? []))];
  return boxes.map((b) => (b === 'fleet' && host ? host : L.boxes[b]));
}
