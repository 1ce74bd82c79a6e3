import type { Page } from '@playwright/test';

/**
 * Measurements of the scene as a person sees it: how much of the frame it fills, the
 * smallest text on screen (CSS px after the SVG's scaling), and overlapping part labels
 * (the data-component / data-label hooks of CONTRACTS.md §3).
 */
export async function sceneFill(page: Page): Promise<{ scene: number; drawn: number }> {
  return page.evaluate(() => {
    const vw = innerWidth, vh = innerHeight;
    const el = document.querySelector('[data-testid="scene"]')!.getBoundingClientRect();
    const svg = document.querySelector('svg.scene-svg') as SVGSVGElement;
    const vb = svg.viewBox.baseVal;
    const k = svg.getScreenCTM()!.a;
    return { scene: (el.width * el.height) / (vw * vh), drawn: (vb.width * k * vb.height * k) / (vw * vh) };
  });
}

/** The smallest visible text inside `root` (selector): its size in CSS px and what it says. */
export async function smallestText(page: Page, root: string): Promise<{ px: number; text: string }> {
  return page.evaluate((sel) => {
    let min = { px: Infinity, text: '' };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return false;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
      }
      return true;
    };
    for (const el of Array.from(document.querySelectorAll(`${sel} *`))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (!own || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const scale = el instanceof SVGElement ? ((el as SVGGraphicsElement).getScreenCTM?.()?.a ?? 1) : 1;
      const px = size * scale;
      if (px < min.px) min = { px, text: own.slice(0, 40) };
    }
    return min;
  }, root);
}

/** Pairs of part labels whose boxes overlap on screen. */
export async function labelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll("[data-component] [data-label]"))
      .map((el) => ({ name: `${el.closest('[data-component]')!.getAttribute('data-component')}:${el.getAttribute('data-label')}`, r: el.getBoundingClientRect() }))
      .filter((l) => l.r.width > 0 && l.r.height > 0);
    const out: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].r, b = labels[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push(`${labels[i].name} × ${labels[j].name}`);
      }
    }
    return out;
  });
}

/** Whether the element is entirely inside the viewport. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  }, selector);
}
