import { explainInvocation, requestStage, SCENE_ENV_PHASES, type FrameView, type InvocationView, type RequestStage } from '../../../core';
import { tokenKind } from './tokens';
import type { TokenKind } from './palette';
import { select, type Selection } from '../../store/uiStore';
import type { Pt, Rect, SceneLayout } from './layout';
import { PHASE_STYLE } from './palette';
import { age } from './format';

/**
 * Beside the selected request, microVM or worker: its story. For a request, "why cold"
 * (explain.ts) in words, with the times; for a microVM its state and request; for a worker
 * its lease and pool. Sized in the scene's units (`unit` = CSS px per logical unit), so on a
 * slide it scales with the picture and never drops under the text floor.
 */
export function Callout({ sel, frame, inv, at, unit, origin, L, avoid }: {
  sel: Selection; frame: FrameView; inv: InvocationView | undefined; at: Pt | null; unit: number; origin: Pt; L: SceneLayout; avoid: Rect[];
}) {
  if (!sel) return null;
  const lines = linesFor(sel, frame, inv);
  if (!lines) return null;
  const w = 470;
  // Height in logical units: a title line or two, then the body at ~38 characters a line.
  const h = 40 + Math.ceil(lines.title.length / 34) * 30 + lines.body.reduce((n, l) => n + Math.ceil(l.length / 38), 0) * 29;
  const spot = placeCallout(L, w, h, at, avoid);
  return (
    <>
      <aside className="scene-callout" data-testid="scene.callout" role="status" aria-live="polite"
        style={{ left: origin[0] + spot.x * unit, top: origin[1] + spot.y * unit, width: w * unit, maxHeight: (L.height - spot.y - 8) * unit, fontSize: 22 * unit }}>
        <header>
          <strong>{lines.title}</strong>
          <button className="link" onClick={() => select(null)} aria-label="Close">×</button>
        </header>
        <ul>{lines.body.map((l, i) => <li key={i}>{l}</li>)}</ul>
      </aside>
    </>
  );
}

/**
 * Where the callout goes, in logical units: beside the followed thing, or in a corner,
 * whichever covers least of the parts in focus and stays clear of the thing itself.
 */
export function placeCallout(L: SceneLayout, w: number, h: number, at: Pt | null, avoid: Rect[]): Rect {
  const m = 12;
  const clamp = (x: number, y: number): Rect => ({ x: Math.max(m, Math.min(L.width - w - m, x)), y: Math.max(m, Math.min(L.height - h - m, y)), w, h });
  const c: Rect[] = [clamp(m, m), clamp(L.width - w - m, m), clamp(m, L.height - h - m), clamp(L.width - w - m, L.height - h - m)];
  if (at) c.unshift(clamp(at[0] + 40, at[1] - h / 2), clamp(at[0] - w - 40, at[1] - h / 2), clamp(at[0] - w / 2, at[1] + 40), clamp(at[0] - w / 2, at[1] - h - 40), clamp(at[0] - w - 40, at[1] + 40), clamp(at[0] + 40, at[1] + 40));
  const overlap = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const score = (r: Rect) => {
    let s = avoid.reduce((n, b) => n + overlap(r, b), 0);
    if (at) {
      s += 200 * overlap(r, { x: at[0] - 40, y: at[1] - 40, w: 80, h: 80 });
      s += 0.5 * Math.hypot(r.x + r.w / 2 - at[0], r.y + r.h / 2 - at[1]) * 40;
    }
    return s;
  };
  return c.reduce((best, r) => (score(r) < score(best) ? r : best));
}

const KIND_WORD: Record<TokenKind, string> = { pending: 'new request', warm: 'warm', cold: 'cold', event: 'Event attempt', throttled: '429', rejected: 'answered early', provisioned: 'warm (provisioned)' };
const WHERE: Partial<Record<RequestStage, string>> = {
  frontend: 'to Counting', counting: 'to Assignment', placement: 'to Placement', capacity: 'waiting for a microVM', boot: 'microVM booting',
  code: 'code download', init: 'Init', payload: 'payload to the microVM', invoke: 'invoking', response: 'responding', throttled: '429 on its way back', done: 'answered',
};

function linesFor(sel: NonNullable<Selection>, frame: FrameView, inv: InvocationView | undefined): { title: string; body: string[] } | null {
  if (sel.kind === 'invocation') {
    if (!inv) return { title: `inv-${sel.id}`, body: ['No longer in the recent window of this frame.'] };
    const all = explainInvocation(inv, frame.timeMs);
    // The "why" first: the cold/warm/throttle line, then where the time went.
    const why = all.findIndex((l) => /^(Cold|Warm|Throttled|It was rejected|DryRun|The invoke service)/.test(l));
    const rest = all.slice(1).filter((_, k) => k + 1 !== why);
    // The why first, then the latest of the story (the moment shown is at its end).
    const body = [...(why >= 0 ? [all[why]] : []), ...rest.slice(-(why >= 0 ? 6 : 7))];
    const kind = tokenKind(inv, frame.timeMs);
    const where = WHERE[requestStage(inv, frame.timeMs).stage];
    return { title: `inv-${inv.id} · ${KIND_WORD[kind]}${where ? ` · ${where}` : ''}`, body };
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
