/**
 * Render timing for `window.lambdaSim.frameStats()` and the UI benchmark: the time from a
 * frame's arrival to the next animation frame after React rendered it, in ms. Also the
 * interval between animation frames while frames keep coming.
 */
const CAP = 600;
const times: number[] = [];
let frames = 0;

export function recordFrameTime(ms: number): void {
  frames++;
  times.push(ms);
  if (times.length > CAP) times.shift();
}

export function frameStats(): { frames: number; medianMs: number; p95Ms: number } {
  if (times.length === 0) return { frames: 0, medianMs: 0, p95Ms: 0 };
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { frames, medianMs: round(q(0.5)), p95Ms: round(q(0.95)) };
}

export function resetFrameStats(): void {
  times.length = 0;
  frames = 0;
}

const round = (x: number) => Math.round(x * 100) / 100;
