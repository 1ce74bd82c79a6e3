/**
 * The fleet's geometry: worker boxes in a grid, execution environments as square cells inside
 * (grouped by function), pre-booted microVMs after them. One layout serves the SVG and the
 * canvas renderings and the canvas's click hit-testing, so what is drawn is what is hit.
 */
export const HEADER_H = 44;     // worker title, memory bar, sub line
export const PAD = 4;           // inside a worker box, around the cells
export const GAP = 8;           // between worker boxes
export const MIN_BOX_W = 170;   // narrower boxes cannot hold their header text
export const MAX_CELL = 26;     // big enough for a state letter at 12 px
export const MAX_CELL_FIT = 56; // in a slide's fixed box a small fleet may grow to fill it
export const MIN_CELL = 6;      // smaller cells: one stacked bar of states per worker instead
export const AGGREGATE_H = 18;
const PAGE_BUDGET = 600;        // px: the page's fleet as one picture, when its cells stay readable
const PAGE_MIN_CELL = 12;

export interface WorkerInput {
  id: number;
  /** Environment indexes into the frame's columns, in drawing order. */
  envIdx: number[];
  pool: number;
  failed: boolean;
}

export interface BoxLayout extends WorkerInput { x: number; y: number; w: number; h: number; perRow: number }
/**
 * `aggregate`: one stacked bar of states per worker instead of cells. `compact`: a one-line
 * header too (a slide's box holding more workers than full boxes fit). `header`: its height.
 */
export interface FleetLayout { boxes: BoxLayout[]; cell: number; height: number; aggregate: boolean; compact: boolean; header: number }
export const COMPACT_H = 16;
const COMPACT_MIN_W = 96;

function fits(n: number, cols: number, width: number, most: number, cell: number): { boxW: number; boxH: number; perRow: number; total: number } {
  const boxW = Math.floor((width - GAP) / cols) - GAP;
  const perRow = Math.max(1, Math.floor((boxW - 2 * PAD) / cell));
  const rows = Math.max(1, Math.ceil(most / perRow));
  const boxH = HEADER_H + rows * cell + PAD + 2;
  return { boxW, boxH, perRow, total: GAP / 2 + Math.ceil(n / cols) * (boxH + GAP) };
}

/**
 * Lays out `workers` in `width` (and, when given, `height`: a slide's fixed box) with the
 * largest cells that fit, up to MAX_CELL. Without a height the fleet grows downwards, keeping
 * boxes at least MIN_BOX_W wide.
 */
export function layoutFleet(workers: WorkerInput[], width: number, height: number | null, maxCell = MAX_CELL): FleetLayout {
  const n = Math.max(1, workers.length);
  const most = Math.max(1, ...workers.map((w) => w.envIdx.length + w.pool));
  const maxCols = Math.max(1, Math.min(n, Math.floor((width - GAP) / (MIN_BOX_W + GAP))));
  // The largest cells whose boxes fit `limit` in height; at equal size, more columns.
  const search = (fitsIn: (f: ReturnType<typeof fits>, cell: number) => boolean) => {
    let best: { cols: number; cell: number } | null = null;
    for (let cols = 1; cols <= maxCols; cols++) {
      for (let cell = maxCell; cell >= MIN_CELL; cell--) {
        if (!fitsIn(fits(n, cols, width, most, cell), cell)) continue;
        if (!best || cell > best.cell || (cell === best.cell && cols > best.cols)) best = { cols, cell };
        break;
      }
    }
    return best;
  };
  // A slide's box bounds the whole fleet. On the page the fleet should read as one picture
  // (PAGE_BUDGET tall) while that leaves cells of at least PAGE_MIN_CELL; a fleet too big for
  // that grows downwards instead, each box at most 260 px tall.
  const best = height !== null
    ? search((f) => f.total <= height)
    : ((b) => (b && b.cell >= PAGE_MIN_CELL ? b : null))(search((f) => f.total <= PAGE_BUDGET)) ?? search((f, cell) => f.boxH <= Math.max(260, 4 * cell + HEADER_H) || cell === MIN_CELL);
  const aggregate = !best;
  let cols = best?.cols ?? maxCols;
  const cell = best?.cell ?? 0;
  let header = HEADER_H;
  let boxH = aggregate ? HEADER_H + AGGREGATE_H + PAD + 2 : fits(n, cols, width, most, cell).boxH;
  const compact = aggregate && height !== null && GAP / 2 + Math.ceil(n / cols) * (boxH + GAP) > height;
  if (compact) {
    // More workers than full boxes fit: one-line boxes, as many columns as the rows need.
    header = COMPACT_H;
    boxH = COMPACT_H + AGGREGATE_H / 2 + PAD + 2;
    const rowsFit = Math.max(1, Math.floor((height! - GAP / 2) / (boxH + GAP)));
    cols = Math.min(n, Math.max(cols, Math.ceil(n / rowsFit)), Math.max(1, Math.floor((width - GAP) / (COMPACT_MIN_W + GAP))));
  }
  const boxW = Math.floor((width - GAP) / cols) - GAP;
  const perRow = aggregate ? 1 : Math.max(1, Math.floor((boxW - 2 * PAD) / cell));
  const boxes = workers.map((w, k) => ({ ...w, x: GAP + (k % cols) * (boxW + GAP), y: GAP / 2 + Math.floor(k / cols) * (boxH + GAP), w: boxW, h: boxH, perRow }));
  return { boxes, cell, height: GAP / 2 + Math.ceil(n / cols) * (boxH + GAP), aggregate, compact, header };
}

/** Top-left corner of slot `k` (an environment, then the pool) in a box. */
export function slotAt(box: BoxLayout, cell: number, k: number): { x: number; y: number } {
  return { x: box.x + PAD + (k % box.perRow) * cell, y: box.y + HEADER_H + Math.floor(k / box.perRow) * cell };
}

/** Where a worker's stacked state bar goes (aggregate layouts). */
export function barOf(layout: FleetLayout, box: BoxLayout): { x: number; y: number; w: number; h: number } {
  return { x: box.x + 2 * PAD, y: box.y + layout.header, w: box.w - 4 * PAD, h: layout.compact ? AGGREGATE_H / 2 : AGGREGATE_H };
}

/**
 * What is under the point (x, y), in the layout's coordinates: an environment's index into
 * the frame's columns, a worker (its header or free space), or nothing.
 */
export function hitTest(layout: FleetLayout, x: number, y: number, stateOf?: (envIdx: number) => number): { env: number | null; worker: number | null } {
  const box = layout.boxes.find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
  if (!box) return { env: null, worker: null };
  if (box.failed || y < box.y + layout.header) return { env: null, worker: box.id };
  if (layout.aggregate) {
    // The stacked bar: find the state segment under x, then that state's first environment.
    if (!stateOf || box.envIdx.length === 0) return { env: null, worker: box.id };
    const f = (x - box.x - 2 * PAD) / (box.w - 4 * PAD);
    const sorted = [...box.envIdx].sort((a, b) => stateOf(a) - stateOf(b));
    const i = Math.min(sorted.length - 1, Math.max(0, Math.floor(f * sorted.length)));
    return { env: sorted[i], worker: box.id };
  }
  const col = Math.floor((x - box.x - PAD) / layout.cell);
  const row = Math.floor((y - box.y - HEADER_H) / layout.cell);
  if (col < 0 || col >= box.perRow || row < 0) return { env: null, worker: box.id };
  const k = row * box.perRow + col;
  return { env: k < box.envIdx.length ? box.envIdx[k] : null, worker: box.id };
}
