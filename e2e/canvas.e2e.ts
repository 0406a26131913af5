import type { Page } from '@playwright/test';
import {
  canvasSettled,
  expect,
  openPreset as openPresetIn,
  screenshot,
  studioSession,
  test,
} from './harness';

// A common laptop screen: the size at which the canvas was hardest to read.
const studio = studioSession({ width: 1280, height: 720 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const nodes = () => page.locator('.react-flow__node');
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edgeFrom = (source: string, target: string) =>
  page.locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"]`);

const newProject = (choice: string) => openPresetIn(page, choice);

/** Clicks an empty spot of the canvas, so shortcuts reach the editor and not a field. */
async function focusCanvas() {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 24);
}

/** The rendered height of every node's name, measured on the text itself. */
const labelHeights = () =>
  page.locator('.react-flow__node .layer-name').evaluateAll((labels) =>
    labels.map((label) => {
      const range = document.createRange();
      range.selectNodeContents(label);
      return range.getBoundingClientRect().height;
    }),
  );

test.describe('a readable canvas', () => {
  test('starts a small window with the summary folded to its header and the minimap behind a toggle', async () => {
    const summary = page.getByTestId('summary');
    expect(await summary.locator('.summary-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await summary.locator('.summary-table').count()).toBe(0);
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.getByTestId('minimap-toggle').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
    await page.getByTestId('minimap-toggle').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);
  });

  test('fits a long convolutional network with every layer name at least 9 px high', async () => {
    await newProject('conv-upsampling');
    await focusCanvas();
    await page.keyboard.press('f');
    await canvasSettled(page);
    const heights = await labelHeights();
    expect(heights.length).toBe(13);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(9);
    // The reading starts at the input: it is on screen, the rest is a scroll away.
    expect(await node('input').isVisible()).toBe(true);
    await screenshot(page, 'canvas-conv-fit-1280');

    // Auto-layout wraps the chain into rows that fit the canvas at a readable size.
    await page.keyboard.press('l');
    await canvasSettled(page);
    expect(Math.min(...(await labelHeights()))).toBeGreaterThanOrEqual(9);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    for (const box of await nodes().evaluateAll((all) =>
      all.map((n) => n.getBoundingClientRect().toJSON() as DOMRect),
    )) {
      expect(box.left).toBeGreaterThanOrEqual(pane.x - 1);
      expect(box.right).toBeLessThanOrEqual(pane.x + pane.width + 1);
      expect(box.top).toBeGreaterThanOrEqual(pane.y - 1);
      expect(box.bottom).toBeLessThanOrEqual(pane.y + pane.height + 1);
    }
    await screenshot(page, 'canvas-conv-wrapped-1280');
  });

  test('lays the network out top to bottom when asked', async () => {
    await page.getByTestId('layout-vertical').click();
    await canvasSettled(page);
    const input = (await node('input').boundingBox())!;
    const reshape = (await node('reshape').boundingBox())!;
    expect(reshape.y).toBeGreaterThan(input.y + input.height / 2);
    expect(Math.min(...(await labelHeights()))).toBeGreaterThanOrEqual(9);
    await screenshot(page, 'canvas-conv-vertical-1280');
    await page.getByTestId('auto-layout').click();
    await canvasSettled(page);
  });

  test('quick-adds a layer after the selected one, between it and its successor', async () => {
    await node('conv1').click();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.dblclick(pane.x + pane.width / 2, pane.y + pane.height - 30);
    const box = page.getByTestId('quick-add');
    await expect.poll(() => box.count()).toBe(1);
    await box.locator('input').fill('Dropout');
    await page.keyboard.press('Enter');
    await expect.poll(() => node('dropout-1').count()).toBe(1);
    await expect.poll(() => edgeFrom('conv1', 'dropout-1').count()).toBe(1);
    expect(await edgeFrom('dropout-1', 'pool1').count()).toBe(1);
    expect(await edgeFrom('conv1', 'pool1').count()).toBe(0);
    expect(await page.getByTestId('problems').innerText()).toContain('ready to train');
    await screenshot(page, 'canvas-quick-add-1280');
  });

  test('keeps the summary and minimap open on a large window', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await page.waitForSelector('.react-flow__node');
    await newProject('conv-upsampling');
    const summary = page.getByTestId('summary');
    expect(await summary.locator('.summary-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
    expect(Math.min(...(await labelHeights()))).toBeGreaterThanOrEqual(9);
    await screenshot(page, 'canvas-conv-1440');
    await focusCanvas();
    await page.keyboard.press('l');
    await canvasSettled(page);
    await screenshot(page, 'canvas-conv-wrapped-1440');
  });
});
