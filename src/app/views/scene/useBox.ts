import { useCallback, useEffect, useState } from 'react';

/** Width and height of a container (CSS px), tracked with ResizeObserver; a callback ref. */
export function useBox<T extends HTMLElement>(): [(el: T | null) => void, { w: number; h: number }] {
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState({ w: 1280, h: 720 });
  useEffect(() => {
    if (!el) return;
    const r = el.getBoundingClientRect();
    setSize({ w: Math.max(1, Math.floor(r.width)), h: Math.max(1, Math.floor(r.height)) });
    const ro = new ResizeObserver(([entry]) => setSize({ w: Math.max(1, Math.floor(entry.contentRect.width)), h: Math.max(1, Math.floor(entry.contentRect.height)) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [useCallback((node: T | null) => setEl(node), []), size];
}
