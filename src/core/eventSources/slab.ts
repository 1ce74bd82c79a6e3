/**
 * Messages and records as columns of typed arrays, never one object each: a queue holding a
 * million messages is ~23 MB of plain data, copied by a snapshot in a few milliseconds.
 * Entries are linked into lists (the queue, a FIFO group, a shard's lane, a batch) through
 * `next`; moving a whole list is O(1). Freed entries are reused. Plain data, part of SimState.
 */
export interface Slab {
  cap: number;
  /** When the message was sent (its SentTimestamp / ApproximateArrivalTimestamp), ms. */
  sent: Float64Array;
  /** Position within its partition (FIFO group or stream lane), from 1: order is checked by it. */
  seq: Uint32Array;
  /** Its partition: FIFO message group or stream lane (0 for a standard queue). */
  part: Uint32Array;
  /** SQS ApproximateReceiveCount. */
  rx: Uint16Array;
  /** Bit 0: a poison message (the handler always fails on it); bits 1–7: recursion lineage depth. */
  info: Uint8Array;
  /** Next entry in its list, −1 at the end. */
  next: Int32Array;
  /** Head of the free list, −1 when empty. */
  free: number;
  used: number;
}

/** A list of slab entries, oldest first. */
export interface List {
  head: number;
  tail: number;
  size: number;
}

export const POISON = 1;
export const depthOf = (info: number) => info >> 1;
export const withDepth = (info: number, depth: number) => (info & POISON) | (depth << 1);

export function createSlab(cap = 64): Slab {
  const s: Slab = {
    cap, sent: new Float64Array(cap), seq: new Uint32Array(cap), part: new Uint32Array(cap), rx: new Uint16Array(cap),
    info: new Uint8Array(cap), next: new Int32Array(cap), free: -1, used: 0,
  };
  chainFree(s, 0, cap);
  return s;
}

export const emptyList = (): List => ({ head: -1, tail: -1, size: 0 });

/** Links entries [from, to) into the free list. */
function chainFree(s: Slab, from: number, to: number): void {
  for (let i = to - 1; i >= from; i--) {
    s.next[i] = s.free;
    s.free = i;
  }
}

function grow(s: Slab): void {
  const cap = s.cap * 2;
  const copy = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array>(a: T, b: T) => (b.set(a), b);
  s.sent = copy(s.sent, new Float64Array(cap));
  s.seq = copy(s.seq, new Uint32Array(cap));
  s.part = copy(s.part, new Uint32Array(cap));
  s.rx = copy(s.rx, new Uint16Array(cap));
  s.info = copy(s.info, new Uint8Array(cap));
  s.next = copy(s.next, new Int32Array(cap));
  chainFree(s, s.cap, cap);
  s.cap = cap;
}

/** A new entry (not in any list yet). */
export function alloc(s: Slab, sent: number, part: number, info: number): number {
  if (s.free < 0) grow(s);
  const i = s.free;
  s.free = s.next[i];
  s.sent[i] = sent;
  s.part[i] = part;
  s.info[i] = info;
  s.seq[i] = 0;
  s.rx[i] = 0;
  s.next[i] = -1;
  s.used++;
  return i;
}

export function push(s: Slab, l: List, i: number): void {
  s.next[i] = -1;
  if (l.tail < 0) l.head = i;
  else s.next[l.tail] = i;
  l.tail = i;
  l.size++;
}

export function popFront(s: Slab, l: List): number {
  const i = l.head;
  if (i < 0) return -1;
  l.head = s.next[i];
  if (l.head < 0) l.tail = -1;
  l.size--;
  s.next[i] = -1;
  return i;
}

/** Moves every entry of `from` to the end of `to`. */
export function append(s: Slab, to: List, from: List): void {
  if (from.size === 0) return;
  if (to.tail < 0) to.head = from.head;
  else s.next[to.tail] = from.head;
  to.tail = from.tail;
  to.size += from.size;
  clear(from);
}

/** Moves every entry of `from` to the front of `to` (a failed batch goes back before what followed it). */
export function prepend(s: Slab, to: List, from: List): void {
  if (from.size === 0) return;
  s.next[from.tail] = to.head;
  if (to.tail < 0) to.tail = from.tail;
  to.head = from.head;
  to.size += from.size;
  clear(from);
}

/** Merges `from` (sorted by sent time) into `to` (sorted): returned messages keep the queue in age order. */
export function mergeSorted(s: Slab, to: List, from: List): void {
  if (from.size === 0) return;
  if (to.size === 0 || s.sent[from.head] >= s.sent[to.tail]) return append(s, to, from);
  const n = from.size;
  let prev = -1, cur = to.head;
  let src = from.head;
  while (src >= 0) {
    const nextSrc = s.next[src];
    while (cur >= 0 && s.sent[cur] <= s.sent[src]) { prev = cur; cur = s.next[cur]; }
    if (cur < 0) { // the rest of `from` goes at the end
      s.next[prev] = src;
      to.tail = from.tail;
      break;
    }
    s.next[src] = cur;
    if (prev < 0) to.head = src;
    else s.next[prev] = src;
    prev = src;
    src = nextSrc;
  }
  to.size += n;
  clear(from);
}

/** Returns the entries of a list to the free list. */
export function release(s: Slab, l: List): void {
  if (l.size === 0) return;
  s.next[l.tail] = s.free;
  s.free = l.head;
  s.used -= l.size;
  clear(l);
}

export function releaseOne(s: Slab, i: number): void {
  s.next[i] = s.free;
  s.free = i;
  s.used--;
}

function clear(l: List): void {
  l.head = -1;
  l.tail = -1;
  l.size = 0;
}

/** Entries of a list, by walking it (tests and bounded checks only). */
export function walkCount(s: Slab, l: List, limit = Infinity): number {
  let n = 0;
  for (let i = l.head; i >= 0 && n <= limit; i = s.next[i]) n++;
  return n;
}
