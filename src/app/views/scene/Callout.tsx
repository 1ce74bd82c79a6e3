import { explainInvocation, SCENE_ENV_PHASES, type FrameView, type InvocationView } from '../../../core';
import { select, type Selection } from '../../store/uiStore';
import type { Pt } from './layout';
import { PHASE_STYLE } from './palette';
import { age } from './format';

/**
 * Beside the selected request, microVM or worker: its story. For a request, "why cold"
 * (explain.ts) in words, with the times; for a microVM its state and request; for a worker
 * its lease and pool. Sized in the scene's units (`unit` = CSS px per logical unit), so on a
 * slide it scales with the picture and never drops under the text floor.
 */
export function Callout({ sel, frame, inv, at, unit, origin, sceneW }: {
  sel: Selection; frame: FrameView; inv: InvocationView | undefined; at: Pt | null; unit: number; origin: Pt; sceneW: number;
}) {
  if (!sel) return null;
  const lines = linesFor(sel, frame, inv);
  if (!lines) return null;
  const width = 560 * unit;
  const x = at ? origin[0] + at[0] * unit : origin[0] + 40 * unit;
  const y = at ? origin[1] + at[1] * unit : origin[1] + 40 * unit;
  const left = at && at[0] > sceneW / 2 ? Math.max(4, x - width - 30 * unit) : Math.min(x + 30 * unit, origin[0] + sceneW * unit - width - 4);
  return (
    <aside className="scene-callout" data-testid="scene.callout" role="status" aria-live="polite"
      style={{ left, top: Math.max(4, y - 40 * unit), width, fontSize: Math.max(11, 20 * unit) }}>
      <header>
        <strong>{lines.title}</strong>
        <button className="link" onClick={() => select(null)} aria-label="Close">×</button>
      </header>
      <ul>{lines.body.map((l, i) => <li key={i}>{l}</li>)}</ul>
    </aside>
  );
}

function linesFor(sel: NonNullable<Selection>, frame: FrameView, inv: InvocationView | undefined): { title: string; body: string[] } | null {
  if (sel.kind === 'invocation') {
    if (!inv) return { title: `inv-${sel.id}`, body: ['No longer in the recent window of this frame.'] };
    const all = explainInvocation(inv);
    // The "why" first: the cold/warm/throttle line, then where the time went.
    const why = all.findIndex((l) => /^(Cold|Warm|Throttled|It was rejected|DryRun|The invoke service)/.test(l));
    const body = why >= 0 ? [all[why], ...all.slice(1).filter((_, k) => k + 1 !== why)] : all.slice(1);
    const kind = inv.state === 'Throttled' ? '429' : inv.cold ? 'cold' : 'warm';
    return { title: `inv-${inv.id} · ${kind} · ${inv.state}`, body: body.slice(0, 7) };
  }
  if (sel.kind === 'environment') {
    const e = frame.environments;
    const i = Array.from(e.id).indexOf(sel.id);
    if (i < 0) return { title: `env-${sel.id}`, body: ['This execution environment has terminated.'] };
    const phase = PHASE_STYLE[SCENE_ENV_PHASES[frame.scene.envPhase[i]]];
    return {
      title: `env-${sel.id} · ${phase.label || 'being placed'}`,
      body: [
        `Function ${frame.functions[e.fn[i]]?.name}, version ${e.version[i]}${e.provisioned[i] ? ' (provisioned concurrency)' : ''}, in a Firecracker microVM on worker-${e.worker[i]}.`,
        `In ${frame.stateNames[e.state[i]]} since ${age(frame.timeMs - e.sinceMs[i])} ago.`,
        ...(e.invocation[i] ? [`Serving inv-${e.invocation[i]}.`] : []),
      ],
    };
  }
  const w = frame.scene.workers.find((x) => x.id === sel.id);
  if (!w) return { title: `worker-${sel.id}`, body: ['This worker is gone (failed, or its lease ended).'] };
  return {
    title: `worker-${w.id} · ${w.state}`,
    body: [
      `${w.environments} execution environments; ${w.pool} pre-booted microVMs ready in its pool${w.booting ? `, ${w.booting} booting` : ''}.`,
      `Memory ${Math.round(w.usedMb / 1024)} of ${Math.round(w.memoryMb / 1024)} GB in use.`,
      `Lease: ends in ${age(w.leaseEndMs - frame.timeMs)}; it drains (no new placements) ${age(w.leaseEndMs - w.drainAtMs)} before.`,
    ],
  };
}
