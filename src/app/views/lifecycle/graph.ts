import type { MachineTable } from '../../../core/index';

/**
 * The lifecycle diagram's graph, read from the machine table the worker sends: which boxes,
 * which arrows, what each arrow says, and which path each belongs to. No layout here.
 *
 * - Sub-states of a compound state (`Initializing.*`) form one group box; a transition every
 *   sub-state shares is the compound's own and leaves the group box.
 * - The main path follows unguarded (or request-waiting) transitions from the initial state;
 *   `snapStart` transitions start a branch; transitions on failure events and the states only
 *   they reach form the failure path; `retiring` transitions are drawn quietly.
 * - WORKER_LOST (from every state) is a note, not thirty arrows.
 */
export type EdgeKind = 'main' | 'branch' | 'failure' | 'retire';

export interface GraphNode {
  id: string;
  /** Machine states drawn in this box: one, or a compound's sub-states in order. */
  states: string[];
  kind: 'main' | 'branch' | 'failure';
  final: boolean;
}

export interface GraphEdge {
  id: string;
  from: string;          // node id
  to: string;            // node id
  /** The machine state the arrow leaves (a sub-state), or null when the group box's own. */
  fromState: string | null;
  toState: string;
  events: { event: string; guard?: string }[];
  kind: EdgeKind;
  /** Label lines, for people: events in words, then the guard in brackets. */
  lines: string[];
}

export interface InnerEdge { from: string; to: string; event: string }

export interface LifecycleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Transitions inside a group box (sub-state to sub-state). */
  inner: InnerEdge[];
  /** Events that apply in every state (drawn as a note). */
  everywhere: { event: string; target: string }[];
}

export const FAILURE_EVENTS = new Set(['INIT_TIMEOUT', 'INIT_FAILED', 'INVOKE_FAILED']);
const BRANCH_GUARDS = new Set(['snapStart']);
const QUIET_GUARDS = new Set(['retiring']);

const GUARD_WORDS: Record<string, string> = { invocationWaiting: 'waiting', retiring: 'retiring', snapStart: 'SnapStart' };

/** PHASE_DONE → "phase done", KEEPALIVE_EXPIRED → "keep-alive expired". */
export function eventWords(event: string): string {
  return event.toLowerCase().replace('keepalive', 'keep-alive').replace(/_/g, ' ');
}

/** Word-wraps `text` into lines of at most `max` characters (longer words stay whole). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  // A lone "/" stays with the word before it.
  const words = text.split(' ').reduce<string[]>((out, w) => (w === '/' && out.length ? [...out.slice(0, -1), `${out[out.length - 1]} /`] : [...out, w]), []);
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > max) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** "init timeout", "init failed" → "init timeout / failed"; otherwise joined with " / ". */
function joinEvents(words: string[]): string {
  const first = words.map((w) => w.split(' ')[0]);
  if (words.length > 1 && first.every((f) => f === first[0]) && words.every((w) => w.includes(' '))) {
    return `${first[0]} ${words.map((w) => w.slice(first[0].length + 1)).join(' / ')}`;
  }
  return words.join(' / ');
}

function labelLines(events: { event: string; guard?: string }[], max: number): string[] {
  const guards = [...new Set(events.map((e) => e.guard ?? ''))];
  if (guards.length === 1) {
    const words = joinEvents([...new Set(events.map((e) => eventWords(e.event)))]);
    return [...wrap(words, max), ...(guards[0] ? [`[${GUARD_WORDS[guards[0]] ?? guards[0]}]`] : [])];
  }
  return events.flatMap((e) => wrap(`${eventWords(e.event)}${e.guard ? ` [${GUARD_WORDS[e.guard] ?? e.guard}]` : ''}`, max));
}

export const groupOf = (state: string): string => (state.includes('.') ? state.slice(0, state.indexOf('.')) : state);

export function lifecycleGraph(table: MachineTable, wrapAt = 11): LifecycleGraph {
  const states = table.states;
  const groups = new Map<string, string[]>();
  for (const s of states) groups.set(groupOf(s), [...(groups.get(groupOf(s)) ?? []), s]);
  // Events accepted with the same target from every state are "from anywhere" (WORKER_LOST).
  const live = states.filter((s) => !table.finalStates.has(s));
  const everywhere: { event: string; target: string }[] = [];
  for (const event of table.events) {
    const targets = live.map((s) => table.transitions[s]?.[event]?.map((c) => c.target).join('|'));
    if (targets.every((t) => t !== undefined && t === targets[0]) && live.length > 2) everywhere.push({ event, target: targets[0]! });
  }
  const skip = new Set(everywhere.map((e) => e.event));

  // A compound's own transitions: the same candidates from every one of its sub-states.
  const shared = (group: string, event: string): boolean => {
    const subs = groups.get(group)!;
    if (subs.length < 2) return false;
    const key = (s: string) => JSON.stringify(table.transitions[s]?.[event] ?? null);
    return subs.every((s) => key(s) === key(subs[0]) && table.transitions[s]?.[event] !== undefined);
  };

  const edges = new Map<string, GraphEdge>();
  const inner: InnerEdge[] = [];
  for (const from of states) {
    for (const [event, cands] of Object.entries(table.transitions[from] ?? {})) {
      if (skip.has(event)) continue;
      const g = groupOf(from);
      const own = shared(g, event);
      if (own && from !== groups.get(g)![0]) continue; // drawn once, from the group box
      for (const c of cands) {
        const tg = groupOf(c.target);
        if (tg === g && !own) { inner.push({ from, to: c.target, event }); continue; }
        const id = `${g}>${tg}:${own ? '*' : from}`;
        const e = edges.get(id) ?? { id, from: g, to: tg, fromState: own || groups.get(g)!.length === 1 ? null : from, toState: c.target, events: [], kind: 'main' as EdgeKind, lines: [] };
        if (!e.events.some((x) => x.event === event && x.guard === c.guard)) e.events.push(c.guard ? { event, guard: c.guard } : { event });
        edges.set(id, e);
      }
    }
  }

  // Classify: the failure path (failure events, and states only failures reach), branches, the rest.
  const list = [...edges.values()];
  const failureNodes = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups.keys()) {
      if (failureNodes.has(g)) continue;
      const incoming = list.filter((e) => e.to === g && e.from !== g);
      if (incoming.length && incoming.every((e) => failureNodes.has(e.from) || e.events.every((x) => FAILURE_EVENTS.has(x.event)))) { failureNodes.add(g); changed = true; }
    }
  }
  const branchNodes = new Set(list.filter((e) => e.events.every((x) => x.guard && BRANCH_GUARDS.has(x.guard))).map((e) => e.to));
  for (const e of list) {
    if (e.events.every((x) => x.guard && QUIET_GUARDS.has(x.guard))) e.kind = 'retire';
    else if (failureNodes.has(e.from) || failureNodes.has(e.to) || e.events.every((x) => FAILURE_EVENTS.has(x.event))) e.kind = 'failure';
    else if (branchNodes.has(e.from) || branchNodes.has(e.to)) e.kind = 'branch';
    e.lines = labelLines(e.events, wrapAt);
  }
  const nodes: GraphNode[] = [...groups.entries()].map(([id, subs]) => ({
    id, states: subs, final: subs.every((s) => table.finalStates.has(s)),
    kind: failureNodes.has(id) ? 'failure' : branchNodes.has(id) ? 'branch' : 'main',
  }));
  return { nodes, edges: list, inner, everywhere };
}
