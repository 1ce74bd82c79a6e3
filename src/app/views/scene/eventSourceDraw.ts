import type { EventSourceView } from '../../../core';
import { age, count } from './format';
import { T, textWidth } from './text';

/** Plain maths and words for EventSourcePart (no React), so they can be checked in Node. */
export type EsView = EventSourceView;

/** Okabe–Ito, as the rest of the scene: waiting sky blue, in flight green, stalled vermillion, behind orange. */
export const ES_COLOR = { waiting: '#56B4E9', inFlight: '#009E73', stalled: '#D55E00', behind: '#E69F00' } as const;

export function sourceWords(e: EsView): { title: string; kind: string; failTitle: string; failNote: string[] } {
  const dlqNote = e.maxReceiveCount ? [`after ${e.maxReceiveCount}`, 'receives'] : ['no redrive', 'policy'];
  const dest = [e.expired ? `${count(e.expired)} expired` : 'records sent'];
  switch (e.type) {
    case 'sqs': return { title: 'Your queue', kind: 'SQS', failTitle: 'DLQ', failNote: dlqNote };
    case 'sqs-fifo': return { title: 'Your FIFO queue', kind: 'SQS FIFO', failTitle: 'DLQ', failNote: dlqNote };
    case 'kinesis': return { title: 'Your stream', kind: 'Kinesis', failTitle: 'On failure', failNote: dest };
    default: return { title: 'Your stream', kind: 'DynamoDB Streams', failTitle: 'On failure', failNote: dest };
  }
}

/**
 * Messages as cells, waiting then in flight: one cell per message while they fit, else each
 * cell stands for `per` messages (rounded up, so a single waiting message still shows).
 */
export function queueCells(e: EsView, width: number, height: number): { cols: number; step: number; per: number; cells: (0 | 1)[] } {
  const step = 18;
  const cols = Math.max(1, Math.floor(width / step)), rows = Math.max(1, Math.floor(height / step));
  const total = e.visible + e.inFlight, room = cols * rows;
  const per = total <= room ? 1 : Math.ceil(total / room);
  const waiting = Math.ceil(e.visible / per), flying = Math.ceil(e.inFlight / per);
  const cells: (0 | 1)[] = [];
  for (let i = 0; i < Math.min(room, waiting); i++) cells.push(0);
  for (let i = 0; i < flying && cells.length < room; i++) cells.push(1);
  return { cols, step, per, cells };
}

/** How many lanes fit and how tall each is (at least 10 units; labels from 24). */
export function laneShown(lanes: number, height: number): { n: number; h: number } {
  if (lanes === 0) return { n: 0, h: 0 };
  const h = Math.min(34, Math.max(10, Math.floor(height / lanes)));
  return { n: Math.min(lanes, Math.floor(height / h)), h };
}

/** "▪ = 40 messages" when a cell stands for more than one message. */
export function scaleNote(e: EsView, width: number, height: number): string | null {
  const { per } = queueCells(e, width, height);
  return per > 1 ? `▪ = ${count(per)} messages` : null;
}

export interface Fact { key: string; text: string; color?: string; warn?: boolean }

/** The queue's or stream's facts under its picture, most important first. */
export function sourceFacts(e: EsView, stream: boolean): Fact[] {
  const out: Fact[] = [];
  const stalled = e.lanes.filter((l) => l.retries > 0).length;
  if (stalled) out.push({ key: 'stalled', text: `${stalled} shard${stalled === 1 ? '' : 's'} stalled`, warn: true });
  out.push({ key: 'waiting', text: `${count(e.visible)} waiting`, color: ES_COLOR.waiting });
  out.push({ key: 'flight', text: `${count(e.inFlight)} in flight`, color: ES_COLOR.inFlight });
  out.push({ key: 'age', text: `${stream ? 'iterator age' : 'oldest'} ${age(e.oldestAgeMs)}` });
  if (e.groups) out.push({ key: 'groups', text: `${e.groups.locked}/${e.groups.active} groups busy` });
  return out;
}

/** Flows facts into at most `lines` lines of `width` units; what does not fit is left out. */
export function flowFacts(facts: Fact[], width: number, lines: number): (Fact & { x: number; line: number })[] {
  const out: (Fact & { x: number; line: number })[] = [];
  let x = 0, line = 0;
  for (const f of facts) {
    const w = textWidth(f.text, T.small) + (f.color ? 22 : 0);
    if (x > 0 && x + w > width) { line++; x = 0; }
    if (line >= lines || w > width) continue;
    out.push({ ...f, x, line });
    x += w + 18;
  }
  return out;
}
