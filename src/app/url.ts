/**
 * The page URL (CONTRACTS.md §3): `?scenario=<preset | base64url JSON>&seed=N&speed=X&t=MS
 * &tour=ID&step=N&embed=1&controls=none|clock|full&presenter=1&autoplay=1&theme=light|dark&view=NAME`. Every parameter is
 * optional; an invalid one produces a precise notice and falls back to its default.
 */
import { decodeBookmarks, type Bookmark } from './workbench/bookmarks';

export interface PageOptions {
  scenario: string;       // preset name or base64url JSON (resolved by the worker)
  seed?: number;
  speed: number;
  t: number;
  tour: string | null;
  step: number;
  embed: boolean;
  playing: boolean;
  theme: 'light' | 'dark';
  view: string;
  /** Labelled moments (`bm=`, see workbench/bookmarks.ts). */
  bookmarks: Bookmark[];
  /** What chrome an embed keeps (default `clock`: the virtual clock and play state). */
  controls: 'none' | 'clock' | 'full';
  presenter: boolean;
}

export const VIEWS = ['all', 'architecture', 'fleet', 'timeline', 'lifecycle', 'charts', 'log'] as const;
const KNOWN = ['scenario', 'seed', 'speed', 't', 'tour', 'step', 'embed', 'autoplay', 'theme', 'view', 'bm', 'inspect', 'controls', 'presenter'];
export const CONTROLS = ['none', 'clock', 'full'] as const;
export const MIN_SPEED = 0.001;
export const MAX_SPEED = 10_000;

export function parsePageUrl(search: string): { options: PageOptions; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const num = (name: string, ok: (n: number) => boolean, rule: string): number | undefined => {
    const raw = q.get(name);
    if (raw === null) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || !ok(n)) {
      problems.push(`URL parameter ${name}="${raw}" ignored: ${rule}`);
      return undefined;
    }
    return n;
  };
  for (const key of q.keys()) if (!KNOWN.includes(key)) problems.push(`URL parameter "${key}" is not known (known: ${KNOWN.join(', ')})`);

  const seed = num('seed', (n) => Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER, 'must be a non-negative integer');
  const speedRaw = q.get('speed');
  let speed: number | undefined;
  if (speedRaw === 'max') speed = Infinity;
  else speed = num('speed', (n) => n >= MIN_SPEED && n <= MAX_SPEED, `must be a number from ${MIN_SPEED} to ${MAX_SPEED}, or "max"`);
  const t = num('t', (n) => n >= 0, 'must be a time in ms, at least 0');
  const step = num('step', (n) => Number.isInteger(n) && n >= 1, 'must be a step number from 1');
  const flag = (name: string): boolean => {
    const raw = q.get(name);
    if (raw === null) return false;
    if (raw === '1' || raw === 'true') return true;
    if (raw !== '0' && raw !== 'false') problems.push(`URL parameter ${name}="${raw}" ignored: must be 1 or 0`);
    return false;
  };
  const themeRaw = q.get('theme');
  let theme: 'light' | 'dark' = prefersDark() ? 'dark' : 'light';
  if (themeRaw === 'light' || themeRaw === 'dark') theme = themeRaw;
  else if (themeRaw !== null) problems.push(`URL parameter theme="${themeRaw}" ignored: must be light or dark`);
  const viewRaw = q.get('view');
  let view = 'all';
  if (viewRaw !== null) {
    if ((VIEWS as readonly string[]).includes(viewRaw)) view = viewRaw;
    else problems.push(`URL parameter view="${viewRaw}" ignored: must be one of ${VIEWS.join(', ')}`);
  }
  const controlsRaw = q.get('controls');
  let controls: PageOptions['controls'] = 'clock';
  if (controlsRaw !== null) {
    if ((CONTROLS as readonly string[]).includes(controlsRaw)) controls = controlsRaw as PageOptions['controls'];
    else problems.push(`URL parameter controls="${controlsRaw}" ignored: must be one of ${CONTROLS.join(', ')}`);
  }
  const bm = decodeBookmarks(q.get('bm') ?? '');
  problems.push(...bm.problems);
  const scenario = q.get('scenario');
  const named = scenario !== null || t !== undefined;
  return {
    options: {
      scenario: scenario ?? 'default',
      seed,
      speed: speed ?? 1,
      t: t ?? 0,
      tour: q.get('tour'),
      step: step ?? 1,
      embed: flag('embed'),
      // No parameters: the default scenario, already playing. A link naming a scenario or a
      // time opens paused there, unless autoplay=1.
      playing: flag('autoplay') || !named,
      theme,
      view,
      bookmarks: bm.bookmarks,
      controls,
      presenter: flag('presenter'),
    },
    problems,
  };
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** A link that reproduces the current scenario, seed, time, speed and tour step. */
export function shareLink(base: string, o: { scenario: unknown; presetName: string | null; seed: number; timeMs: number; speed: number; tour?: { id: string; step: number } | null; embed?: boolean; view?: string; theme?: string; bookmarks?: string }): string {
  const q = new URLSearchParams();
  q.set('scenario', o.presetName ?? encodeBase64Url(JSON.stringify(o.scenario)));
  q.set('seed', String(o.seed));
  q.set('t', String(Math.round(o.timeMs)));
  q.set('speed', o.speed === Infinity ? 'max' : String(o.speed));
  if (o.tour) { q.set('tour', o.tour.id); q.set('step', String(o.tour.step)); }
  if (o.embed) q.set('embed', '1');
  if (o.view && o.view !== 'all') q.set('view', o.view);
  if (o.theme) q.set('theme', o.theme);
  if (o.bookmarks) q.set('bm', o.bookmarks);
  return `${base}?${q.toString()}`;
}

/** UTF-8 safe base64url, without padding. */
export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
