/**
 * The message a host page posts to drive an embedded view (CONTRACTS.md §5):
 * `{ lambdascope: 1, action, timeMs?, scenario? }`. Pure validation, no DOM: a bad message
 * gets a precise error naming the field and the rule, never an exception.
 */
export const ACTIONS = ['play', 'pause', 'step', 'next', 'previous', 'seek', 'load'] as const;
export type HostAction = (typeof ACTIONS)[number];

export type HostMessage =
  | { action: 'play' | 'pause' | 'step' | 'next' | 'previous'; id?: string | number }
  | { action: 'seek'; timeMs: number; id?: string | number }
  | { action: 'load'; scenario: object | string; id?: string | number };

/** The answer to every message, posted back to the sender. `playing` and `id` are additions. */
export interface HostReply {
  lambdascope: 1;
  ok: boolean;
  action: string | null;
  timeMs: number;
  error?: string;
  playing?: boolean;
  id?: string | number;
}

/** Largest virtual time a host may seek to (CONTRACTS §3: times beyond a limit are refused). */
export const MAX_SEEK_MS = 7 * 24 * 3600 * 1000;
const FIELDS = ['lambdascope', 'action', 'timeMs', 'scenario', 'id'];

/** Whether `data` is meant for us at all: other libraries post messages to frames too. */
export function isForUs(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'lambdascope' in data;
}

export function parseHostMessage(data: unknown): { ok: true; message: HostMessage } | { ok: false; action: string | null; error: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, action: null, error: 'message must be an object { lambdascope: 1, action, … }' };
  const m = data as Record<string, unknown>;
  const action = typeof m.action === 'string' ? m.action : null;
  const fail = (error: string) => ({ ok: false as const, action, error });
  if (m.lambdascope !== 1) return fail(`lambdascope must be 1 (the message version); got ${show(m.lambdascope)}`);
  const unknown = Object.keys(m).filter((k) => !FIELDS.includes(k));
  if (unknown.length) return fail(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${FIELDS.join(', ')})`);
  if (m.id !== undefined && typeof m.id !== 'string' && typeof m.id !== 'number') return fail(`id must be a string or a number; got ${show(m.id)}`);
  const id = m.id as string | number | undefined;
  if (action === null || !(ACTIONS as readonly string[]).includes(action)) return fail(`action must be one of ${ACTIONS.join(', ')}; got ${show(m.action)}`);
  if (action !== 'seek' && m.timeMs !== undefined) return fail(`timeMs is only for action "seek"`);
  if (action !== 'load' && m.scenario !== undefined) return fail(`scenario is only for action "load"`);
  const withId = <T extends object>(x: T) => (id === undefined ? x : { ...x, id });
  if (action === 'seek') {
    const t = m.timeMs;
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return fail(`seek needs timeMs: a finite number of virtual ms, at least 0; got ${show(t)}`);
    if (t > MAX_SEEK_MS) return fail(`timeMs must be at most ${MAX_SEEK_MS} (7 days of virtual time); got ${t}`);
    return { ok: true, message: withId({ action, timeMs: t }) };
  }
  if (action === 'load') {
    const s = m.scenario;
    if (typeof s === 'string' ? s.trim() === '' : typeof s !== 'object' || s === null || Array.isArray(s)) {
      return fail(`load needs scenario: a scenario object, a preset name or base64url JSON; got ${show(s)}`);
    }
    return { ok: true, message: withId({ action, scenario: s as object | string }) };
  }
  return { ok: true, message: withId({ action: action as 'play' }) };
}

function show(x: unknown): string {
  if (x === undefined) return 'nothing';
  try {
    const s = JSON.stringify(x);
    return s === undefined ? String(x) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return String(x);
  }
}
