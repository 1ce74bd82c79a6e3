import { test, expect, openPaused, simOn } from './fixtures';
import { labelOverlaps, smallestText } from './sceneChecks';

/**
 * An event source mapping in the scene, as a person sees it: the customer's queue or stream
 * (outside Lambda, dashed), the mapping's pollers with their batches, the queue's DLQ; a
 * stream's stalled shard drawn as a stalled lane. Legible at slide sizes (text floors as in
 * scene.spec.ts: 16 px at 1280×720 embedded, 9.5 px at 800×450, 11 px on the full page).
 */
const SIZES = [[1400, 900, 11, false], [1280, 720, 16, true], [800, 450, 9.5, true]] as const;

for (const [w, h, floor, embed] of SIZES) {
  test(`at ${w}×${h}${embed ? ' embedded' : ''} the queue, its pollers and its DLQ are drawn, no text under ${floor} px, no labels overlapping`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const [q, shot] of [['scenario=sqs-queue-scaling&t=75000', 'sqs'], ['scenario=kinesis-stalled-shard&t=80000', 'kinesis']] as const) {
      await openPaused(page, `${embed ? 'embed=1&view=scene&' : ''}${q}`);
      const es = page.locator('[data-component="event-source"]');
      await expect(es).toBeVisible();
      await expect(es.locator('[data-label]').first()).toBeVisible();
      await expect(es.locator('[data-es-part="source"] .es-outside'), 'the queue is drawn outside Lambda (dashed)').toHaveCount(1);
      for (const part of ['producer', 'source', 'pollers', 'dlq']) await expect(es.locator(`[data-es-part="${part}"]`), part).toBeVisible();
      const small = await smallestText(page, '[data-testid="scene"]');
      expect(small.px, `${q}: smallest text "${small.text}"`).toBeGreaterThanOrEqual(floor);
      expect(await labelOverlaps(page), q).toEqual([]);
      // Event invocations' arrows (into the internal queue) are not drawn for a mapping.
      await expect(page.locator('[data-arrow="enqueue"]')).toHaveCount(0);
      await expect(page.locator('[data-arrow="batch"]')).toHaveCount(1);
      await page.screenshot({ path: `test-results/screenshots/es-${shot}-${w}x${h}.png` });
    }
    void consoleErrors;
  });
}

test('an SQS mapping at 75 s: messages waiting and in flight, batches as groups in the pollers, its concurrency under its limit', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=sqs-queue-scaling&t=75000');
  const es = page.locator('[data-component="event-source"]');
  await expect(es).toHaveAttribute('data-type', 'sqs');
  await expect(es.locator('[data-testid="es.facts"]')).toContainText('in flight');
  expect(await es.locator('.es-batch').count(), 'batches drawn as groups').toBeGreaterThan(0);
  const c = es.locator('[data-testid="es.concurrency"]');
  const busy = Number(await c.getAttribute('data-busy')), limit = Number(await c.getAttribute('data-limit'));
  expect(busy).toBeGreaterThan(5); // scaled up from 5 concurrent batches
  expect(busy).toBeLessThanOrEqual(limit);
  void consoleErrors;
});

test('a Kinesis stream with a poison record: its shard is a stalled lane while the others keep up; bisect clears it', async ({ page, consoleErrors }) => {
  await openPaused(page, 'scenario=kinesis-stalled-shard&t=80000');
  const lanes = page.locator('[data-component="event-source"] [data-lane]');
  await expect(lanes).toHaveCount(4);
  await expect(page.locator('[data-component="event-source"] [data-lane][data-stalled="true"]')).toHaveCount(1);
  await expect(page.locator('[data-component="event-source"] [data-testid="es.facts"]')).toContainText('1 shard stalled');
  // At 90 s bisect and 2 retries are turned on: the poison record goes to the on-failure destination.
  await openPaused(page, 'scenario=kinesis-stalled-shard&t=180000');
  await expect(page.locator('[data-component="event-source"] [data-lane][data-stalled="true"]')).toHaveCount(0);
  expect(Number(await page.locator('[data-component="event-source"] [data-testid="es.dlq"]').textContent())).toBeGreaterThanOrEqual(1);
  void consoleErrors;
});

test('the charts show the queue (waiting, oldest message) and the mapping’s concurrency against its limit, sampled by the worker', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPaused(page, 'embed=1&view=charts&scenario=sqs-queue-scaling&t=75000');
  await expect(page.getByTestId('chart.eventSourceQueue')).toBeVisible();
  await expect(page.getByTestId('chart.eventSourceConcurrency')).toBeVisible();
  await expect(page.getByTestId('chart.eventSourceAge')).toBeVisible();
  await expect(page.getByTestId('chart.queue')).toHaveCount(0); // the internal queue's chart gives way
  const s = await simOn(page).series('esConcurrency');
  expect(s.values.length).toBeGreaterThan(10);
  expect(Math.max(...s.values)).toBeGreaterThan(5);
  const limit = await simOn(page).series('esLimit');
  expect(Math.max(...limit.values)).toBe(1000);
  await page.screenshot({ path: 'test-results/screenshots/es-charts-1280x720.png' });
  void consoleErrors;
});
