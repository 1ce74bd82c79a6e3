import { useCallback, useEffect, useState } from 'react';

/** Width and height of a container (layout px), tracked with ResizeObserver; a callback ref. */
export function useBox<T extends HTMLElement>(): [(el: T | null) => void, { w: number; h: number }] {
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState({ w: 1280, h: 720 });
  useEffect(() => {
    if (!el) return;
    // Layout px (as ResizeObserver reports them), not the transformed box: a slide scales its stage.
    setSize({ w: Math.max(1, el.clientWidth), h: Math.max(1, el.clientHeight) });
    const ro = new ResizeObserver(([entry]) => setSize({ w: Math.max(1, Math.floor(entry.contentRect.width)), h: Math.max(1, Math.floor(entry.contentRect.height)) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [useCallback((node: T | null) => setEl(node), []), size];
}
