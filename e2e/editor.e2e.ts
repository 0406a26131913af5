import type { Page } from '@playwright/test';
import {
  canvasSettled,
  expect,
  openPreset as openPresetIn,
  screenshot,
  studioSession,
  test,
} from './harness';

const studio = studioSession();
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const nodes = () => page.locator('.react-flow__node');
const edges = () => page.locator('.react-flow__edge');
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const press = (keys: string) => page.keyboard.press(keys);

/** Drops a palette kind on the canvas at (x, y) relative to the canvas' top left. */
async function drop(kind: string, x: number, y: number) {
  const pane = page.locator('.react-flow__pane');
  await page.getByTestId(`palette-${kind}`).dragTo(pane, { targetPosition: { x, y } });
}

/** Drags a connection from one node's output port to another's input port. */
async function connect(from: string, to: string, release = true) {
  const source = await node(from).locator('.react-flow__handle.source').boundingBox();
  const target = await node(to).locator('.react-flow__handle.target').first().boundingBox();
  if (!source || !target) throw new Error(`no handles on ${from} or ${to}`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  if (release) await page.mouse.up();
}

async function setParam(id: string, key: string, value: string) {
  await node(id).click();
  const field = page.locator(`#param-${key}`);
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

/** Clicks an empty spot of the canvas, so shortcuts reach the editor and not a field. */
async function focusCanvas() {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  // Bottom middle: clear of the toolbar, the inspector, the minimap and the zoom buttons.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 24);
}

const newProject = (choice: string) => openPresetIn(page, choice);

const summaryTotal = () => page.getByTestId('summary-total').innerText();

test.describe('the editor', () => {
  test('builds the 784-128-32-128-784 autoencoder by drag and drop, then undoes and redoes all of it', async () => {
    await page.getByTestId('project-new').click();
    await screenshot(page, 'editor-gallery');
    await page.getByTestId('start-empty').click();
    await expect.poll(() => nodes().count()).toBe(0);

    const kinds = ['Input', 'Dense', 'Dense', 'Dense', 'Dense', 'Output'];
    // Two columns, three rows, clear of the toolbar; Esc closes the inspector after each drop.
    for (const [i, kind] of kinds.entries()) {
      await drop(kind, 140 + (i % 2) * 240, 120 + Math.floor(i / 2) * 180);
      await press('Escape');
    }
    await expect.poll(() => nodes().count()).toBe(6);
    const chain = ['input-1', 'dense-1', 'dense-2', 'dense-3', 'dense-4', 'output-1'];
    for (let i = 0; i < chain.length - 1; i++) await connect(chain[i], chain[i + 1]);
    await expect.poll(() => edges().count()).toBe(5);
    await setParam('dense-1', 'units', '128');
    await setParam('dense-2', 'units', '32');
    await setParam('dense-3', 'units', '128');
    await setParam('dense-4', 'units', '784');
    await setParam('dense-4', 'activation', 'sigmoid');
    await focusCanvas();
    await expect.poll(summaryTotal).toContain('209,968');
    expect(await page.getByTestId('total-params').innerText()).toContain('209,968');
    expect(await page.getByTestId('problems').innerText()).toContain('ready to train');
    await screenshot(page, 'editor-built-by-hand');

    for (let i = 0; i < 40 && (await page.getByTestId('undo').isEnabled()); i++)
      await press('Control+z');
    await expect.poll(() => nodes().count()).toBe(0);
    await screenshot(page, 'editor-undone');
    for (let i = 0; i < 40 && (await page.getByTestId('redo').isEnabled()); i++)
      await press('Control+Shift+z');
    await expect.poll(() => nodes().count()).toBe(6);
    await expect.poll(summaryTotal).toContain('209,968');
    await expect.poll(() => edges().count()).toBe(5);

    await press('l');
    await canvasSettled(page);
    await screenshot(page, 'editor-auto-layout');
    // The layout is one step: undo puts every layer back where it was dropped.
    await press('Control+z');
    await press('f');
    await canvasSettled(page);
  });

  test('refuses a connection that makes a loop, saying why; marks a wrong Dense size until it is fixed', async () => {
    const before = await edges().count();
    await connect('dense-4', 'dense-1', false);
    const tooltip = page.getByTestId('connect-refused');
    await expect.poll(() => tooltip.count()).toBe(1);
    expect(await tooltip.innerText()).toMatch(/loop/);
    await screenshot(page, 'editor-refused-connection');
    await page.mouse.up();
    expect(await edges().count()).toBe(before);
    expect(await tooltip.count()).toBe(0);

    await setParam('dense-4', 'units', '500');
    await expect.poll(() => node('dense-4').locator('.layer-node.has-error').count()).toBe(1);
    const problems = page.getByTestId('problems');
    expect(await problems.innerText()).toContain(
      "Dense 'Dense 4' gives 500 values but Output needs 784",
    );
    await focusCanvas();
    await node('dense-4').hover();
    // The tooltip lives in document.body (so the canvas cannot clip it): one shows at a time.
    expect(await page.getByTestId('node-problems').innerText()).toContain('500');
    await screenshot(page, 'editor-wrong-size');
    await problems.getByText("Dense 'Dense 4' gives 500").click();
    await setParam('dense-4', 'units', '784');
    await expect.poll(() => node('dense-4').locator('.layer-node.has-error').count()).toBe(0);
    expect(await problems.innerText()).toContain('ready to train');
  });

  test('copies and pastes three nodes with their connections; Mirror encoder completes an encoder', async () => {
    await focusCanvas();
    // The problems list zoomed onto one layer: fit the whole network into view again.
    await press('f');
    await canvasSettled(page);
    await node('dense-1').click();
    await node('dense-2').click({ modifiers: ['Shift'] });
    await node('dense-3').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(3);
    await focusCanvas();
    await node('dense-1').click();
    await node('dense-2').click({ modifiers: ['Shift'] });
    await node('dense-3').click({ modifiers: ['Shift'] });
    await press('Control+c');
    await press('Control+v');
    await expect.poll(() => nodes().count()).toBe(9);
    await expect.poll(() => edges().count()).toBe(7);
    expect(await page.locator('.react-flow__node.selected').count()).toBe(3);
    await screenshot(page, 'editor-pasted');

    await newProject('default');
    // Everything, then shift-click takes the encoder out of the selection: the decoder is left.
    await focusCanvas();
    await press('Control+a');
    for (const id of ['input', 'enc1', 'enc2']) await node(id).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(3);
    await press('Delete');
    await expect.poll(() => nodes().count()).toBe(3);
    await page.getByTestId('ae-actions').click();
    await page.getByTestId('action-mirror').click();
    await expect.poll(() => nodes().count()).toBe(6);
    expect(await page.getByTestId('problems').innerText()).toContain('ready to train');
    await expect.poll(summaryTotal).toContain('209,968');
    await page.getByTestId('ae-actions').click();
    await page.getByTestId('action-variational').click();
    await expect
      .poll(() => page.locator('.react-flow__node', { hasText: 'Sampling' }).count())
      .toBe(1);
    expect(await page.getByTestId('problems').innerText()).toContain('ready to train');
    await expect.poll(() => page.getByTestId('region-code').count()).toBe(1);
    await screenshot(page, 'editor-mirrored-variational');
  });
});

test.describe('a design with problems', () => {
  test('blocks Start and says why in words; messages show words first and the code after', async () => {
    await newProject('default');
    const start = page.getByTestId('train-start');
    await expect.poll(() => start.isEnabled()).toBe(true);

    await setParam('dec2', 'units', '500');
    await focusCanvas();
    await expect.poll(() => start.isDisabled()).toBe(true);
    const reason = page.getByTestId('run-blocked');
    expect(await reason.innerText()).toMatch(
      /^Fix 1 problem in the design first: Dense '.+' gives 500 values but Output needs 784/,
    );
    expect(await page.getByTestId('run-status').count()).toBe(0);
    const problems = page.getByTestId('problems');
    expect(await problems.innerText()).toMatch(/gives 500 values[^]*Code: E_OUTPUT_SHAPE/);
    await reason.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('problems');

    // An action the design refuses puts an error in the banner: words first, the code after.
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('ae-actions').click();
      await page.getByTestId('action-variational').click();
    }
    const banner = page.getByTestId('error-banner');
    await expect.poll(() => banner.count()).toBe(1);
    const text = await banner.innerText();
    expect(text).toMatch(/^\W*[A-Z][a-z]/);
    expect(text).not.toMatch(/^\W*E_/);
    expect(text).toContain('Code: E_');
    await screenshot(page, 'problems-start-blocked');
    await banner.getByLabel('Dismiss').click();

    // A node with a problem dragged to the canvas' left edge, just below the toolbar: its tooltip
    // flips below the node (the toolbar takes the room above) and spills over the canvas edge
    // whole, instead of being clipped by it.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const toolbar = (await page.getByTestId('editor-toolbar').boundingBox())!;
    const box = (await node('dec2').boundingBox())!;
    const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(
      pane.x + 12 + box.width / 2,
      toolbar.y + toolbar.height + 12 + box.height / 2,
      { steps: 8 },
    );
    await page.mouse.up();
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height - 24);
    await node('dec2').hover();
    const tip = page.getByTestId('node-problems');
    await expect.poll(() => tip.count()).toBe(1);
    await expect.poll(() => tip.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
    expect(await tip.innerText()).toMatch(/^Dense .* gives 500 values[^]*Code: E_OUTPUT_SHAPE/);
    const t = (await tip.boundingBox())!;
    const bar = toolbar;
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.y).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width).toBeLessThanOrEqual(1440);
    expect(t.y + t.height).toBeLessThanOrEqual(900);
    const overlapsBar =
      t.x < bar.x + bar.width && t.x + t.width > bar.x && t.y < bar.y + bar.height;
    expect(overlapsBar).toBe(false);
    await screenshot(page, 'problems-tooltip-near-toolbar');
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height - 24);

    await setParam('dec2', 'units', '784');
    await focusCanvas();
    await expect.poll(() => start.isEnabled()).toBe(true);
    expect(await page.getByTestId('run-status').innerText()).toContain('Ready to train');
  });
});

test.describe('projects', () => {
  test('saves a trained project, and after a reload opens the same graph, positions and weights', async () => {
    await newProject('default');
    // Move a layer so the saved position is one a preset does not have.
    const box = (await node('enc2').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 140, { steps: 6 });
    await page.mouse.up();
    await setParam('dec1', 'units', '100');
    await setParam('dec1', 'units', '128');

    if ((await page.getByTestId('train-start').count()) === 0)
      await page.getByTestId('tab-train').click();
    await page.getByTestId('train-epochs').fill('1');
    await page.getByTestId('train-start').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="run-status"]')?.textContent?.includes('Completed'),
      undefined,
      { timeout: 240_000 },
    );
    if ((await page.getByTestId('tab-editor').count()) > 0)
      await page.getByTestId('tab-editor').click();

    await press('Control+s');
    await page.getByTestId('save-name').fill('My digits autoencoder');
    await page.getByTestId('save-confirm').click();
    await expect.poll(() => page.getByTestId('unsaved').count()).toBe(0);
    expect(await page.getByTestId('project-title').innerText()).toContain('My digits autoencoder');
    const signature = () =>
      page
        .locator('.react-flow__node')
        .evaluateAll((els) =>
          els
            .map(
              (el) =>
                `${el.getAttribute('data-id')} ${(el as HTMLElement).style.transform} ${el.textContent}`,
            )
            .sort(),
        );
    const saved = await signature();

    await page.reload();
    await page.waitForSelector('.react-flow__node');
    expect(await signature()).not.toEqual(saved);
    await page.getByTestId('project-open').click();
    await page.getByTestId('project-row').filter({ hasText: 'My digits autoencoder' }).click();
    await expect.poll(() => page.getByTestId('weights-loaded').count()).toBe(1);
    await expect.poll(signature).toEqual(saved);
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    await screenshot(page, 'editor-reopened');
    if ((await page.getByTestId('run-status').count()) === 0)
      await page.getByTestId('tab-train').click();
    expect(await page.getByTestId('run-status').innerText()).toContain('Completed');
    expect(await page.locator('[data-testid="loss-chart"] circle.loss-point.train').count()).toBe(
      1,
    );
    // The reopened weights are the trained ones: the reconstructions and features of the loaded
    // model appear without training again.
    await expect.poll(() => page.getByTestId('recon-grid').getAttribute('data-epoch')).toBe('1');
    await page.getByTestId('tab-inspect').click();
    await expect
      .poll(() => page.getByTestId('feature-grid').getAttribute('data-count'))
      .toBe('128');
    await screenshot(page, 'editor-reopened-inspect');

    // A changed code layer makes those weights an earlier design's, and the top bar says so.
    expect(await page.getByTestId('weights-loaded').getAttribute('data-stale')).toBe('false');
    await page.getByTestId('tab-editor').click();
    await setParam('enc2', 'units', '16');
    await expect
      .poll(() => page.getByTestId('weights-loaded').getAttribute('data-stale'))
      .toBe('true');
    expect(await page.getByTestId('weights-loaded').innerText()).toContain('earlier design');
  });
});
