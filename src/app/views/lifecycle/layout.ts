import dagre from '@dagrejs/dagre';
import type { LifecycleGraph, GraphEdge, GraphNode } from './graph';
import { textWidth } from '../textWidth';

/**
 * A layered (Sugiyama) layout of the lifecycle graph with dagre, left to right. Why dagre:
 * it is small (~30 kB), synchronous (layout inside a render, no worker round trip) and
 * deterministic, and it reserves room for edge labels as nodes of their own, so labels never
 * sit on boxes or on each other. elkjs lays out as well but is ~1.4 MB and asynchronous.
 *
 * Sizes are logical px; text widths are estimated from character classes (DejaVu/Helvetica
 * proportions, rounded up) so the layout is the same in Node tests and in every browser.
 */
export const FONT = { state: 10.5, count: 10, label: 10, group: 10 };
const PAD_X = 8;
const STATE_H = 30;      // a box: name + count
const SUB_H = 30;        // one sub-state inside a group box
const SUB_GAP = 14;      // room for the arrow between sub-states
const GROUP_HEAD = 14;   // the group box's title
export const FINAL_R = 10; // a final state's ring

export interface Box { x: number; y: number; w: number; h: number }
export interface LaidNode extends Box { node: GraphNode; title: string; parts: ({ state: string; label: string[] } & Box)[] }
export interface LaidEdge { edge: GraphEdge; points: { x: number; y: number }[]; label: Box }

/**
 * Columns (ranks), left to right. The main path gets the longest-path ranks of its own and
 * `retiring` arrows, visiting unguarded arrows first so Idle comes before Invoking; every
 * other box sits one column before the first main box it leads to — so a branch or failure
 * box sits beside the part of the main path it belongs to and adds no column of its own.
 */
export function assignRanks(graph: LifecycleGraph): Map<string, number> {
  const main = new Set(graph.nodes.filter((n) => n.kind === 'main').map((n) => n.id));
  const spine = graph.edges.filter((e) => main.has(e.from) && main.has(e.to) && e.from !== e.to && (e.kind === 'main' || e.kind === 'retire'));
  const unguarded = (e: GraphEdge) => (e.events.some((x) => !x.guard) ? 0 : 1);
  const out = new Map<string, GraphEdge[]>();
  for (const e of [...spine].sort((a, b) => unguarded(a) - unguarded(b))) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  // Depth-first from the initial state: an arrow to a box on the current path is a back edge.
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string) => {
    state.set(n, 'open');
    for (const e of out.get(n) ?? []) {
      if (state.get(e.to) === 'open') back.add(e.id);
      else if (!state.has(e.to)) visit(e.to);
    }
    state.set(n, 'done');
  };
  const initial = graph.nodes.find((n) => main.has(n.id))!.id;
  visit(initial);
  const rank = new Map<string, number>([[initial, 0]]);
  for (let changed = true; changed;) {
    changed = false;
    for (const e of spine) {
      if (back.has(e.id) || !rank.has(e.from)) continue;
      const r = rank.get(e.from)! + 1;
      if ((rank.get(e.to) ?? -1) < r) { rank.set(e.to, r); changed = true; }
    }
  }
  for (const n of graph.nodes) {
    if (rank.has(n.id)) continue;
    const next = graph.edges.filter((e) => e.from === n.id && main.has(e.to)).map((e) => rank.get(e.to)!);
    const prev = graph.edges.filter((e) => e.to === n.id && main.has(e.from)).map((e) => rank.get(e.from)!);
    rank.set(n.id, next.length ? Math.max(0, Math.min(...next) - 1) : prev.length ? Math.max(...prev) + 1 : 0);
  }
  return rank;
}
export interface LifecycleLayout { nodes: LaidNode[]; edges: LaidEdge[]; width: number; height: number }

/**
 * A state's name for people, as lines: camelCase spaced ("Shutting down"), a sub-state without
 * its group's word ("Initializing.RuntimeInit" → "Runtime"), two words on two lines.
 */
export function stateWords(state: string): string[] {
  const dot = state.lastIndexOf('.');
  let last = state.slice(dot + 1);
  if (dot > 0) last = last.replace(/Init$/, '') || last;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ').map((w, i) => (i ? w.toLowerCase() : w));
  return words.length === 2 ? words : [words.join(' ')];
}

const lineH = (px: number) => px + 2;

function nodeSize(n: GraphNode): { w: number; h: number; title: string; parts: { state: string; label: string[] }[] } {
  const parts = n.states.map((s) => ({ state: s, label: stateWords(s) }));
  const title = n.states.length > 1 ? n.id : parts[0].label.join(' ');
  const widest = Math.max(...parts.flatMap((p) => p.label.map((l) => textWidth(l, FONT.state, true))), textWidth('00000', FONT.count));
  const boxH = (p: { label: string[] }) => 8 + p.label.length * lineH(FONT.state) + (n.final ? 0 : lineH(FONT.count));
  // A final state is UML's ringed dot, its name below it (drawn outside the box dagre places).
  if (n.final) return { w: FINAL_R * 2, h: FINAL_R * 2, title, parts };
  if (parts.length === 1) return { w: widest + 2 * PAD_X, h: Math.max(STATE_H, boxH(parts[0])), title, parts };
  const h = GROUP_HEAD + parts.reduce((a, p) => a + Math.max(SUB_H, boxH(p)), 0) + (parts.length - 1) * SUB_GAP + 6;
  return { w: Math.max(widest + 2 * PAD_X + 8, textWidth(title, FONT.group, true) + 12), h, title, parts };
}

export const LINE_H = FONT.label + 1;

export function layoutLifecycle(graph: LifecycleGraph, opts: { ranksep?: number; nodesep?: number } = {}): LifecycleLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ranksep: opts.ranksep ?? 6, nodesep: opts.nodesep ?? 6, edgesep: 5, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(graph.nodes.map((n) => [n.id, nodeSize(n)]));
  // Our own columns (dagre leaves ranks alone with ranker "none"); ×2 leaves a column between
  // boxes for the arrows' labels, as dagre itself does.
  const rank = assignRanks(graph);
  for (const n of graph.nodes) g.setNode(n.id, { width: sizes.get(n.id)!.w, height: sizes.get(n.id)!.h, rank: 2 * rank.get(n.id)! });
  const labelSize = (e: GraphEdge) => ({ w: Math.max(...e.lines.map((l) => textWidth(l, FONT.label))) + 4, h: e.lines.length * LINE_H + 2 });
  for (const e of graph.edges) {
    const dr = rank.get(e.to)! - rank.get(e.from)!;
    if (dr === 0) continue; // same column: drawn straight, below
    const { w, h } = labelSize(e);
    // Main-path arrows pull hardest, so that path stays short and straight; the rest bend round it.
    const weight = e.kind === 'main' ? 8 : e.kind === 'branch' ? 2 : 1;
    // dagre wants left-to-right arrows: a back arrow is laid out reversed and drawn the right way.
    const [v, w2] = dr > 0 ? [e.from, e.to] : [e.to, e.from];
    g.setEdge(v, w2, { width: w, height: h, labelpos: 'c', weight, minlen: 2 * Math.abs(dr) }, e.id);
  }
  // Branches above the main path, failures below it (dagre orders each rank top to bottom).
  const main = graph.nodes.filter((n) => n.kind === 'main').map((n) => n.id);
  const constraints = [
    ...graph.nodes.filter((n) => n.kind === 'branch').flatMap((b) => main.map((m) => ({ left: b.id, right: m }))),
    ...graph.nodes.filter((n) => n.kind === 'failure').flatMap((f) => main.map((m) => ({ left: m, right: f.id }))),
  ];
  g.graph().ranker = 'none';
  dagre.layout(g, { constraints });

  const nodes: LaidNode[] = graph.nodes.map((n) => {
    const d = g.node(n.id);
    const s = sizes.get(n.id)!;
    const x = d.x! - s.w / 2, y = d.y! - s.h / 2;
    let top = y + GROUP_HEAD;
    const parts = s.parts.map((p) => {
      if (s.parts.length === 1) return { ...p, x, y, w: s.w, h: s.h };
      const h = Math.max(SUB_H, 8 + p.label.length * lineH(FONT.state) + lineH(FONT.count));
      const part = { ...p, x: x + 4, y: top, w: s.w - 8, h };
      top += h + SUB_GAP;
      return part;
    });
    return { node: n, title: s.title, x, y, w: s.w, h: s.h, parts };
  });
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  const edges: LaidEdge[] = graph.edges.map((e) => {
    const dr = rank.get(e.to)! - rank.get(e.from)!;
    const src0 = byId.get(e.from)!, dst0 = byId.get(e.to)!;
    if (dr === 0) {
      // Stacked in one column: a straight vertical arrow, its label to the right of it.
      const down = dst0.y > src0.y;
      const x = Math.min(src0.x + src0.w, dst0.x + dst0.w) - 14;
      const y1 = down ? src0.y + src0.h : src0.y, y2 = down ? dst0.y : dst0.y + dst0.h;
      const { w, h } = labelSize(e);
      return { edge: e, points: [{ x, y: y1 }, { x, y: y2 }], label: { x: x + 4, y: (y1 + y2) / 2 - h / 2, w, h } };
    }
    const d = dr > 0 ? g.edge({ v: e.from, w: e.to, name: e.id }) : g.edge({ v: e.to, w: e.from, name: e.id });
    const w = d.width as number, h = d.height as number;
    const points = (d.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y }));
    if (dr < 0) points.reverse();
    // An arrow from one sub-state leaves that sub-state's box, not the middle of the group.
    const src = byId.get(e.from)!;
    const part = e.fromState ? src.parts.find((p) => p.state === e.fromState) : undefined;
    if (part && points.length > 1 && src.parts.length > 1) {
      const right = points[1].x >= part.x + part.w;
      points[0] = { x: right ? src.x + src.w : src.x, y: part.y + part.h / 2 };
    }
    return { edge: e, points, label: { x: (d.x as number) - w / 2, y: (d.y as number) - h / 2, w, h } };
  });
  const gl = g.graph();
  // A final state's name hangs below its ring: make room for it.
  let width = gl.width ?? 0, height = gl.height ?? 0;
  for (const n of nodes) {
    if (!n.node.final) continue;
    width = Math.max(width, n.x + n.w / 2 + textWidth(n.title, FONT.label) / 2 + 2);
    height = Math.max(height, n.y + n.h + lineH(FONT.label) + 4);
  }
  return { nodes, edges, width: Math.ceil(width), height: Math.ceil(height) };
}
