import { describe, expect, it } from 'vitest';
import { HEADER_H, MAX_CELL, PAD, hitTest, layoutFleet, slotAt } from './layout';

const workers = (n: number, envs: number, pool = 0) => Array.from({ length: n }, (_, k) => ({ id: k + 1, envIdx: Array.from({ length: envs }, (_, i) => k * envs + i), pool, failed: false }));

describe('the fleet layout', () => {
  it('a small fleet gets large cells (readable state letters), boxes side by side', () => {
    const l = layoutFleet(workers(4, 3, 4), 1000, null);
    expect(l.cell).toBe(MAX_CELL);
    expect(new Set(l.boxes.map((b) => b.y)).size).toBe(1);
  });

  it('in a slide’s fixed box everything fits the box', () => {
    for (const [n, envs] of [[4, 5], [14, 360], [40, 30]]) {
      const l = layoutFleet(workers(n, envs), 760, 360, 48);
      expect(l.height, `${n} workers × ${envs}`).toBeLessThanOrEqual(360);
    }
  });

  it('a click is hit-tested by coordinates: the cell under the point, or the worker, or nothing', () => {
    const l = layoutFleet(workers(3, 250), 900, null);
    const box = l.boxes[1];
    const at = (k: number) => { const p = slotAt(box, l.cell, k); return hitTest(l, p.x + l.cell / 2, p.y + l.cell / 2); };
    expect(at(0)).toEqual({ env: 250, worker: 2 });
    expect(at(37)).toEqual({ env: 287, worker: 2 });
    expect(hitTest(l, box.x + 10, box.y + HEADER_H / 2)).toEqual({ env: null, worker: 2 });
    expect(hitTest(l, box.x + PAD + l.cell * box.perRow + 1, box.y + HEADER_H + 1).env).toBeNull(); // right of the last column
    expect(hitTest(l, -5, -5)).toEqual({ env: null, worker: null });
  });
});
