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

/**
 * Controls in the top bar that overlap one another or stick out of the bar (a person sees
 * one button drawn over another): pairs of labels, and `out:` for anything outside.
 */
export async function topbarCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('.topbar')!.getBoundingClientRect();
    const all = Array.from(document.querySelectorAll('.topbar h1, .topbar button, .topbar input, .topbar .clock, .topbar output, .topbar label'))
      .filter((e) => e.getBoundingClientRect().width > 1);
    const leaves = all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
    const name = (e: Element) => (e.textContent || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 16);
    const out: string[] = [];
    leaves.forEach((e, i) => {
      const a = e.getBoundingClientRect();
      if (a.left < bar.left - 1 || a.right > bar.right + 1 || a.top < bar.top - 1 || a.bottom > bar.bottom + 1) out.push(`out: ${name(e)}`);
      for (const o of leaves.slice(i + 1)) {
        const b = o.getBoundingClientRect();
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) out.push(`${name(e)} × ${name(o)}`);
      }
    });
    return out;
  });
}

/**
 * Scene texts drawn over one another: part labels, arrow labels and rates, the crowd badges
 * ("N here now") and the 429 count — everything a person reads in the picture, tokens aside.
 */
export async function sceneTextOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = '[data-component] [data-label], .arrow-label, .arrow-rate, .badge, [data-testid="scene.throttled"]';
    const items = Array.from(document.querySelectorAll(sel))
      .filter((el) => !el.closest('.focus-off'))
      .map((el) => ({ name: (el.textContent ?? '').trim().slice(0, 24), r: el.getBoundingClientRect(), el }))
      .filter((l) => l.r.width > 0 && l.r.height > 0);
    const out: string[] = [];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (items[i].el.contains(items[j].el) || items[j].el.contains(items[i].el)) continue;
        const a = items[i].r, b = items[j].r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2) out.push(`"${items[i].name}" × "${items[j].name}"`);
      }
    }
    return out;
  });
}
