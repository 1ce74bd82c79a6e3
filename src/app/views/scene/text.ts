/**
 * Text sizes in logical units. A 1280×720 slide shows the 1600×900 layout at 0.8 CSS px per
 * unit, less whatever chrome the frame keeps (a clock line: ~0.75), so the smallest text is
 * 22 units: 16.4 CSS px there.
 */
export const T = { title: 28, sub: 24, small: 22, mark: 24 } as const;

/** Approximate width of `text` at `size` (system-ui averages ~0.56 em per character; bold ~0.6). */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.6 : 0.56);
}

/** Shortens `text` with an ellipsis so it fits `width` at `size`. */
export function fitText(text: string, size: number, width: number): string {
  const max = Math.floor(width / (size * 0.56));
  return text.length <= max ? text : max <= 1 ? '' : text.slice(0, max - 1) + '…';
}
