import { mkdirSync } from 'node:fs';
import { test, expect, openPaused, simOn } from './fixtures';
import { chapterById } from '../src/app/tours/chapters';

/**
 * The event source chapters as a learner walks them, and the mapping controls as a person
 * uses them: what each step's text says is in the picture at the end of its window.
 */
const ES = '[data-component="event-source"]';

test('“A queue in front of a function”: five batches, then the poison message’s whole batch in the DLQ, then only the poison message', async ({ page, consoleErrors }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  mkdirSync('test-results/screenshots/tours', { recursive: true });
  const sim = simOn(page);
  const ch = chapterById('queue')!;
  await openPaused(page, 'tour=queue&step=1');
  await expect(page.getByTestId('tour.count')).toHaveText(`Step 1 of ${ch.steps.length}`);
  await expect(page.locator('[data-tour-narration]')).toContainText('5 concurrent batches');
  await expect(page.locator(`${ES} .part-event-source`)).toHaveClass(/focus-on/);
  // Step 1 plays its window to the end by itself: 5 batches in the pollers.
  await expect(page.getByTestId('tour.replay')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`${ES} [data-testid="es.concurrency"]`)).toHaveAttribute('data-busy', '5');
  for (const [n, dlq] of [[3, '10'], [5, '11']] as const) {
    await page.goto(`/?tour=queue&step=${n}`);
    await page.waitForFunction(() => document.body.dataset.loaded === 'true');
    await expect(page.locator('[data-tour-narration]')).toContainText(ch.steps[n - 1].title);
    await sim.seek(ch.steps[n - 1].toMs);
    await expect(page.locator(`${ES} [data-testid="es.dlq"]`)).toHaveText(dlq);
    await page.screenshot({ path: `test-results/screenshots/tours/queue-${n}.png` });
  }
  void consoleErrors;
});

test('“A stream’s stalled shard”: one lane stalls while three keep up; after bisect none is stalled', async ({ page, consoleErrors }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const sim = simOn(page);
  const ch = chapterById('stream')!;
  await openPaused(page, 'tour=stream&step=2');
  await expect(page.locator('[data-tour-narration]')).toContainText('stalls its shard');
  await sim.seek(ch.steps[1].toMs);
  await expect(page.locator(`${ES} [data-lane][data-stalled="true"]`)).toHaveCount(1);
  await expect(page.locator(`${ES} [data-lane][data-stalled="false"]`)).toHaveCount(3);
  await page.screenshot({ path: 'test-results/screenshots/tours/stream-2.png' });
  await page.getByTestId('tour.next').click();
  await expect(page.getByTestId('tour.count')).toHaveText(`Step 3 of ${ch.steps.length}`);
  await sim.seek(ch.steps[2].toMs);
  await expect(page.locator(`${ES} [data-lane][data-stalled="true"]`)).toHaveCount(0);
  await expect(page.locator(`${ES} [data-testid="es.dlq"]`)).toHaveText('1');
  void consoleErrors;
});

test('the mapping controls: Disable stops polling after Disabling, Enable resumes, a bad batch size is refused with the rule', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  const sim = simOn(page);
  await openPaused(page, 'scenario=sqs-queue-scaling&t=20000');
  const row = page.getByTestId('mapping.0.row');
  await expect(row).toHaveAttribute('data-state', 'Enabled');
  await page.getByTestId('mapping.0.toggle').click();
  await expect(row).toHaveAttribute('data-state', 'Disabling');
  await sim.seek(30_000);
  await expect(row).toHaveAttribute('data-state', 'Disabled');
  await expect(page.locator(`${ES} [data-testid="es.concurrency"]`)).toHaveAttribute('data-busy', '0');
  await expect(page.locator(ES)).toHaveAttribute('data-state', 'Disabled');
  await page.getByTestId('mapping.0.toggle').click();
  await sim.seek(40_000);
  await expect(row).toHaveAttribute('data-state', 'Enabled');
  expect(Number(await page.locator(`${ES} [data-testid="es.concurrency"]`).getAttribute('data-busy'))).toBeGreaterThan(0);
  await page.getByTestId('mapping.0.batchSize').fill('0');
  await expect(row.getByRole('alert')).toHaveText('Must be an integer from 1 to 10,000.');
  await expect(page.getByTestId('mapping.0.update')).toBeDisabled();
  await page.getByTestId('mapping.0.batchSize').fill('5');
  await page.getByTestId('mapping.0.update').click();
  await expect(row).toHaveAttribute('data-state', 'Updating');
  void consoleErrors;
});
