/**
 * Functions told apart by pattern, not colour (colour already means lifecycle state): each
 * function's cells carry one of these overlays, named in the legend. Cell size is in px.
 */
export const FN_PATTERNS = ['none', 'diagonal', 'dots', 'horizontal', 'cross', 'vertical', 'backslash'] as const;
export type FnPattern = (typeof FN_PATTERNS)[number];

/** The pattern of function `fn` when `count` functions are shown (one function: none). */
export function patternOf(fn: number, count: number): FnPattern {
  return count <= 1 ? 'none' : FN_PATTERNS[fn % FN_PATTERNS.length];
}

/** The pattern as line segments and dots in a `size` × `size` tile (shared by SVG and canvas). */
export function patternTile(p: FnPattern, size: number): { lines: [number, number, number, number][]; dots: [number, number][] } {
  const s = size;
  switch (p) {
    case 'none': return { lines: [], dots: [] };
    case 'diagonal': return { lines: [[0, s, s, 0], [-s / 2, s / 2, s / 2, -s / 2], [s / 2, s * 1.5, s * 1.5, s / 2]], dots: [] };
    case 'backslash': return { lines: [[0, 0, s, s], [-s / 2, s / 2, s / 2, s * 1.5], [s / 2, -s / 2, s * 1.5, s / 2]], dots: [] };
    case 'horizontal': return { lines: [[0, s / 2, s, s / 2]], dots: [] };
    case 'vertical': return { lines: [[s / 2, 0, s / 2, s]], dots: [] };
    case 'cross': return { lines: [[0, s / 2, s, s / 2], [s / 2, 0, s / 2, s]], dots: [] };
    case 'dots': return { lines: [], dots: [[s / 4, s / 4], [(3 * s) / 4, (3 * s) / 4]] };
  }
}

export const TILE = 6;
