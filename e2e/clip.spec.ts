import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { test, expect, openPaused, simOn } from './fixtures';
import type { Page } from '@playwright/test';

/** Frames of a GIF and their delays (hundredths of a second), by walking its blocks. */
function gifFrames(b: Buffer): { frames: number; delaysCs: number[]; width: number; height: number } {
  if (b.subarray(0, 6).toString('latin1') !== 'GIF89a') throw new Error('not a GIF89a');
  const width = b.readUInt16LE(6), height = b.readUInt16LE(8);
  let p = 13;
  if (b[10] & 0x80) p += 3 * 2 ** ((b[10] & 7) + 1); // global colour table
  const skipSub = () => { while (b[p] !== 0) p += b[p] + 1; p++; };
  let frames = 0;
  const delaysCs: number[] = [];
  for (;;) {
    const block = b[p++];
    if (block === 0x3b) break; // trailer
    if (block === 0x21) { // extension
      const label = b[p++];
      if (label === 0xf9) delaysCs.push(b.readUInt16LE(p + 2));
      skipSub();
    } else if (block === 0x2c) { // image descriptor
      frames++;
      const flags = b[p + 8];
      p += 9;
      if (flags & 0x80) p += 3 * 2 ** ((flags & 7) + 1);
      p++; // LZW minimum code size
      skipSub();
    } else throw new Error(`unexpected GIF block 0x${block.toString(16)} at ${p - 1}`);
  }
  return { frames, delaysCs, width, height };
}

async function openClip(page: Page, o: { view: string; from: string; to: string; speed: string; fps: string; size: string }) {
  await page.getByTestId('export.clip').click();
  await expect(page.getByTestId('clip.dialog')).toBeVisible();
  await page.getByTestId('clip.view').selectOption(o.view);
  await page.getByTestId('clip.from').fill(o.from);
  await page.getByTestId('clip.to').fill(o.to);
  await page.getByTestId('clip.speed').fill(o.speed);
  await page.getByTestId('clip.fps').selectOption(o.fps);
  await page.getByTestId('clip.size').selectOption({ label: o.size });
}

async function exportClip(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('clip.export').click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

test.describe('a clip of a view, rendered frame by frame in virtual time', () => {
  test('WebM: 0.3 s of simulated time at 0.1× and 10 fps is a 3 s video of 30 frames', async ({ page, consoleErrors }) => {
    test.setTimeout(180_000);
    await openPaused(page, 'scenario=default&t=20000');
    await openClip(page, { view: 'lifecycle', from: '20', to: '20.3', speed: '0.1', fps: '10', size: '640 × 360' });
    await expect(page.getByTestId('clip.summary')).toContainText('3.0 s of video, 30 frames');
    await page.getByTestId('clip.format').selectOption('webm');
    await page.screenshot({ path: 'test-results/screenshots/clip-dialog-1400x900.png' });
    const { name, bytes } = await exportClip(page);
    expect(name).toBe('default-lifecycle-20s-20.3s.webm');
    const input = new Input({ source: new BufferSource(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), formats: ALL_FORMATS });
    expect((await input.getFormat()).name).toBe('WebM');
    expect(await input.computeDuration()).toBeCloseTo(3, 1);
    const track = (await input.getPrimaryVideoTrack())!;
    expect([track.displayWidth, track.displayHeight]).toEqual([640, 360]);
    let packets = 0;
    for await (const _ of new EncodedPacketSink(track).packets()) packets++;
    expect(packets).toBe(30);
    // The run is back where it was.
    expect((await simOn(page).snapshot()).timeMs).toBe(20_000);
    void consoleErrors;
  });

  test('GIF: 20 frames whose delays add up to the clip’s 2 s', async ({ page, consoleErrors }) => {
    test.setTimeout(180_000);
    await openPaused(page, 'scenario=default&t=20000');
    await openClip(page, { view: 'fleet', from: '20', to: '20.2', speed: '0.1', fps: '10', size: '640 × 360' });
    await page.getByTestId('clip.format').selectOption('gif');
    const { name, bytes } = await exportClip(page);
    expect(name).toMatch(/\.gif$/);
    const gif = gifFrames(bytes);
    expect(gif.frames).toBe(20);
    expect([gif.width, gif.height]).toEqual([640, 360]);
    expect(gif.delaysCs.reduce((a, b) => a + b, 0)).toBe(200);
    void consoleErrors;
  });

  test('Cancel stops an export, saves nothing, and puts the run back', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=20000');
    await openClip(page, { view: 'timeline', from: '20', to: '25', speed: '0.1', fps: '24', size: '640 × 360' });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('clip.export').click();
    await expect(page.getByTestId('clip.progress')).toContainText(/Frame [1-9]\d* of 1200/);
    await page.getByTestId('clip.cancel').click();
    await expect(page.getByTestId('clip.progress')).toHaveCount(0);
    await expect(page.getByTestId('clip.export')).toBeEnabled();
    await expect.poll(async () => (await simOn(page).snapshot()).timeMs).toBe(20_000);
    expect(downloads).toBe(0);
    await page.keyboard.press('Escape'); // and Escape closes the dialog
    await expect(page.getByTestId('clip.dialog')).toHaveCount(0);
    void consoleErrors;
  });

  test('without WebCodecs the dialog says so and offers GIF', async ({ page, consoleErrors }) => {
    await page.addInitScript(() => { delete (window as { VideoEncoder?: unknown }).VideoEncoder; });
    await openPaused(page, 'scenario=default&t=2000');
    await page.getByTestId('export.clip').click();
    await expect(page.getByTestId('clip.noWebCodecs')).toContainText('no WebCodecs');
    await expect(page.getByTestId('clip.format').locator('option')).toHaveText(['GIF (animated image)']);
    await expect(page.getByTestId('clip.export')).toHaveText('Export GIF (animated image)');
    void consoleErrors;
  });

  test('bad fields are explained and the export is refused', async ({ page, consoleErrors }) => {
    await openPaused(page, 'scenario=default&t=2000');
    await openClip(page, { view: 'fleet', from: '5', to: '4', speed: '0', fps: '10', size: '640 × 360' });
    await expect(page.getByTestId('clip.problems')).toContainText('To: must be later than From');
    await expect(page.getByTestId('clip.problems')).toContainText('Speed: must be from 0.001× to 1000×');
    await expect(page.getByTestId('clip.export')).toBeDisabled();
    void consoleErrors;
  });
});
