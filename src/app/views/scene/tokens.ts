import { requestStage, type FrameView, type InvocationView, type RequestStage } from '../../../core';
import { along, lengths, slice } from './geometry';
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

/** What the token shows at `now`: cold or warm only once Assignment has answered, 429 once Counting has. */
export function tokenKind(inv: InvocationView, now: number): TokenKind {
  const answered = inv.respondedMs - inv.responseOverheadMs;
  if (inv.state === 'Throttled') return now >= inv.countedMs ? 'throttled' : inv.asyncEvent ? 'event' : 'pending';
  if (inv.state === 'Rejected' || inv.state === 'DryRunSucceeded' || (inv.state === 'ServiceError' && Number.isNaN(inv.countedMs))) return now >= answered ? 'rejected' : 'pending';
  if (inv.asyncEvent) return 'event';
  if (!(now >= inv.assignedMs)) return 'pending';
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
    const l = this.leg(inv, t);
    if (!l) return null;
    return { p: l.pts.length === 1 ? l.pts[0] : along(l.pts, l.f, l.cum), at: l.f < 0.5 ? l.from : l.to, route: l.route };
  }

  /**
   * The leg of its path a request is on at `t`: the route's points (with the microVM's
   * centre where the route reaches it), how far along (0–1) it is, and the stage's span.
   */
  private leg(inv: InvocationView, t: number): { pts: readonly Pt[]; cum: number[]; f: number; from: string; to: string; route: RouteName | null; fromMs: number; toMs: number } | null {
    const s = requestStage(inv, t);
    const poller = inv.asyncEvent !== 0 || inv.batch !== 0; // an event source mapping's pollers call like the async ones
    const R = this.L.routes;
    const frac = (a: number, b: number) => (Number.isFinite(b) && b > a ? Math.min(1, Math.max(0, (t - a) / (b - a))) : 1);
    const leg = (route: RouteName, fromMs: number, toMs: number, from: string, to: string, extra?: Pt, prefix?: Pt) => {
      let pts: readonly Pt[] = R[route];
      if (extra || prefix) pts = [...(prefix ? [prefix] : []), ...pts, ...(extra ? [extra] : [])];
      return { pts, cum: extra || prefix ? lengths(pts) : cum(pts), f: frac(fromMs, toMs), from, to, route, fromMs, toMs };
    };
    const still = (p: Pt, fromMs: number, toMs: number) => ({ pts: [p] as readonly Pt[], cum: [0], f: 1, from: 'microvm', to: 'microvm', route: null, fromMs, toMs });
    const cell = Math.max(8, this.fleet.cell);
    switch (s.stage) {
      case 'future':
      case 'done':
        return null;
      case 'frontend':
        return leg(poller ? 'frontendFromPoller' : 'frontend', s.fromMs, s.toMs, poller ? 'pollers' : 'frontend', 'counting');
      case 'counting':
        return leg('counting', s.fromMs, s.toMs, 'counting', 'assignment');
      case 'placement':
        return leg('placement', s.fromMs, s.toMs, 'assignment', 'placement');
      case 'capacity':
      case 'boot':
      case 'code':
        // From Placement's answer until the code is in place: the new microVM is being set up.
        return leg('toVm', inv.placedMs, inv.codeReadyMs, 'placement', 'microvm', this.vm(inv.env));
      case 'init': {
        const [x, y] = this.vm(inv.env);
        return still([x - cell * 0.22, y - cell * 0.22], s.fromMs, s.toMs);
      }
      case 'payload':
        return leg('payload', s.fromMs, s.toMs, 'assignment', 'microvm', this.vm(inv.env));
      case 'invoke':
        return still(this.vm(inv.env), s.fromMs, s.toMs);
      case 'response':
        return leg(poller ? 'responseToPoller' : 'response', s.fromMs, s.toMs, 'microvm', poller ? 'pollers' : 'clients', undefined, this.vm(inv.env));
      case 'throttled':
        return leg(poller ? 'throttledToPoller' : 'throttled', s.fromMs, s.toMs, 'counting', poller ? 'pollers' : 'clients');
      case 'rejected':
        return leg('rejected', s.fromMs, s.toMs, 'frontend', 'clients');
    }
  }

  /** The path travelled in (now − trailMs, now]: the exact route segments, leg by leg. */
  trail(inv: InvocationView, now: number, trailMs: number, routes: Set<RouteName>): Pt[] {
    const out: Pt[] = [];
    let t = Math.max(inv.receivedMs, now - trailMs);
    for (let guard = 0; guard < 16 && t <= now; guard++) {
      const l = this.leg(inv, t);
      if (!l) break;
      const end = Math.min(now, l.toMs);
      if (l.pts.length === 1) out.push(l.pts[0]);
      else {
        const fa = l.f;
        const fb = Number.isFinite(l.toMs) && l.toMs > l.fromMs ? Math.min(1, Math.max(0, (end - l.fromMs) / (l.toMs - l.fromMs))) : 1;
        out.push(...slice(l.pts, fa, fb, l.cum));
      }
      if (l.route) routes.add(l.route);
      if (!(l.toMs > t) || !Number.isFinite(l.toMs)) break;
      t = l.toMs + 1e-6;
    }
    return out;
  }

  tokens(list: InvocationView[], now: number, trailMs: number, withTrails: boolean): Token[] {
    const out: Token[] = [];
    for (const inv of list) {
      const here = this.locate(inv, now);
      const routes = new Set<RouteName>();
      const trail = withTrails && trailMs > 0 ? this.trail(inv, now, trailMs, routes) : [];
      if (!here && trail.length < 2) continue;
      if (here?.route) routes.add(here.route);
      const jitter = here && here.route && !here.route.startsWith('to') ? ((inv.id * 7919) % 17) - 8 : 0;
      const p = here?.p ?? trail[trail.length - 1];
      out.push({
        id: inv.id, x: p[0] + jitter * 0.4, y: p[1] + jitter, kind: tokenKind(inv, now), stage: here ? requestStage(inv, now).stage : 'done',
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
  for (const inv of [...frame.inflight, ...frame.recent]) if ((inv.asyncEvent || inv.batch) && fresh(inv.receivedMs)) out.push({ key: `b${inv.id}`, route: 'batch', age: (now - inv.receivedMs) / trailMs });
  for (const d of frame.scene.dlq.recent) if (fresh(d.atMs)) out.push({ key: `d${d.id}`, route: 'toDlq', age: (now - d.atMs) / trailMs });
  return out.slice(-60);
}
