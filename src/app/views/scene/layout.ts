/**
 * The scene's fixed logical coordinate spaces (SVG viewBox units). Text sizes are in the same
 * units: the smallest is 20, which is 16 CSS px when the wide layout fills a 1280×720 slide.
 *
 * Sync path, numbered by where the request goes: ① Frontend ② Counting ③ Assignment
 * ④ Placement ⑤ the microVM (the payload goes from the Frontend straight to it). Async path,
 * lettered: Ⓐ Event accepted (202) Ⓑ internal queue Ⓒ poller batch Ⓓ the poller invokes
 * through the sync path Ⓔ retries exhausted → DLQ / on-failure destination.
 */
export type Pt = readonly [number, number];
export interface Rect { x: number; y: number; w: number; h: number }
export type BoxName = 'syncClients' | 'eventClients' | 'frontend' | 'counting' | 'assignment' | 'placement' | 'fleet' | 'queue' | 'pollers' | 'dlq';
/** Token routes; a route that ends at a microVM gets that microVM's centre appended when drawn. */
export type RouteName =
  | 'frontend' | 'frontendFromPoller' | 'counting' | 'placement' | 'toVm' | 'payload' | 'response' | 'responseToPoller'
  | 'throttled' | 'throttledToPoller' | 'rejected' | 'accept' | 'accepted202' | 'batch' | 'toDlq';

export interface Arrow {
  id: string;
  points: Pt[];
  /** ①–⑤ on the sync path, A–E on the async path, '' for returns. */
  mark: string;
  label: string;
  labelAt: Pt;
  anchor: 'start' | 'middle' | 'end';
  kind: 'sync' | 'async' | 'return';
  /** Components this arrow belongs to, for highlighting. */
  parts: string[];
  /** Which token routes run along it (so a followed request lights its arrows). */
  routes: RouteName[];
}

export interface SceneLayout {
  name: 'wide' | 'tall';
  width: number;
  height: number;
  boxes: Record<BoxName, Rect>;
  /** Where the legend goes (phase colours, token kinds). */
  legend: Rect;
  arrows: Arrow[];
  routes: Record<RouteName, Pt[]>;
}

const mid = (r: Rect): Pt => [r.x + r.w / 2, r.y + r.h / 2];

/**
 * Landscape arrangement, 1600 wide and `H` tall (900 for 16:9; taller for squarer
 * containers, so the picture fills them instead of leaving bands): the sync path along the
 * top, the async path along the bottom, the payload lane between, the fleet on the right.
 */
function wide(H: number, width = 1600): SceneLayout {
  const yb = H - 350; // top of the async row (the legend goes under it)
  const fw = width - 1114; // the fleet takes any extra width
  const b: Record<BoxName, Rect> = {
    syncClients: { x: 14, y: 40, w: 160, h: 250 },
    eventClients: { x: 14, y: yb, w: 160, h: 250 },
    frontend: { x: 232, y: 40, w: 200, h: H - 140 },
    counting: { x: 496, y: 40, w: 280, h: 300 },
    assignment: { x: 830, y: 40, w: 214, h: 300 },
    placement: { x: 1100, y: 40, w: fw, h: 124 },
    fleet: { x: 1100, y: 226, w: fw, h: H - 240 },
    queue: { x: 496, y: yb, w: 320, h: 250 },
    pollers: { x: 860, y: yb, w: 184, h: 170 },
    dlq: { x: 860, y: yb + 210, w: 184, h: 116 },
  };
  const F = b.frontend, C = b.counting, A = b.assignment, P = b.placement, W = b.fleet, Q = b.queue, PO = b.pollers, D = b.dlq, S = b.syncClients, E = b.eventClients;
  const band = yb - 340;
  const y1 = 150, y1b = 236, yThr = 300, lane = 340 + band * 0.25, laneBack = lane + 40, yD = 340 + band * 0.72, yA = yb + 80, yA2 = yb + 160, yB = yb + 60, yC = yb + 90;
  const fIn = F.x + 10, fOut = F.x + F.w;
  const routes: Record<RouteName, Pt[]> = {
    frontend: [[fIn + 20, y1], [fOut, y1], [C.x, y1], mid(C)],
    frontendFromPoller: [[PO.x + PO.w / 2, PO.y], [PO.x + PO.w / 2, yD], [fOut, yD], [fOut - 30, yD], [fOut - 30, y1], [C.x, y1], mid(C)],
    counting: [mid(C), [C.x + C.w, y1], [A.x, y1], mid(A)],
    placement: [mid(A), [A.x + A.w, 96], [P.x, 96], [P.x + 24, 140], [P.x + 250, 140]],
    toVm: [[P.x + 250, 140], [P.x + 250, P.y + P.h], [P.x + 250, W.y]],
    payload: [mid(A), [A.x + A.w / 2, A.y + A.h], [A.x + A.w / 2, lane], [W.x, lane]],
    response: [[W.x, laneBack], [fOut, laneBack], [fOut - 40, laneBack], [fOut - 40, y1b], [S.x + S.w, y1b], [S.x + S.w / 2, y1b]],
    responseToPoller: [[W.x, laneBack], [fOut, laneBack], [fOut, yD + 36], [PO.x + PO.w / 2 - 20, yD + 36], [PO.x + PO.w / 2 - 20, PO.y]],
    throttled: [mid(C), [C.x, yThr], [fOut, yThr], [fOut - 40, yThr], [fOut - 40, y1b], [S.x + S.w, y1b], [S.x + S.w / 2, y1b]],
    throttledToPoller: [mid(C), [C.x, yThr], [fOut, yThr], [fOut, yD + 36], [PO.x + PO.w / 2 - 20, yD + 36], [PO.x + PO.w / 2 - 20, PO.y]],
    rejected: [[fIn + 20, y1], [fIn + 20, y1b], [S.x + S.w, y1b], [S.x + S.w / 2, y1b]],
    accept: [[E.x + E.w / 2, yA], [F.x, yA], [fOut, yB], [Q.x, yB], [Q.x + 40, yB]],
    accepted202: [[F.x + 30, yA2], [F.x, yA2], [E.x + E.w / 2, yA2]],
    batch: [[Q.x + Q.w - 30, yC], [Q.x + Q.w, yC], [PO.x, yC], mid(PO)],
    toDlq: [mid(PO), [PO.x + PO.w / 2, PO.y + PO.h], [D.x + D.w / 2, D.y], mid(D)],
  };
  const arrows: Arrow[] = [
    { id: 'invoke', points: [[S.x + S.w, y1], [F.x, y1]], mark: '1', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'sync', parts: ['clients', 'frontend'], routes: ['frontend'] },
    { id: 'answer', points: [[F.x, y1b], [S.x + S.w, y1b]], mark: '', label: '', labelAt: [0, 0], anchor: 'end', kind: 'return', parts: ['clients', 'frontend'], routes: ['response', 'throttled', 'rejected'] },
    { id: 'count', points: [[fOut, y1], [C.x, y1]], mark: '2', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'sync', parts: ['frontend', 'counting'], routes: ['frontend', 'frontendFromPoller'] },
    { id: 'throttle', points: [[C.x, yThr], [fOut, yThr]], mark: '', label: '429', labelAt: [fOut + 32, yThr - 12], anchor: 'middle', kind: 'return', parts: ['counting', 'frontend'], routes: ['throttled', 'throttledToPoller'] },
    { id: 'assign', points: [[C.x + C.w, y1], [A.x, y1]], mark: '3', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'sync', parts: ['counting', 'assignment'], routes: ['counting'] },
    { id: 'place', points: [[A.x + A.w, 96], [P.x, 96]], mark: '4', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'sync', parts: ['assignment', 'placement'], routes: ['placement'] },
    { id: 'onWorker', points: [[P.x + 250, P.y + P.h], [P.x + 250, W.y]], mark: '', label: 'new environment', labelAt: [P.x + 236, P.y + P.h + 38], anchor: 'end', kind: 'sync', parts: ['placement', 'worker'], routes: ['toVm'] },
    { id: 'payload', points: [[fOut, lane], [W.x, lane]], mark: '5', label: 'payload, straight to the microVM', labelAt: [fOut + 60, lane - 14], anchor: 'start', kind: 'sync', parts: ['frontend', 'worker', 'microvm'], routes: ['payload'] },
    { id: 'response', points: [[W.x, laneBack], [fOut, laneBack]], mark: '', label: 'response', labelAt: [fOut + 60, laneBack + 30], anchor: 'start', kind: 'return', parts: ['worker', 'frontend'], routes: ['response', 'responseToPoller'] },
    { id: 'event', points: [[E.x + E.w, yA], [F.x, yA]], mark: 'A', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['clients', 'frontend'], routes: ['accept'] },
    { id: '202', points: [[F.x, yA2], [E.x + E.w, yA2]], mark: '', label: '202', labelAt: [E.x + E.w + 29, yA2 - 14], anchor: 'middle', kind: 'return', parts: ['clients', 'frontend'], routes: ['accepted202'] },
    { id: 'enqueue', points: [[fOut, yB], [Q.x, yB]], mark: 'B', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['frontend', 'queue'], routes: ['accept'] },
    { id: 'batch', points: [[Q.x + Q.w, yC], [PO.x, yC]], mark: 'C', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['queue', 'pollers'], routes: ['batch'] },
    { id: 'pollInvoke', points: [[PO.x + PO.w / 2, PO.y], [PO.x + PO.w / 2, yD], [fOut, yD]], mark: 'D', label: 'poller invokes (sync path)', labelAt: [PO.x + PO.w / 2 - 30, yD + 34], anchor: 'end', kind: 'async', parts: ['pollers', 'frontend'], routes: ['frontendFromPoller'] },
    { id: 'dlq', points: [[PO.x + PO.w / 2, PO.y + PO.h], [D.x + D.w / 2, D.y]], mark: 'E', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['pollers', 'dlq'], routes: ['toDlq'] },
  ];
  return { name: 'wide', width, height: H, boxes: b, legend: { x: 14, y: H - 96, w: 830, h: 92 }, arrows, routes };
}

/**
 * Portrait arrangement (phones, a thin slide column): the sync path runs down the left
 * column, the async path down the right, the payload lane between them, the fleet below.
 */
function tall(): SceneLayout {
  const b: Record<BoxName, Rect> = {
    syncClients: { x: 14, y: 20, w: 380, h: 110 },
    eventClients: { x: 490, y: 20, w: 370, h: 110 },
    frontend: { x: 14, y: 190, w: 846, h: 130 },
    counting: { x: 14, y: 380, w: 380, h: 260 },
    assignment: { x: 14, y: 700, w: 380, h: 200 },
    placement: { x: 14, y: 960, w: 380, h: 100 },
    queue: { x: 490, y: 380, w: 370, h: 260 },
    pollers: { x: 490, y: 700, w: 370, h: 140 },
    dlq: { x: 490, y: 900, w: 370, h: 110 },
    fleet: { x: 14, y: 1120, w: 846, h: 470 },
  };
  const F = b.frontend, C = b.counting, A = b.assignment, P = b.placement, W = b.fleet, Q = b.queue, PO = b.pollers, D = b.dlq, S = b.syncClients, E = b.eventClients;
  const x1 = 120, x1b = 290, xThr = 330, lane = 430, laneBack = 456, xA = 600, xA2 = 780, xD = 878;
  const routes: Record<RouteName, Pt[]> = {
    frontend: [[x1, F.y + 24], [x1, F.y + F.h], [x1, C.y], mid(C)],
    frontendFromPoller: [[PO.x + PO.w, PO.y + 40], [xD, PO.y + 40], [xD, F.y + 60], [F.x + F.w, F.y + 60], [x1 + 30, F.y + 60], [x1 + 30, F.y + F.h], [x1, C.y], mid(C)],
    counting: [mid(C), [x1, C.y + C.h], [x1, A.y], mid(A)],
    placement: [mid(A), [x1, A.y + A.h], [x1, P.y], mid(P)],
    toVm: [mid(P), [P.x + P.w / 2, P.y + P.h], [P.x + P.w / 2, W.y]],
    payload: [mid(A), [A.x + A.w, A.y + A.h / 2], [lane, A.y + A.h / 2], [lane, W.y]],
    response: [[laneBack, W.y], [laneBack, F.y + F.h], [laneBack, F.y + F.h - 24], [x1b, F.y + F.h - 24], [x1b, S.y + S.h], [x1b, S.y + S.h / 2]],
    responseToPoller: [[laneBack, W.y], [laneBack, PO.y + PO.h - 30], [PO.x, PO.y + PO.h - 30]],
    throttled: [mid(C), [xThr, C.y], [xThr, F.y + F.h], [x1b, F.y + F.h - 24], [x1b, S.y + S.h], [x1b, S.y + S.h / 2]],
    throttledToPoller: [mid(C), [xThr, C.y], [xThr, F.y + F.h], [laneBack, F.y + F.h + 20], [laneBack, PO.y + PO.h - 30], [PO.x, PO.y + PO.h - 30]],
    rejected: [[x1, F.y + 24], [x1b, F.y + 24], [x1b, S.y + S.h], [x1b, S.y + S.h / 2]],
    accept: [[xA, E.y + E.h / 2], [xA, F.y], [xA, F.y + F.h], [xA, Q.y], [xA, Q.y + 50]],
    accepted202: [[xA2, F.y + 24], [xA2, F.y], [xA2, E.y + E.h / 2]],
    batch: [[xA + 60, Q.y + Q.h - 20], [xA + 60, Q.y + Q.h], [xA + 60, PO.y], mid(PO)],
    toDlq: [mid(PO), [PO.x + PO.w / 2, PO.y + PO.h], [D.x + D.w / 2, D.y], mid(D)],
  };
  const arrows: Arrow[] = [
    { id: 'invoke', points: [[x1, S.y + S.h], [x1, F.y]], mark: '1', label: '', labelAt: [0, 0], anchor: 'start', kind: 'sync', parts: ['clients', 'frontend'], routes: ['frontend'] },
    { id: 'answer', points: [[x1b, F.y], [x1b, S.y + S.h]], mark: '', label: '200 / 429', labelAt: [x1b - 14, S.y + S.h + 38], anchor: 'end', kind: 'return', parts: ['clients', 'frontend'], routes: ['response', 'throttled', 'rejected'] },
    { id: 'count', points: [[x1, F.y + F.h], [x1, C.y]], mark: '2', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'sync', parts: ['frontend', 'counting'], routes: ['frontend', 'frontendFromPoller'] },
    { id: 'throttle', points: [[xThr, C.y], [xThr, F.y + F.h]], mark: '', label: '429', labelAt: [xThr - 12, C.y - 14], anchor: 'end', kind: 'return', parts: ['counting', 'frontend'], routes: ['throttled', 'throttledToPoller'] },
    { id: 'assign', points: [[x1, C.y + C.h], [x1, A.y]], mark: '3', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'sync', parts: ['counting', 'assignment'], routes: ['counting'] },
    { id: 'place', points: [[x1, A.y + A.h], [x1, P.y]], mark: '4', label: 'none idle', labelAt: [x1 + 34, A.y + A.h + 38], anchor: 'start', kind: 'sync', parts: ['assignment', 'placement'], routes: ['placement'] },
    { id: 'onWorker', points: [[P.x + P.w / 2, P.y + P.h], [P.x + P.w / 2, W.y]], mark: '', label: 'new environment', labelAt: [P.x + P.w / 2 + 16, P.y + P.h + 38], anchor: 'start', kind: 'sync', parts: ['placement', 'worker'], routes: ['toVm'] },
    { id: 'payload', points: [[lane, F.y + F.h], [lane, W.y]], mark: '5', label: '', labelAt: [0, 0], anchor: 'start', kind: 'sync', parts: ['frontend', 'worker', 'microvm'], routes: ['payload'] },
    { id: 'response', points: [[laneBack, W.y], [laneBack, F.y + F.h]], mark: '', label: '', labelAt: [0, 0], anchor: 'start', kind: 'return', parts: ['worker', 'frontend'], routes: ['response', 'responseToPoller'] },
    { id: 'event', points: [[xA, E.y + E.h], [xA, F.y]], mark: 'A', label: '', labelAt: [0, 0], anchor: 'start', kind: 'async', parts: ['clients', 'frontend'], routes: ['accept'] },
    { id: '202', points: [[xA2, F.y], [xA2, E.y + E.h]], mark: '', label: '202', labelAt: [xA2 - 14, E.y + E.h + 38], anchor: 'end', kind: 'return', parts: ['clients', 'frontend'], routes: ['accepted202'] },
    { id: 'enqueue', points: [[xA, F.y + F.h], [xA, Q.y]], mark: 'B', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['frontend', 'queue'], routes: ['accept'] },
    { id: 'batch', points: [[xA + 60, Q.y + Q.h], [xA + 60, PO.y]], mark: 'C', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['queue', 'pollers'], routes: ['batch'] },
    { id: 'pollInvoke', points: [[PO.x + PO.w, PO.y + 40], [xD, PO.y + 40], [xD, F.y + 60], [F.x + F.w, F.y + 60]], mark: 'D', label: '', labelAt: [0, 0], anchor: 'start', kind: 'async', parts: ['pollers', 'frontend'], routes: ['frontendFromPoller'] },
    { id: 'dlq', points: [[PO.x + PO.w / 2, PO.y + PO.h], [D.x + D.w / 2, D.y]], mark: 'E', label: '', labelAt: [0, 0], anchor: 'middle', kind: 'async', parts: ['pollers', 'dlq'], routes: ['toDlq'] },
  ];
  return { name: 'tall', width: 900, height: 1700, boxes: b, legend: { x: 14, y: 1604, w: 872, h: 92 }, arrows, routes };
}

export const LAYOUTS = { wide: wide(900), tall: tall() };
const wideByHeight = new Map<number, SceneLayout>();

/**
 * The layout whose shape best fits a container of `w` × `h` CSS px: landscape from 16:9 to
 * about 1.1:1 (its height follows the container, in steps of 20 units), portrait below.
 */
export function chooseLayout(w: number, h: number): SceneLayout {
  const aspect = w / Math.max(1, h);
  if (aspect < 0.95) return LAYOUTS.tall;
  // Squarer than 16:9: taller; wider than 16:9: wider (the fleet grows). Steps of 20 units.
  const H = Math.round(Math.min(1460, Math.max(900, 1600 / aspect)) / 20) * 20;
  const W = Math.round(Math.min(2400, Math.max(1600, 900 * aspect)) / 20) * 20;
  const key = H * 10_000 + W;
  let L = wideByHeight.get(key);
  if (!L) wideByHeight.set(key, (L = wide(H, W)));
  return L;
}
