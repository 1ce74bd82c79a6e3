import { request } from './simClient';
import { notify, useUi } from './store/uiStore';

/** Saves `content` as a file through the browser's download mechanism. */
export function download(name: string, content: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const stamp = () => `${useUi.getState().scenarioName || 'run'}-t${Math.round(useUi.getState().frame?.timeMs ?? 0)}`;

/** The page's CSS, inlined so an exported SVG looks the same on its own. */
function pageCss(): string {
  let css = '';
  for (const sheet of Array.from(document.styleSheets)) {
    try { for (const rule of Array.from(sheet.cssRules)) css += rule.cssText + '\n'; } catch { /* cross-origin sheet: skip */ }
  }
  const vars = getComputedStyle(document.documentElement);
  const theme = ['--bg', '--fg', '--muted', '--panel', '--line', '--accent', '--warn'].map((v) => `${v}: ${vars.getPropertyValue(v)};`).join(' ');
  return `svg { ${theme} font-family: system-ui, sans-serif; background: ${vars.getPropertyValue('--panel')}; }\n${css}`;
}

function viewElement(view: string): Element | null {
  return document.querySelector(`[data-view="${view}"]`);
}

/** Views off screen do not redraw: bring the view on screen and let it draw the latest frame. */
async function showing(view: string): Promise<Element | null> {
  const el = viewElement(view);
  el?.scrollIntoView({ block: 'nearest' });
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  return el;
}

/** The view's SVG as a standalone document: namespace declared, the page's CSS inlined. */
function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = pageCss();
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export async function exportSvg(view: string): Promise<void> {
  const svg = (await showing(view))?.querySelector('svg');
  if (!svg) return notify(`The ${view} view has no SVG to export (large fleets are drawn on a canvas: export PNG).`, 'info');
  download(`${stamp()}-${view}.svg`, standaloneSvg(svg), 'image/svg+xml');
}

export async function exportPng(view: string): Promise<void> {
  const el = await showing(view);
  const canvas = el?.querySelector('canvas');
  if (canvas) {
    canvas.toBlob((b) => b && download(`${stamp()}-${view}.png`, b));
    return;
  }
  const svg = el?.querySelector('svg');
  if (!svg) return notify(`The ${view} view has nothing to export yet.`, 'info');
  const w = svg.width.baseVal.value, h = svg.height.baseVal.value, dpr = 2;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
  await new Promise<void>((resolve, reject) => { img.onload = () => resolve(); img.onerror = () => reject(new Error('the SVG could not be rasterized')); img.src = url; });
  const c = document.createElement('canvas');
  c.width = w * dpr;
  c.height = h * dpr;
  const g = c.getContext('2d')!;
  g.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--panel') || '#fff';
  g.fillRect(0, 0, c.width, c.height);
  g.drawImage(img, 0, 0, c.width, c.height);
  URL.revokeObjectURL(url);
  c.toBlob((b) => b && download(`${stamp()}-${view}.png`, b));
}

/** The run's time series as CSV: one row per sample, with units in the header. */
export function exportCsv(): void {
  const series = useUi.getState().series;
  const header = 't_ms,concurrency,environments,busy,idle,initializing,throttled_total,cold_starts_total,invocations_total,queue_depth,oldest_event_age_ms,scaling_tokens';
  const rows = series.map((p) => [p.t, p.concurrency, p.environments, p.busy, p.idle, p.initializing, p.throttled, p.coldStarts, p.invocations, p.queueDepth, p.oldestAgeMs, p.bucketTokens].map((x) => (Number.isInteger(x) ? x : x.toFixed(3))).join(','));
  download(`${stamp()}-metrics.csv`, [header, ...rows].join('\n') + '\n', 'text/csv');
}

/** The full run: scenario, seed, inputs, event log (replayed) and summary. */
export async function exportRunJson(): Promise<void> {
  const r = await request({ type: 'exportRun', maxRecords: 200_000 });
  if (!r.ok || !r.run) return notify(r.message ?? 'export failed', 'error');
  download(`${stamp()}-run.json`, JSON.stringify(r.run, null, 1), 'application/json');
}

export function saveScenario(): void {
  const s = useUi.getState();
  const scenario = { ...(s.scenarioJson as object), seed: s.seed };
  download(`${s.scenarioName || 'scenario'}.json`, JSON.stringify(scenario, null, 2) + '\n', 'application/json');
}
