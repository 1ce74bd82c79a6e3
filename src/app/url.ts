import { MAX_SIMULATED_MS, MAX_SIMULATED_TEXT, PRESETS } from '../core/index';
import type { Recorded } from '../protocol/messages';
import { packJson, unpackJson } from './linkCodec';
import { decodeBookmarks, type Bookmark } from './workbench/bookmarks';

/**
 * The page URL (CONTRACTS.md §3): `?scenario=<preset | base64url JSON>&seed=N&speed=X&t=MS
 * &tour=ID&step=N&embed=1&controls=none|clock|full&presenter=1&autoplay=1&theme=light|dark&view=NAME`,
 * and a fragment that servers
 * never see: `#s=<base64url(deflate(scenario JSON))>&i=<base64url(deflate(recorded inputs))>`.
 * Every parameter is optional; an invalid one produces a precise notice and falls back to
 * its default.
 */
export interface PageOptions {
  scenario: unknown;      // preset name or base64url JSON (resolved by the worker), or the fragment's scenario
  /** Recorded inputs from the fragment's `i`: the link's run is replayed with them. */
  inputs?: Recorded[];
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

export const VIEWS = ['all', 'scene', 'architecture', 'fleet', 'timeline', 'lifecycle', 'charts', 'log'] as const;
const KNOWN = ['scenario', 'seed', 'speed', 't', 'tour', 'step', 'embed', 'autoplay', 'theme', 'view', 'bm', 'inspect', 'controls', 'presenter'];
export const CONTROLS = ['none', 'clock', 'full'] as const;
export const MIN_SPEED = 0.001;
export const MAX_SPEED = 10_000;

const FRAGMENT_KEYS = ['s', 'i'];

export function parsePageUrl(search: string, hash = ''): { options: PageOptions; problems: string[] } {
  const q = new URLSearchParams(search);
  const f = new URLSearchParams(hash.replace(/^#/, ''));
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
  const t = num('t', (n) => n >= 0 && n <= MAX_SIMULATED_MS, `must be a time in ms from 0 to ${MAX_SIMULATED_TEXT}, the maximum simulated time`);
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
  for (const key of f.keys()) if (!FRAGMENT_KEYS.includes(key)) problems.push(`URL fragment parameter "${key}" is not known (known: ${FRAGMENT_KEYS.join(', ')})`);
  let scenario: unknown = q.get('scenario');
  const packed = f.get('s');
  if (packed !== null) {
    const r = unpackJson(packed, 'URL fragment s (the scenario)');
    if (!r.ok) problems.push(`${r.problem}; ${scenario !== null ? 'the scenario parameter is used instead' : 'the default scenario is used'}`);
    else {
      if (scenario !== null) problems.push('URL parameter scenario ignored: the fragment carries the scenario (#s=)');
      scenario = r.value;
    }
  }
  let inputs: Recorded[] | undefined;
  const packedInputs = f.get('i');
  if (packedInputs !== null) {
    const r = unpackJson(packedInputs, 'URL fragment i (the recorded inputs)');
    if (!r.ok) problems.push(`${r.problem}; the run starts without them`);
    else if (!Array.isArray(r.value)) problems.push('URL fragment i (the recorded inputs): must be a list; the run starts without them');
    else inputs = r.value as Recorded[];
  }
  // A link that names a scenario or a time (even one refused) opens paused, unless autoplay=1.
  const named = scenario !== null || q.has('t');
  return {
    options: {
      scenario: scenario ?? 'default',
      inputs,
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

/** Longest link "Copy link" makes with the user's inputs in it (characters): chat and mail tools cut longer ones. */
export const MAX_LINK_CHARS = 32_000;

export interface ShareOptions {
  scenario: unknown; seed: number; timeMs: number; speed: number; inputs?: readonly Recorded[];
  tour?: { id: string; step: number } | null; embed?: boolean; view?: string; theme?: string;
  /** Encoded bookmarks (workbench/bookmarks.ts), as `bm=`. */
  bookmarks?: string;
}

/**
 * A link that reproduces the current scenario, seed, time, speed, tour step — and the user's
 * recorded inputs, compressed in the fragment, unless that would make it longer than
 * MAX_LINK_CHARS (then `inputsLeftOut` says how many it cannot carry). A preset is named only
 * when the scenario is identical to it (the seed travels separately); any other scenario goes
 * compressed in the fragment, which servers never receive.
 */
export function shareLink(base: string, o: ShareOptions): { link: string; preset: string | null; inputsIncluded: number; inputsLeftOut: number; inputsChars: number } {
  const q = new URLSearchParams();
  const frag = new URLSearchParams();
  const preset = presetNameFor(o.scenario);
  if (preset) q.set('scenario', preset);
  else frag.set('s', packJson(o.scenario));
  q.set('seed', String(o.seed));
  q.set('t', String(Math.round(o.timeMs)));
  q.set('speed', o.speed === Infinity ? 'max' : String(o.speed));
  if (o.tour) { q.set('tour', o.tour.id); q.set('step', String(o.tour.step)); }
  if (o.embed) q.set('embed', '1');
  if (o.view && o.view !== 'all') q.set('view', o.view);
  if (o.theme) q.set('theme', o.theme);
  if (o.bookmarks) q.set('bm', o.bookmarks);
  const build = () => `${base}?${q.toString()}${[...frag.keys()].length ? `#${frag.toString()}` : ''}`;
  const inputs = o.inputs ?? [];
  if (inputs.length === 0) return { link: build(), preset, inputsIncluded: 0, inputsLeftOut: 0, inputsChars: 0 };
  const packed = packJson(inputs);
  frag.set('i', packed);
  const withInputs = build();
  if (withInputs.length <= MAX_LINK_CHARS) return { link: withInputs, preset, inputsIncluded: inputs.length, inputsLeftOut: 0, inputsChars: packed.length };
  frag.delete('i');
  return { link: build(), preset, inputsIncluded: 0, inputsLeftOut: inputs.length, inputsChars: packed.length };
}

/** The preset this scenario is, ignoring its seed (which the link carries on its own), or null. */
export function presetNameFor(scenario: unknown): string | null {
  if (!scenario || typeof scenario !== 'object') return typeof scenario === 'string' && PRESETS[scenario] ? scenario : null;
  const key = canonical(withoutSeed(scenario));
  for (const [name, preset] of Object.entries(PRESETS)) if (canonical(withoutSeed(preset)) === key) return name;
  return null;
}

function withoutSeed(x: unknown): unknown {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
  const { seed: _seed, ...rest } = x as Record<string, unknown>;
  return rest;
}

/** JSON with object keys sorted: equal for equal values whatever the key order. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v));
}
