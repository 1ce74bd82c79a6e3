import { useEffect, useState, type ReactNode } from 'react';
import { FitContext } from '../views/viewFit';
import './embed.css';

/**
 * The logical box every slide-sized layout draws in. At 16:9 it is BASE_W × BASE_H logical
 * px; other aspect ratios keep the width-or-height that binds and extend the other, so the
 * content always fills the frame. The smallest type in a fitted view is 10 logical px, so at
 * 1280×720 it is 10 × 1280 / 780 ≈ 16.4 CSS px.
 */
export const BASE_W = 780;
export const BASE_H = (BASE_W * 9) / 16;

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const on = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/** Scale that maps the logical box onto a frame of `width` × `height` CSS px. */
export function stageScale(width: number, height: number, base = BASE_W): number {
  return Math.max(0.2, Math.min(width / base, height / ((base * 9) / 16)));
}

/**
 * Scales its children from logical px to the frame (the window, or a given size for clip
 * export). Children lay out in `width / scale` × `height / scale` logical px.
 */
export function Stage({ children, size, base = BASE_W, className = '', testId }: { children: ReactNode; size?: { width: number; height: number }; base?: number; className?: string; testId?: string }) {
  const win = useWindowSize();
  const { width, height } = size ?? win;
  const scale = stageScale(width, height, base);
  // A frame that is not shown (a hidden slide's iframe) has no size: draw nothing until it has.
  if (width < 40 || height < 24) return <div className={`stage ${className}`} style={{ width, height }} data-testid={testId} />;
  return (
    <div className={`stage ${className}`} style={{ width, height }} data-testid={testId}>
      <div className="stage-inner" style={{ width: width / scale, height: height / scale, transform: `scale(${scale})` }}>
        <FitContext.Provider value={{ scale }}>{children}</FitContext.Provider>
      </div>
    </div>
  );
}
