/**
 * Estimated width of `text` at `px` font size, in px, from character classes (the proportions
 * of DejaVu Sans / Helvetica, rounded up). Layouts that must not overlap text use it, so they
 * come out the same in Node tests and in every browser; real text is never wider.
 */
export function textWidth(text: string, px: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.33;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else if (/[mw]/.test(ch)) em += 0.9;
    else if (/[il.,:;!|'[\]·]/.test(ch)) em += 0.32;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else em += 0.6;
  }
  return Math.ceil(em * px * (bold ? 1.08 : 1));
}
