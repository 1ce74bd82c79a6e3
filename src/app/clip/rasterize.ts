/**
 * Draws a live DOM subtree (HTML + SVG + canvas layers) onto a canvas: the subtree is cloned,
 * its canvases replaced by images of their pixels, and the whole rendered as an SVG
 * <foreignObject> image with the page's CSS inlined. A data: URL keeps the output canvas
 * readable (a blob: URL would taint it in Chromium).
 */
const THEME_VARS = ['--bg', '--fg', '--muted', '--panel', '--line', '--accent', '--warn'];

/** The page's CSS and theme, read once per export (reading every rule per frame costs time). */
export function captureStyles(): { css: string; rootStyle: string } {
  let css = '';
  for (const sheet of Array.from(document.styleSheets)) {
    try { for (const rule of Array.from(sheet.cssRules)) css += rule.cssText + '\n'; } catch { /* cross-origin sheet: skip */ }
  }
  const cs = getComputedStyle(document.documentElement);
  const vars = THEME_VARS.map((v) => `${v}: ${cs.getPropertyValue(v).trim()}`).join('; ');
  const rootStyle = `${vars}; font-family: ${cs.fontFamily}; font-size: ${cs.fontSize}; color: ${cs.color}; margin: 0`;
  return { css: css.replace(/]]>/g, ''), rootStyle: rootStyle.replace(/"/g, "'") };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Renders `el` (laid out at out.width × out.height CSS px) into `out`. */
export async function rasterize(el: HTMLElement, out: HTMLCanvasElement, styles: { css: string; rootStyle: string }, background: string): Promise<void> {
  const w = out.width, h = out.height;
  const clone = el.cloneNode(true) as HTMLElement;
  const live = el.querySelectorAll('canvas');
  clone.querySelectorAll('canvas').forEach((c, i) => {
    const img = document.createElement('img');
    img.src = live[i].toDataURL('image/png');
    img.setAttribute('style', live[i].getAttribute('style') ?? '');
    img.setAttribute('alt', '');
    c.replaceWith(img);
  });
  const body = new XMLSerializer().serializeToString(clone);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><foreignObject x="0" y="0" width="${w}" height="${h}">`
    + `<div xmlns="http://www.w3.org/1999/xhtml" style="${escapeAttr(styles.rootStyle)}"><style><![CDATA[${styles.css}]]></style>${body}</div></foreignObject></svg>`;
  const img = new Image(w, h);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const g = out.getContext('2d', { willReadFrequently: true })!;
  g.fillStyle = background;
  g.fillRect(0, 0, w, h);
  g.drawImage(img, 0, 0, w, h);
}
