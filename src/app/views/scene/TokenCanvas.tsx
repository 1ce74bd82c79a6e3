import { useLayoutEffect, useRef } from 'react';
import type { SceneLayout } from './layout';
import { sceneCanvasContext } from './sceneCanvas';
import type { Token } from './tokens';
import { TOKEN_COLOR, type TokenKind } from './palette';

/**
 * Request tokens on a canvas above the SVG when there are many (a burst, steady heavy
 * traffic): one path per kind, no DOM per request, so hundreds of moving tokens cost a few
 * fills instead of hundreds of SVG updates. Clicks are hit-tested against the same tokens by
 * the scene (nearest within reach). The followed request is still drawn in SVG, labelled.
 */
export function TokenCanvas({ tokens, L, size, dark, selectedId }: { tokens: Token[]; L: SceneLayout; size: { w: number; h: number }; dark: boolean; selectedId: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    const g = sceneCanvasContext(c, size, L);
    const paths = new Map<TokenKind, Path2D>();
    for (const t of tokens) {
      if (t.id === selectedId || t.stage === 'done') continue;
      let p = paths.get(t.kind);
      if (!p) paths.set(t.kind, (p = new Path2D()));
      p.moveTo(t.x + 6, t.y);
      p.arc(t.x, t.y, 6, 0, Math.PI * 2);
    }
    g.lineWidth = 1.5;
    g.strokeStyle = dark ? '#e8ecf1' : '#16191f';
    for (const [kind, p] of paths) {
      g.fillStyle = TOKEN_COLOR[kind];
      g.fill(p);
      g.stroke(p);
    }
  }, [tokens, L, size, dark, selectedId]);
  return <canvas ref={ref} className="scene-canvas tokens-canvas" data-testid="scene.tokenCanvas" aria-hidden="true" style={{ width: size.w, height: size.h }} />;
}

/** The token nearest a logical point, within `reach` units. */
export function hitToken(tokens: Token[], x: number, y: number, reach = 16): Token | null {
  let best: Token | null = null, bestD = reach * reach;
  for (const t of tokens) {
    if (t.stage === 'done') continue;
    const d = (t.x - x) ** 2 + (t.y - y) ** 2;
    if (d <= bestD) { best = t; bestD = d; }
  }
  return best;
}
