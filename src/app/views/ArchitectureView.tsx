import type { FrameView, InvocationView } from '../../core';
import { select } from '../store/uiStore';
import { formatDuration } from '../format';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';
import { FitArea, useBox, useFit } from './viewFit';

type Node = 'client' | 'frontend' | 'counting' | 'assignment' | 'placement' | 'worker' | 'queue' | 'pollers';
const POS: Record<Node, [number, number]> = {
  client: [0.05, 0.38], frontend: [0.215, 0.38], counting: [0.36, 0.18], assignment: [0.52, 0.38],
  placement: [0.68, 0.18], worker: [0.88, 0.38], queue: [0.36, 0.8], pollers: [0.6, 0.8],
};
/** A taller, two-column arrangement for narrow screens (phones, thin slide columns). */
const POS_NARROW: Record<Node, [number, number]> = {
  client: [0.25, 0.07], frontend: [0.25, 0.27], counting: [0.75, 0.27], assignment: [0.25, 0.5],
  placement: [0.75, 0.5], worker: [0.5, 0.72], queue: [0.25, 0.93], pollers: [0.75, 0.93],
};
const LABEL: Record<Node, string> = {
  client: 'Clients', frontend: 'Frontend Invoke', counting: 'Counting', assignment: 'Assignment',
  placement: 'Placement', worker: 'Workers / microVMs', queue: 'Internal queue', pollers: 'Poller fleet',
};
const EDGES: [Node, Node][] = [
  ['client', 'frontend'], ['frontend', 'counting'], ['counting', 'assignment'], ['assignment', 'placement'],
  ['placement', 'worker'], ['assignment', 'worker'], ['frontend', 'queue'], ['queue', 'pollers'], ['pollers', 'frontend'],
];

/** Where an invocation is at `now`: a point between two services, by its own phase timestamps. */
function positionOf(inv: InvocationView, now: number): { from: Node; to: Node; f: number; bounce: boolean } | null {
  const start: Node = inv.asyncEvent ? 'pollers' : 'client';
  const seg = (a: number, b: number, from: Node, to: Node) => (now >= a && now < b ? { from, to, f: (now - a) / Math.max(1e-9, b - a), bounce: false } : null);
  if (inv.state === 'Throttled' || inv.state === 'Rejected' || inv.state === 'DryRunSucceeded' || (inv.serviceErrorReason === 'ServiceException')) {
    const back = seg(inv.countedMs || inv.receivedMs, inv.respondedMs, inv.state === 'Throttled' ? 'counting' : 'frontend', start);
    return seg(inv.receivedMs, inv.countedMs, 'frontend', 'counting') ?? (back ? { ...back, bounce: inv.state === 'Throttled' } : null);
  }
  return (
    seg(inv.receivedMs, inv.countedMs, 'frontend', 'counting') ??
    seg(inv.countedMs, inv.assignedMs, 'counting', 'assignment') ??
    (inv.cold
      ? seg(inv.assignedMs, inv.placedMs, 'assignment', 'placement') ?? seg(inv.placedMs, inv.codeReadyMs, 'placement', 'worker')
      : seg(inv.assignedMs, inv.invokeStartMs, 'assignment', 'worker')) ??
    (now >= (inv.cold ? inv.codeReadyMs : inv.invokeStartMs) && (Number.isNaN(inv.invokeEndMs) || now < inv.invokeEndMs) ? { from: 'worker' as Node, to: 'worker' as Node, f: 0, bounce: false } : null) ??
    seg(inv.invokeEndMs, inv.respondedMs, 'worker', start)
  );
}

export function ArchitectureView() {
  const [liveRef, frame] = useLiveFrame(60);
  const [sizeRef, measured] = useWidth<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  // In a slide (fixed box) the diagram fills the box; on the page it picks its height.
  const fit = useFit() !== null;
  const [areaRef, box] = useBox<HTMLDivElement>();
  const width = fit ? box.width : measured;
  const narrow = width < 640;
  const height = fit ? Math.max(120, box.height) : narrow ? 420 : Math.max(220, Math.min(320, width * 0.38));
  const nodeW = narrow ? Math.min(150, width * 0.46) : 140;
  const layout = narrow ? POS_NARROW : POS;
  if (!frame) return <div ref={ref} className="view architecture" />;
  // Clients has no badge: a narrower box, so it never overlaps Frontend Invoke at slide width.
  const boxW = (n: Node) => (n === 'client' ? Math.min(84, nodeW) : nodeW);
  // Node centres, kept inside the edges so labels are never clipped.
  const p = (n: Node): [number, number] => [Math.min(width - boxW(n) / 2 - 2, Math.max(boxW(n) / 2 + 2, layout[n][0] * width)), layout[n][1] * height];
  const now = frame.timeMs;
  const live = [...frame.inflight, ...frame.recent.filter((i) => i.respondedMs > now)].slice(-300);
  const dots = live.map((inv) => ({ inv, at: positionOf(inv, now) })).filter((d) => d.at);
  // Reduced motion: no travelling dots; each service shows how many requests are there now.
  const still = reducedMotion();
  const here = new Map<Node, number>();
  if (still) for (const d of dots) { const n = d.at!.f < 0.5 ? d.at!.from : d.at!.to; here.set(n, (here.get(n) ?? 0) + 1); }
  const s = frame.summary;
  const badge: Partial<Record<Node, string>> = {
    frontend: `${s.invocations.total} requests`,
    counting: `${frame.account.inUse} / ${frame.account.concurrencyLimit} in use · ${s.invocations.throttled} × 429`,
    assignment: `${frame.stateCounts.Idle + frame.stateCounts.Reset} idle envs`,
    placement: `${s.environments.created} placed`,
    worker: `${frame.environments.count} envs on ${frame.fleet.workers} workers`,
    queue: `${frame.queue.depth} queued · oldest ${formatDuration(frame.queue.oldestAgeMs)}`,
    pollers: `${frame.queue.stats.accepted} accepted · ${frame.queue.pollers.busy}/${frame.queue.pollers.total} pollers`,
  };
  return (
    <figure ref={ref} className={`view architecture${fit ? ' fit' : ''}`} aria-label="Lambda's data plane" data-time={frame.timeMs}>
      <figcaption><strong>Data plane</strong><span className="caption-more"> — each dot is a request on its real path, at its real timing (slow the speed to follow one).</span></figcaption>
      <FitArea fit={fit} areaRef={areaRef}>
      <svg width={width} height={height} role="img" aria-label={`Data plane at ${Math.round(now)} ms: ${dots.length} requests moving`}>
        {EDGES.map(([a, b]) => {
          const [x1, y1] = p(a), [x2, y2] = p(b);
          return <line key={a + b} x1={x1} y1={y1} x2={x2} y2={y2} className="arch-edge" />;
        })}
        {(Object.keys(POS) as Node[]).map((n) => {
          const [x, y] = p(n);
          return (
            <g key={n} data-testid={`arch.${n}`}>
              <rect x={x - boxW(n) / 2} y={y - 18} width={boxW(n)} height={36} rx={8} className={`arch-node ${n}`} />
              <text x={x} y={y - 2} textAnchor="middle" className="arch-label">{LABEL[n]}</text>
              <text x={x} y={y + 12} textAnchor="middle" className="arch-badge">{badge[n] ?? ''}</text>
              {still && (here.get(n) ?? 0) > 0 && <text x={x + boxW(n) / 2 - 4} y={y - 22} textAnchor="end" className="arch-here" data-testid={`arch.here.${n}`}>{here.get(n)} here now</text>}
            </g>
          );
        })}
        {!still && dots.map(({ inv, at }) => {
          const [x1, y1] = p(at!.from), [x2, y2] = p(at!.to);
          const jitter = ((inv.id * 7919) % 23) - 11;
          const x = x1 + (x2 - x1) * at!.f, y = y1 + (y2 - y1) * at!.f + (at!.from === at!.to ? jitter : 0);
          const cls = at!.bounce ? 'dot throttled' : inv.cold ? 'dot cold' : inv.mode === 'Event' ? 'dot event' : 'dot warm';
          return (
            <g key={inv.id} onClick={() => select({ kind: 'invocation', id: inv.id })}>
              <circle cx={x} cy={y} r={5} className={cls} data-testid="arch.dot"><title>{`inv-${inv.id} ${inv.cold ? 'cold' : 'warm'} ${inv.state}`}</title></circle>
              {at!.bounce && <text x={x + 7} y={y - 6} className="throttle-label">429</text>}
            </g>
          );
        })}
      </svg>
      </FitArea>
    </figure>
  );
}

export type { FrameView };

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
