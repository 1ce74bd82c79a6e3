import { useCallback, useEffect, useState } from 'react';

/**
 * Width of a container element, tracked with ResizeObserver. Returns a callback ref, so the
 * observer follows whichever element is mounted (views render a placeholder before the first
 * frame, then their figure).
 */
export function useWidth<T extends HTMLElement>(initial = 600): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    if (!el) return;
    setWidth(Math.max(200, Math.floor(el.getBoundingClientRect().width - 20)));
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  const ref = useCallback((node: T | null) => setEl(node), []);
  return [ref, width];
}
