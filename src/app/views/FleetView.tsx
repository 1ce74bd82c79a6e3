import { useMemo } from 'react';
import type { FrameView } from '../../core';
import { useUi, select } from '../store/uiStore';
import { STATE_STYLE } from '../palette';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';
import { FitArea, useBox, useFit } from './viewFit';
import { MAX_CELL, MAX_CELL_FIT, layoutFleet, type WorkerInput } from './fleet/layout';
import { FleetSvg } from './fleet/FleetSvg';
import { FleetCanvas } from './fleet/FleetCanvas';
import { FleetLegend } from './fleet/FleetParts';
import './fleet/fleet.css';

const SVG_LIMIT = 400; // beyond this many environments, draw on a canvas (DESIGN.md: SVG holds 60 fps to ~2k elements)
/** A failed worker stays on screen, crossed out, for this long (virtual ms). */
const FAILED_SHOWN_MS = 5 * 60_000;

/** Workers in id order (failed ones where they were), each with its environments grouped by function. */
function workerInputs(frame: FrameView): WorkerInput[] {
  const e = frame.environments;
  const byWorker = new Map<number, number[]>();
  for (const w of frame.workers) byWorker.set(w.id, []);
  for (let i = 0; i < e.count; i++) byWorker.get(e.worker[i])?.push(i);
  const live: WorkerInput[] = frame.workers.map((w) => ({
    id: w.id, pool: w.pool, failed: false,
    envIdx: byWorker.get(w.id)!.sort((a, b) => e.fn[a] - e.fn[b] || e.id[a] - e.id[b]),
  }));
  const failed = frame.failedWorkers
    .filter((f) => f.atMs <= frame.timeMs && frame.timeMs - f.atMs <= FAILED_SHOWN_MS && !byWorker.has(f.id))
    .map((f) => ({ id: f.id, pool: 0, failed: true, envIdx: [] }));
  return [...live, ...failed].sort((a, b) => a.id - b.id);
}

/**
 * Workers as boxes (memory used, pre-booted pool, lease left), execution environments as
 * cells coloured by lifecycle state and patterned by function; a failed worker stays,
 * crossed out, for a while. Click a cell (SVG or canvas) or use the arrow keys to select.
 */
export function FleetView() {
  const [liveRef, frame] = useLiveFrame(30);
  const selected = useUi((s) => s.selected);
  const fit = useFit() !== null;
  const [sizeRef, measured] = useWidth<HTMLDivElement>();
  const [areaRef, box] = useBox<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  const width = fit ? box.width : measured;
  const layout = useMemo(() => (frame ? layoutFleet(workerInputs(frame), width, fit ? box.height : null, fit ? MAX_CELL_FIT : MAX_CELL) : null), [frame, width, fit, box.height]);
  if (!frame || !layout) return <div ref={ref} className="view fleet" />;
  const e = frame.environments;
  const counts = Object.entries(frame.stateCounts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${STATE_STYLE[s]?.label ?? s}`).join(', ');
  const selectedEnv = selected?.kind === 'environment' ? selected.id : -1;
  // Keyboard: focus the fleet, then arrow keys move the selection through the environments.
  const onKeyDown = (ev: React.KeyboardEvent) => {
    const step = ev.key === 'ArrowRight' || ev.key === 'ArrowDown' ? 1 : ev.key === 'ArrowLeft' || ev.key === 'ArrowUp' ? -1 : 0;
    if (!step || e.count === 0) return;
    ev.preventDefault();
    const ids = Array.from(e.id).sort((a, b) => a - b);
    const at = ids.indexOf(selectedEnv);
    select({ kind: 'environment', id: ids[(at + step + ids.length) % ids.length] });
  };
  const anyFailed = layout.boxes.some((b) => b.failed);
  return (
    <figure ref={ref} className={`view fleet${fit ? ' fit' : ''}`} aria-label="Worker fleet: focus and use the arrow keys to select an environment"
      tabIndex={0} data-keys="own" data-testid="fleet" onKeyDown={onKeyDown} data-time={frame.timeMs}>
      <figcaption>
        <strong>Worker fleet</strong> — {frame.fleet.workers} workers{frame.fleet.shown < frame.fleet.workers ? ` (${frame.fleet.shown} shown; ${frame.fleet.workers - frame.fleet.shown} more hold no environments)` : ''}, {e.count} execution environments<span className="caption-more">{counts ? `: ${counts}` : ''}{frame.fleet.vmm !== 'firecracker' ? ` · VMM ${frame.fleet.vmm} (+${frame.fleet.vmmOverheadMb} MB per microVM)` : ''}</span>.
        {frame.accounts.length > 1 && <span data-testid="fleet.accounts"> Accounts (outline): {frame.accounts.map((a, k) => <span key={a.id} className={`account-key account-${k % 4}`}>{a.id}</span>)}.</span>}
      </figcaption>
      <FitArea fit={fit} areaRef={areaRef}>
        {/* In a slide a small fleet sits in the middle of its box, not at the top of it. */}
        <div className={fit ? 'fleet-drawing' : undefined} style={fit ? { top: Math.max(0, Math.floor((box.height - layout.height) / 2)) } : undefined}>
          {e.count <= SVG_LIMIT
            ? <FleetSvg frame={frame} layout={layout} width={width} selectedEnv={selectedEnv} />
            : <FleetCanvas frame={frame} layout={layout} width={width} selectedEnv={selectedEnv} />}
        </div>
      </FitArea>
      <FleetLegend functions={frame.functions.map((f) => f.name)} failed={anyFailed} />
    </figure>
  );
}
