import { createContext, useCallback, useContext, useEffect, useState } from 'react';

/**
 * A view inside a fixed box (an embed, presenter mode, a clip being exported) fills that box
 * instead of choosing its own height. The box is in logical px: a Stage scales it to the
 * frame with a CSS transform, so type grows with the frame and nothing reflows.
 */
export interface Fit {
  /** CSS px per logical px (the Stage's transform), for canvases that want sharp pixels. */
  scale: number;
}

export const FitContext = createContext<Fit | null>(null);

/** The fixed box a view must fill, or null on the main page (where it picks its own height). */
export function useFit(): Fit | null {
  return useContext(FitContext);
}

const MIN_BOX = 48;

/**
 * An element's content-box size in layout px. ResizeObserver reports layout sizes, which
 * CSS transforms leave alone — inside a scaled Stage these are logical px.
 */
export function useBox<T extends HTMLElement>(initial = { width: 600, height: 300 }): [(el: T | null) => void, { width: number; height: number }] {
  const [el, setEl] = useState<T | null>(null);
  const [box, setBox] = useState(initial);
  useEffect(() => {
    if (!el) return;
    // A hidden frame measures 0 × 0: keep a small positive box so no drawing goes negative.
    const set = (w: number, h: number) => {
      const width = Math.max(MIN_BOX, w), height = Math.max(MIN_BOX, h);
      setBox((b) => (b.width === width && b.height === height ? b : { width, height }));
    };
    set(Math.floor(el.clientWidth), Math.floor(el.clientHeight));
    const ro = new ResizeObserver(([entry]) => set(Math.floor(entry.contentRect.width), Math.floor(entry.contentRect.height)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  const ref = useCallback((node: T | null) => setEl(node), []);
  return [ref, box];
}

/**
 * In a fixed box, the drawing's own area (measured, so caption and legend keep their room);
 * on the main page, just the children.
 */
export function FitArea({ fit, areaRef, children }: { fit: boolean; areaRef: (el: HTMLDivElement | null) => void; children: React.ReactNode }) {
  return fit ? <div className="fit-area" ref={areaRef}>{children}</div> : <>{children}</>;
}
