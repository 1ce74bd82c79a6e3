import { useUi } from '../store/uiStore';
import { STATE_STYLE } from '../palette';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';

/** Layout positions (fractions of the view) for the environment machine's states. */
const POS: Record<string, [number, number]> = {
  Provisioning: [0.08, 0.2], 'Initializing.ExtensionInit': [0.26, 0.08], 'Initializing.RuntimeInit': [0.44, 0.08],
  'Initializing.FunctionInit': [0.62, 0.08], Restoring: [0.44, 0.34], InitRetry: [0.62, 0.5], Invoking: [0.84, 0.34],
  Idle: [0.62, 0.72], Reset: [0.84, 0.72], ShuttingDown: [0.34, 0.9], Terminated: [0.1, 0.9],
};

/**
 * The execution-environment lifecycle drawn from the XState machine itself (the transition
 * table the worker derives from it), with a live count per state and the selected
 * environment's state highlighted.
 */
export function LifecycleView() {
  const table = useUi((s) => s.environmentMachine);
  const [liveRef, frame] = useLiveFrame(8);
  const counts = frame?.stateCounts;
  const selected = useUi((s) => s.selected);
  let selectedState: string | null = null;
  if (selected?.kind === 'environment' && frame) {
    const i = frame.environments.id.indexOf(selected.id);
    selectedState = i < 0 ? 'Terminated' : frame.stateNames[frame.environments.state[i]];
  }
  const [sizeRef, width] = useWidth<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  if (!table || !counts) return <div ref={ref} className="view lifecycle" />;
  const height = 280;
  const at = (s: string): [number, number] => {
    const [fx, fy] = POS[s] ?? [0.5, 0.5];
    return [fx * width, fy * height];
  };
  const edges: { from: string; to: string; event: string }[] = [];
  for (const [from, byEvent] of Object.entries(table.transitions)) {
    for (const [event, cands] of Object.entries(byEvent)) {
      if (event === 'WORKER_LOST') continue; // from every state: drawn as a note instead
      for (const c of cands) if (!edges.some((e) => e.from === from && e.to === c.target)) edges.push({ from, to: c.target, event });
    }
  }
  return (
    <figure ref={ref} className="view lifecycle" aria-label="Execution environment lifecycle">
      <figcaption><strong>Execution environment lifecycle</strong> — drawn from the XState machine; numbers are live counts. Any state → Terminated on WORKER_LOST.</figcaption>
      <svg width={width} height={height} role="img" aria-label="Lifecycle state machine with live counts">
        <defs><marker id="arrow" viewBox="0 0 10 10" refX={10} refY={5} markerWidth={6} markerHeight={6} orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" className="arrowhead" /></marker></defs>
        {edges.map((e) => {
          const [x1, y1] = at(e.from), [x2, y2] = at(e.to);
          const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
          const trim = 40 / len;
          return <line key={e.from + e.to} x1={x1 + dx * trim} y1={y1 + dy * (22 / len)} x2={x2 - dx * trim} y2={y2 - dy * (22 / len)} className="lc-edge" markerEnd="url(#arrow)"><title>{e.event}</title></line>;
        })}
        {table.states.map((s) => {
          const [x, y] = at(s);
          const st = STATE_STYLE[s];
          const n = counts[s] ?? 0;
          return (
            <g key={s} data-testid={`lifecycle.${s}`} data-count={n} className={selectedState === s ? 'lc-node selected' : 'lc-node'}>
              <rect x={x - 58} y={y - 17} width={116} height={34} rx={17} fill={st.color} fillOpacity={s === 'Terminated' ? 0 : 0.85} />
              <text x={x} y={y - 2} textAnchor="middle" className="lc-label">{s.replace('Initializing.', '')}</text>
              <text x={x} y={y + 11} textAnchor="middle" className="lc-count">{s === 'Terminated' ? '' : n}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
