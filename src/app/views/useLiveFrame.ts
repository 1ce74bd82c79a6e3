import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { FrameView } from '../../core';
import { useUi } from '../store/uiStore';

/**
 * The latest frame for one view, re-rendered at most `hz` times per second and only while
 * the view is on screen. Charts and lists read fine at a few updates per second; the
 * animated views ask for every frame. A trailing update always shows the last frame, so a
 * paused or stepped simulation is drawn exactly.
 */
/**
 * Inside a clip being exported, views draw every frame at once, on screen or not: each frame
 * of the clip is one seek, and it must be drawn before it is captured.
 */
export const ImmediateFrames = createContext(false);

export function useLiveFrame(hz: number): [(el: Element | null) => void, FrameView | null] {
  const immediate = useContext(ImmediateFrames);
  const [frame, setFrame] = useState<FrameView | null>(() => useUi.getState().frame);
  const [el, setEl] = useState<Element | null>(null);
  const visible = useRef(true);
  const last = useRef(0);
  const trailing = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([entry]) => {
      visible.current = entry.isIntersecting;
      if (entry.isIntersecting) setFrame(useUi.getState().frame);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [el]);

  useEffect(() => {
    const minGap = 1000 / hz;
    let drawn = useUi.getState().frame !== null;
    const unsub = useUi.subscribe((s, prev) => {
      // A clip export seeks frame by frame: only the clip's own views follow it, the page waits.
      if (prev.exporting && !s.exporting && !immediate) { setFrame(s.frame); return; }
      if (s.frame === prev.frame) return;
      if (immediate) { setFrame(s.frame); return; }
      if (s.exporting) return;
      // Off screen, a view still draws its first frame: it must exist to be scrolled to.
      if (!visible.current && drawn) return;
      drawn = true;
      const now = performance.now();
      if (trailing.current) clearTimeout(trailing.current);
      if (now - last.current >= minGap) {
        last.current = now;
        setFrame(s.frame);
      } else {
        trailing.current = setTimeout(() => {
          last.current = performance.now();
          setFrame(useUi.getState().frame);
        }, minGap - (now - last.current));
      }
    });
    return () => {
      unsub();
      if (trailing.current) clearTimeout(trailing.current);
    };
  }, [hz, immediate]);

  const ref = useCallback((node: Element | null) => setEl(node), []);
  return [ref, frame];
}

/** Combines several callback refs into one. */
export function mergeRefs<T>(...refs: ((el: T | null) => void)[]): (el: T | null) => void {
  return (el) => refs.forEach((r) => r(el));
}
