import { useLayoutEffect, useRef } from 'react';
import { SCENE_ENV_PHASES, type FrameView } from '../../../core';
import type { FleetLayout } from './fleetLayout';
import type { SceneLayout } from './layout';
import { sceneCanvasContext } from './sceneCanvas';
import { PHASE_STYLE } from './palette';

/**
 * The fleet's microVMs on a canvas when there are too many for SVG (DESIGN.md: SVG holds
 * 60 fps to ~2k elements, canvas to ~20k). It lies under the SVG in the same logical
 * coordinates (viewBox "meet" scaling), one Path2D per phase: a dozen fills, not thousands.
 * Clicks are hit-tested by the SVG layer on the same layout (fleetLayout.hitFleet).
 */
export function FleetCanvas({ frame, fleet, L, size, dark }: { frame: FrameView; fleet: FleetLayout; L: SceneLayout; size: { w: number; h: number }; dark: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    const g = sceneCanvasContext(c, size, L);
    const paths = new Map<number, Path2D>();
    const pool = new Path2D();
    const cell = fleet.cell;
    const pad = cell >= 8 ? 1 : 0.5;
    for (const h of fleet.hosts) {
      h.envs.forEach((i, s) => {
        const code = frame.scene.envPhase[i];
        let p = paths.get(code);
        if (!p) paths.set(code, (p = new Path2D()));
        p.rect(h.gx + (s % h.cols) * cell + pad, h.gy + Math.floor(s / h.cols) * cell + pad, cell - 2 * pad, cell - 2 * pad);
      });
      for (let j = 0; j < h.pool; j++) {
        const s = h.envs.length + j;
        const y = h.gy + Math.floor(s / h.cols) * cell;
        if (y + cell > h.y + h.h) break;
        pool.rect(h.gx + (s % h.cols) * cell + pad + 0.5, y + pad + 0.5, cell - 2 * pad - 1, cell - 2 * pad - 1);
      }
    }
    for (const [code, p] of paths) {
      g.fillStyle = PHASE_STYLE[SCENE_ENV_PHASES[code]].color;
      g.fill(p);
    }
    g.strokeStyle = dark ? '#9aa7b5' : '#5f6b7a';
    g.lineWidth = 1;
    g.setLineDash([2, 2]);
    g.stroke(pool);
    g.setLineDash([]);
  }, [frame, fleet, L, size, dark]);
  return <canvas ref={ref} className="scene-canvas" data-testid="scene.canvas" aria-hidden="true" style={{ width: size.w, height: size.h }} />;
}
