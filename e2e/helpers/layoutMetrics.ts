/**
 * Measures what a person sees in a page or an embedded frame, run inside the browser
 * (page.evaluate): how much of the window the view fills, the smallest visible text in CSS px
 * (font size × every scale applied to it: CSS transforms, SVG viewBox), and any visible text
 * that is cut off — outside the window, or outside the view that holds it.
 */
export interface LayoutMetrics {
  fill: number;
  minFontPx: number;
  minFontText: string;
  texts: number;
  clipped: string[];
  scrolls: boolean;
}

export function measureLayout(viewSelector: string): LayoutMetrics {
  const vw = window.innerWidth, vh = window.innerHeight;
  const view = document.querySelector(viewSelector);
  const vr = view?.getBoundingClientRect();
  const area = (r: DOMRect) => Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
  const fill = vr ? area(vr) / (vw * vh) : 0;
  let minFontPx = Infinity, minFontText = '', texts = 0;
  const clipped: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('title, script, style, option, .sr-only, [aria-hidden="true"]')) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width < 0.5 || r.height < 0.5) continue; // not rendered
    let scale = 1;
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) scale = Math.hypot(m.a, m.b);
    } else if (el instanceof HTMLElement && el.offsetWidth > 0) {
      scale = el.getBoundingClientRect().width / el.offsetWidth;
    }
    const px = parseFloat(cs.fontSize) * scale;
    texts++;
    if (px < minFontPx) { minFontPx = px; minFontText = text.slice(0, 40); }
    const holder = el.closest('[data-view]')?.getBoundingClientRect();
    const out = r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1
      || (holder && (r.left < holder.left - 1 || r.top < holder.top - 1 || r.right > holder.right + 1 || r.bottom > holder.bottom + 1));
    if (out) clipped.push(`${text.slice(0, 40)} @ ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
  }
  const d = document.documentElement;
  return { fill, minFontPx, minFontText, texts, clipped, scrolls: d.scrollWidth > d.clientWidth + 1 || d.scrollHeight > d.clientHeight + 1 };
}
