/** Text sizes in logical units (see layout.ts: 20 units = 16 CSS px on a 1280×720 slide). */
export const T = { title: 28, sub: 22, small: 20, mark: 22 } as const;

/** Approximate width of `text` at `size` (system-ui averages ~0.56 em per character; bold ~0.6). */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.6 : 0.56);
}

/** Shortens `text` with an ellipsis so it fits `width` at `size`. */
export function fitText(text: string, size: number, width: number): string {
  const max = Math.floor(width / (size * 0.56));
  return text.length <= max ? text : max <= 1 ? '' : text.slice(0, max - 1) + '…';
}
