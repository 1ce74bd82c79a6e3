/**
 * A clip's frames in virtual time. At `speed` (virtual ms per wall ms) and `fps` frames per
 * second of video, frame k shows the run at `fromMs + k × speed × 1000 / fps` — exact,
 * whatever the machine, because every frame is rendered from a seek, not from playback.
 */
export interface ClipOptions { fromMs: number; toMs: number; speed: number; fps: number; width: number; height: number }
export interface ClipPlan { frames: number; stepMs: number; durationSec: number; times: number[] }

export const MAX_FRAMES = 3600;
export const FPS_CHOICES = [10, 12, 15, 24, 25, 30, 60];
export const SIZES: { label: string; width: number; height: number }[] = [
  { label: '1920 × 1080', width: 1920, height: 1080 },
  { label: '1280 × 720', width: 1280, height: 720 },
  { label: '960 × 540', width: 960, height: 540 },
  { label: '640 × 360', width: 640, height: 360 },
];

/** The plan, or every problem with the options (each names the field and the rule). */
export function planClip(o: ClipOptions, horizonMs = Infinity): { ok: true; plan: ClipPlan } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const finite = (x: number) => typeof x === 'number' && Number.isFinite(x);
  if (!finite(o.fromMs) || o.fromMs < 0) problems.push('From: must be a time of at least 0 s');
  if (!finite(o.toMs) || !(o.toMs > o.fromMs)) problems.push('To: must be later than From');
  if (finite(o.toMs) && o.toMs > horizonMs) problems.push(`To: must be within the scenario's ${horizonMs / 1000} s`);
  if (!finite(o.speed) || o.speed < 0.001 || o.speed > 1000) problems.push('Speed: must be from 0.001× to 1000× (virtual time per second of video)');
  if (!FPS_CHOICES.includes(o.fps)) problems.push(`Frames per second: must be one of ${FPS_CHOICES.join(', ')}`);
  if (!Number.isInteger(o.width) || !Number.isInteger(o.height) || o.width < 64 || o.height < 64 || o.width > 3840 || o.height > 2160 || o.width % 2 || o.height % 2) {
    problems.push('Size: width and height must be even numbers of pixels from 64 to 3840 × 2160');
  }
  if (problems.length) return { ok: false, problems };
  const durationSec = (o.toMs - o.fromMs) / o.speed / 1000;
  const frames = Math.max(1, Math.round(durationSec * o.fps));
  if (frames > MAX_FRAMES) return { ok: false, problems: [`The clip would have ${frames} frames; at most ${MAX_FRAMES}: shorten the range, raise the speed or lower the frame rate`] };
  const stepMs = (o.speed * 1000) / o.fps;
  const times = Array.from({ length: frames }, (_, k) => o.fromMs + k * stepMs);
  return { ok: true, plan: { frames, stepMs, durationSec: frames / o.fps, times } };
}
