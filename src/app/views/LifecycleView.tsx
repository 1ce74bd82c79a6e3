import { useMemo, useRef } from 'react';
import { useUi } from '../store/uiStore';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';
import { FitArea, useBox, useFit } from './viewFit';
import { lifecycleGraph, type GraphEdge } from './lifecycle/graph';
import { layoutLifecycle, type LaidNode } from './lifecycle/layout';
import { TransitionTracker } from './lifecycle/recentTransitions';
import { LifecycleSvg } from './lifecycle/LifecycleSvg';
import { formatDuration } from '../format';
import './lifecycle/lifecycle.css';

/** Narrowest the diagram is drawn on the page (logical px): below, its labels would be too small to read. */
const NARROWEST = 680;

/** How long an arrow stays lit: 1.5 s of wall time at the current speed, in virtual ms (bounded). */
function litWindowMs(speed: number): number {
  return Math.min(60_000, Math.max(5, (speed === Infinity ? 10_000 : speed) * 1500));
}

/** Which drawn arrow a state-to-state transition belongs to (a sub-state's own arrow first). */
function edgeFor(edges: GraphEdge[], nodes: Map<string, LaidNode>, from: string, to: string): string | null {
  let shared: string | null = null;
  for (const e of edges) {
    if (e.toState !== to) continue;
    if (e.fromState === from) return e.id;
    if (e.fromState === null && nodes.get(e.from)?.node.states.includes(from)) shared = e.id;
  }
  return shared;
}

/**
 * The execution-environment lifecycle, drawn from the machine table the worker sends and
 * laid out in layers (lifecycle/layout.ts): the main path left to right, the SnapStart
 * branch above it, failures below; every arrow names its events; live counts in the boxes;
 * the arrows environments crossed lately are lit, with how many crossed.
 */
export function LifecycleView() {
  const table = useUi((s) => s.environmentMachine);
  const speed = useUi((s) => s.speed);
  const [liveRef, frame] = useLiveFrame(12);
  const selected = useUi((s) => s.selected);
  const fit = useFit() !== null;
  const [sizeRef, measured] = useWidth<HTMLDivElement>();
  const [areaRef, box] = useBox<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  const graph = useMemo(() => (table ? lifecycleGraph(table) : null), [table]);
  const layout = useMemo(() => (graph ? layoutLifecycle(graph) : null), [graph]);
  const tracker = useRef<TransitionTracker | null>(null);
  const lit = useMemo(() => {
    const out = new Map<string, number>();
    if (!frame || !table || !layout) return out;
    tracker.current ??= new TransitionTracker(table);
    const e = frame.environments;
    const states = Array.from(e.state, (c) => frame.stateNames[c]);
    const windowMs = litWindowMs(speed);
    tracker.current.update(e.id, states, frame.timeMs, Math.max(2000, windowMs * 4));
    const nodes = new Map(layout.nodes.map((n) => [n.node.id, n]));
    for (const [key, n] of tracker.current.counts(frame.timeMs, windowMs)) {
      const [from, to] = key.split('>');
      const id = edgeFor(layout.edges.map((x) => x.edge), nodes, from, to) ?? key; // inner arrows keep their state key
      out.set(id, (out.get(id) ?? 0) + n);
    }
    return out;
  }, [frame, table, layout, speed]);
  if (!table || !frame || !layout || !graph) return <div ref={ref} className="view lifecycle" />;
  let selectedState: string | null = null;
  if (selected?.kind === 'environment') {
    const i = frame.environments.id.indexOf(selected.id);
    selectedState = i < 0 ? 'Terminated' : frame.stateNames[frame.environments.state[i]];
  }
  // Page: as wide as the column, at most 1.2× the layout's own size; on a phone no narrower
  // than NARROWEST (it scrolls sideways instead of shrinking its type); slide: the whole box.
  const pageW = Math.max(NARROWEST, measured);
  const k = Math.min(1.2, pageW / layout.width);
  const width = fit ? box.width : pageW;
  const height = fit ? box.height : Math.ceil(layout.height * k);
  const svg = <LifecycleSvg layout={layout} counts={frame.stateCounts} lit={lit} selectedState={selectedState} width={width} height={height} />;
  // The busiest arrows lately, in words (badges on the arrows show the same where they fit).
  const words = new Map<string, string>(layout.edges.map((x) => [x.edge.id, x.edge.lines.filter((l) => !l.startsWith('[')).join(' ')]));
  const busiest = [...lit].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, n]) => `×${n} ${words.get(id) ?? 'phase done'}`);
  const everywhere = graph.everywhere.map((x) => `${x.event.toLowerCase().replace(/_/g, ' ')} → ${x.target}`).join(', ');
  return (
    <figure ref={ref} className={`view lifecycle${fit ? ' fit' : ''}`} aria-label="Execution environment lifecycle" data-time={frame.timeMs}>
      <figcaption><strong>Execution environment lifecycle</strong><span className="caption-more"> — drawn from the XState machine: live counts in the boxes; arrows environments crossed in the last {formatDuration(litWindowMs(speed))} of simulated time are lit.</span> From any state: {everywhere}.{busiest.length > 0 && <span className="lc-busiest" data-testid="lifecycle.busiest"> Just now: {busiest.join(' · ')}.</span>}</figcaption>
      <FitArea fit={fit} areaRef={areaRef}>
        {!fit && measured < NARROWEST ? <div className="lc-scroll" tabIndex={0} aria-label="Lifecycle diagram (scrolls sideways)">{svg}</div> : svg}
      </FitArea>
      <ul className="legend lc-legend" aria-label="Arrow kinds">
        <li><span className="lc-key lc-main" />main path</li>
        <li><span className="lc-key lc-branch" />SnapStart branch</li>
        <li><span className="lc-key lc-failure" />failure and reset</li>
        <li><span className="lc-key lc-retire" />retiring instead of reuse</li>
        <li><span className="lc-key lc-recent" />crossed just now (×count)</li>
      </ul>
    </figure>
  );
}
