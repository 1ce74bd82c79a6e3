import type { SceneLayout } from './layout';

/**
 * Readies a canvas layer of the scene for drawing in the scene's logical coordinates: sized to
 * its box in device pixels, cleared, and transformed like the SVG's viewBox with "meet"
 * (uniform scale, centred), so canvas and SVG layers line up exactly.
 */
export function sceneCanvasContext(c: HTMLCanvasElement, size: { w: number; h: number }, L: SceneLayout): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  const W = Math.round(size.w * dpr), H = Math.round(size.h * dpr);
  if (c.width !== W || c.height !== H) { c.width = W; c.height = H; }
  const g = c.getContext('2d')!;
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.clearRect(0, 0, W, H);
  const k = Math.min(size.w / L.width, size.h / L.height);
  g.setTransform(k * dpr, 0, 0, k * dpr, ((size.w - L.width * k) / 2) * dpr, ((size.h - L.height * k) / 2) * dpr);
  return g;
}
