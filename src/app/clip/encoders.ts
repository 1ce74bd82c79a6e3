/**
 * Clip encoders behind one interface: WebM (VP9) and MP4 (H.264) through WebCodecs with
 * mediabunny, GIF with gifenc. The libraries load only when a clip is exported.
 */
export type ClipFormat = 'webm' | 'mp4' | 'gif';

export interface ClipEncoder {
  /** Adds the canvas as frame `index` (timestamp index / fps). */
  add(canvas: HTMLCanvasElement, index: number): Promise<void>;
  finish(): Promise<Blob>;
  cancel(): Promise<void>;
}

export const FORMAT_LABEL: Record<ClipFormat, string> = { webm: 'WebM video (VP9)', mp4: 'MP4 video (H.264)', gif: 'GIF (animated image)' };
const CODEC = { webm: 'vp9', mp4: 'avc' } as const;

/** Whether this browser can encode `format` at this size; GIF always can. */
export async function canEncode(format: ClipFormat, width: number, height: number): Promise<boolean> {
  if (format === 'gif') return true;
  if (typeof VideoEncoder === 'undefined') return false;
  const { canEncodeVideo } = await import('mediabunny');
  try {
    return await canEncodeVideo(CODEC[format], { width, height });
  } catch {
    return false;
  }
}

export function hasWebCodecs(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

export async function createEncoder(format: ClipFormat, canvas: HTMLCanvasElement, fps: number): Promise<ClipEncoder> {
  return format === 'gif' ? gifEncoder(canvas, fps) : videoEncoder(format, canvas, fps);
}

async function videoEncoder(format: 'webm' | 'mp4', canvas: HTMLCanvasElement, fps: number): Promise<ClipEncoder> {
  const mb = await import('mediabunny');
  const target = new mb.BufferTarget();
  const output = new mb.Output({ format: format === 'webm' ? new mb.WebMOutputFormat() : new mb.Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const source = new mb.CanvasSource(canvas, { codec: CODEC[format], bitrate: mb.QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    add: (_c, index) => source.add(index / fps, 1 / fps),
    async finish() {
      await output.finalize();
      return new Blob([target.buffer!], { type: format === 'webm' ? 'video/webm' : 'video/mp4' });
    },
    cancel: () => output.cancel(),
  };
}

async function gifEncoder(canvas: HTMLCanvasElement, fps: number): Promise<ClipEncoder> {
  const { GIFEncoder, quantize, applyPalette } = await import('gifenc');
  const gif = GIFEncoder();
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  // GIF delays are in hundredths of a second: keep the clip's length exact over many frames.
  let shownCs = 0;
  return {
    async add(c, index) {
      const { data } = g.getImageData(0, 0, c.width, c.height);
      const palette = quantize(data, 256);
      const endCs = Math.round(((index + 1) * 100) / fps);
      gif.writeFrame(applyPalette(data, palette), c.width, c.height, { palette, delay: (endCs - shownCs) * 10 });
      shownCs = endCs;
    },
    async finish() {
      gif.finish();
      return new Blob([gif.bytes()], { type: 'image/gif' });
    },
    async cancel() {},
  };
}
