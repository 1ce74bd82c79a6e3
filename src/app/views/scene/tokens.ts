import { requestStage, type FrameView, type InvocationView, type RequestStage } from '../../../core';
import { along, lengths } from './geometry';
import type { Pt, RouteName, SceneLayout } from './layout';
import type { FleetLayout } from './fleetLayout';
import type { TokenKind } from './palette';

/**
 * Each request as a token on its real path at its real timing: the stage comes from the
 * request's own timestamps (requestStage), the position from the stage's route and how far
 * through the stage the frame's time is. A trail samples the same function a little into
 * the past, so an instantaneous hop (a 202, a batch taken) still shows as a streak.
 */
export interface Token {
  id: number; x: number; y: number; kind: TokenKind; stage: RequestStage;
  /** The part it is at or heading to (data-at, for tests and screen readers). */
  at: string;
  routes: RouteName[];
  trail: Pt[];
  inv: InvocationView;
}

type Located = { p: Pt; at: string; route: RouteName | null };
const cache = new WeakMap<readonly Pt[], number[]>();
const cum = (pts: readonly Pt[]) => { let c = cache.get(pts); if (!c) cache.set(pts, (c = lengths(pts))); return c; };

export function tokenKind(inv: InvocationView): TokenKind {
  if (inv.state === 'Throttled') return 'throttled';
  if (inv.state === 'Rejected' || inv.state === 'DryRunSucceeded' || (inv.state === 'ServiceError' && Number.isNaN(inv.countedMs))) return 'rejected';
  if (inv.asyncEvent) return 'event';
  if (inv.provisioned) return 'provisioned';
  return inv.cold ? 'cold' : 'warm';
}

export class TokenPlacer {
  constructor(private readonly L: SceneLayout, private readonly fleet: FleetLayout) {}

  vm(env: number): Pt {
    const p = this.fleet.pos.get(env);
    if (p) return p;
    const W = this.L.boxes.fleet;
    return [W.x + 30, W.y + W.h / 2];
  }

  /** Where `inv` is at time `t`, or null when it is not on screen (not arrived, answered). */
  locate(inv: InvocationView, t: number): Located | null {
    const s = requestStage(inv, t);
    const poller = inv.asyncEvent !== 0;
    const R = this.L.routes;
    const frac = (a: number, b: number) => (Number.isFinite(b) && b > a ? Math.min(1, Math.max(0, (t - a) / (b - a))) : 1);
    const on = (route: RouteName, f: number, from: string, to: string, extra?: Pt, prefix?: Pt): Located => {
      let pts: readonly Pt[] = R[route];
      if (extra || prefix) pts = [...(prefix ? [prefix] : []), ...pts, ...(extra ? [extra] : [])];
      const p = along(pts, f, extra || prefix ? lengths(pts) : cum(pts));
      return { p, at: f < 0.5 ? from : to, route };
    };
    const f = frac(s.fromMs, s.toMs);
    const cell = Math.max(8, this.fleet.cell);
    switch (s.stage) {
      case 'future':
      case 'done':
        return null;
      case 'frontend':
        return on(poller ? 'frontendFromPoller' : 'frontend', f, poller ? 'pollers' : 'frontend', 'counting');
      case 'counting':
        return on('counting', f, 'counting', 'assignment');
      case 'placement':
        return on('placement', f, 'assignment', 'placement');
      case 'capacity':
      case 'boot':
      case 'code':
        // From Placement's answer until the code is in place: the new microVM is being set up.
        return on('toVm', frac(inv.placedMs, inv.codeReadyMs), 'placement', 'microvm', this.vm(inv.env));
      case 'init': {
        const [x, y] = this.vm(inv.env);
        return { p: [x - cell * 0.22, y - cell * 0.22], at: 'microvm', route: null };
      }
      case 'payload':
        return on('payload', f, 'assignment', 'microvm', this.vm(inv.env));
      case 'invoke':
        return { p: this.vm(inv.env), at: 'microvm', route: null };
      case 'response':
        return on(poller ? 'responseToPoller' : 'response', f, 'microvm', poller ? 'pollers' : 'clients', undefined, this.vm(inv.env));
      case 'throttled':
        return on(poller ? 'throttledToPoller' : 'throttled', f, 'counting', poller ? 'pollers' : 'clients');
      case 'rejected':
        return on('rejected', f, 'frontend', 'clients');
    }
  }

  tokens(list: InvocationView[], now: number, trailMs: number, withTrails: boolean): Token[] {
    const out: Token[] = [];
    const K = 8;
    for (const inv of list) {
      const here = this.locate(inv, now);
      const trail: Pt[] = [];
      const routes = new Set<RouteName>();
      if (withTrails && trailMs > 0) {
        for (let k = K; k >= 1; k--) {
          const l = this.locate(inv, now - (trailMs * k) / K);
          if (l) { trail.push(l.p); if (l.route) routes.add(l.route); }
        }
      }
      if (!here && trail.length === 0) continue;
      if (here) { trail.push(here.p); if (here.route) routes.add(here.route); }
      const jitter = here && here.route && !here.route.startsWith('to') ? ((inv.id * 7919) % 17) - 8 : 0;
      const p = here?.p ?? trail[trail.length - 1];
      out.push({
        id: inv.id, x: p[0] + jitter * 0.4, y: p[1] + jitter, kind: tokenKind(inv), stage: here ? requestStage(inv, now).stage : 'done',
        at: here?.at ?? 'done', routes: [...routes], trail, inv,
      });
    }
    return out;
  }
}

/** Requests worth drawing at `now`: in flight, or answered within the trail. */
export function liveInvocations(frame: FrameView, now: number, trailMs: number): InvocationView[] {
  const recent = frame.recent.filter((i) => i.respondedMs > now - trailMs);
  return [...recent, ...frame.inflight];
}

/** Instantaneous hops of the async path, drawn as fading streaks: Event accepted, batch taken, DLQ. */
export interface Streak { key: string; route: RouteName; age: number }
export function streaks(frame: FrameView, now: number, trailMs: number): Streak[] {
  if (trailMs <= 0) return [];
  const out: Streak[] = [];
  const fresh = (t: number) => t <= now && now - t < trailMs;
  for (const e of frame.scene.queue.shown) if (fresh(e.acceptedMs)) {
    out.push({ key: `a${e.id}`, route: 'accept', age: (now - e.acceptedMs) / trailMs });
    out.push({ key: `r${e.id}`, route: 'accepted202', age: (now - e.acceptedMs) / trailMs });
  }
  for (const inv of [...frame.inflight, ...frame.recent]) if (inv.asyncEvent && fresh(inv.receivedMs)) out.push({ key: `b${inv.id}`, route: 'batch', age: (now - inv.receivedMs) / trailMs });
  for (const d of frame.scene.dlq.recent) if (fresh(d.atMs)) out.push({ key: `d${d.id}`, route: 'toDlq', age: (now - d.atMs) / trailMs });
  return out.slice(-60);
}
