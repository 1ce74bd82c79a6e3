import { describe, expect, it } from 'vitest';
import { planClip } from './clipPlan';

describe('a clip is rendered frame by frame in virtual time', () => {
  it('10 s of video at 0.1× and 24 fps covers 1 s of simulated time in 240 frames, 4.17 ms apart', () => {
    const r = planClip({ fromMs: 5000, toMs: 6000, speed: 0.1, fps: 24, width: 1280, height: 720 });
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.plan.frames).toBe(240);
    expect(r.plan.durationSec).toBe(10);
    expect(r.plan.times[0]).toBe(5000);
    expect(r.plan.times[1] - r.plan.times[0]).toBeCloseTo(1000 / 240, 9);
    expect(r.plan.times.at(-1)!).toBeLessThan(6000);
  });

  it('names every bad field and its rule', () => {
    const r = planClip({ fromMs: 3000, toMs: 2000, speed: 0, fps: 7, width: 641, height: 360 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'To: must be later than From',
      'Speed: must be from 0.001× to 1000× (virtual time per second of video)',
      'Frames per second: must be one of 10, 12, 15, 24, 25, 30, 60',
      'Size: width and height must be even numbers of pixels from 64 to 3840 × 2160',
    ]);
  });

  it('refuses a clip longer than the frame limit, saying how to shorten it', () => {
    const r = planClip({ fromMs: 0, toMs: 60_000, speed: 0.1, fps: 30, width: 640, height: 360 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/18000 frames; at most 3600/);
  });
});
