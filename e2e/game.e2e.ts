import type { Page } from '@playwright/test';
import {
  canvasSettled,
  expect,
  openPreset,
  screenshot,
  showTab,
  studioSession,
  test,
  trainBriefly,
} from './harness';

// Adversarial games in the views: a dense GAN built from the palette trains and its fixed-noise
// grid changes from epoch to epoch; an adversarial autoencoder's codes sit over its prior.
const studio = studioSession({ width: 1500, height: 1000 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const nodeIds = () =>
  page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));

/** Drops a palette kind on the canvas at (x, y) from its top left; returns the new node's id. */
async function drop(kind: string, x: number, y: number): Promise<string> {
  const before = new Set(await nodeIds());
  const pane = page.locator('.react-flow__pane');
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(pane, { targetPosition: { x, y }, timeout: 15_000 });
  await expect.poll(async () => (await nodeIds()).length).toBe(before.size + 1);
  await page.keyboard.press('Escape');
  return (await nodeIds()).find((id) => !before.has(id))!;
}

/** Drags a connection from one node's output to another's input port (its only one unless named). */
async function connect(from: string, to: string, port?: string) {
  const handles = node(to).locator('.react-flow__handle.target');
  const target = port ? handles.and(page.locator(`[data-handleid="${port}"]`)) : handles.first();
  const a = await node(from).locator('.react-flow__handle.source').boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error(`no handles on ${from} or ${to}${port ? ` (${port})` : ''}`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

async function setParam(id: string, key: string, value: string) {
  await node(id).click();
  const field = page.locator(`#param-${key}`);
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
  await page.keyboard.press('Escape');
}

/** The sample grid's grey values (one per pixel), its size and the epoch it shows. */
const gridPixels = () =>
  page.getByTestId('game-sample-grid').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!;
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const grey = Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]);
    return { grey, width: canvas.width, height: canvas.height, epoch: canvas.dataset.epoch };
  });

/** The share of pixels whose grey differs by more than 8 of 255 between two grids. */
const changedShare = (a: number[], b: number[]) =>
  a.filter((v, i) => Math.abs(v - b[i]) > 8).length / a.length;

test.describe('adversarial games', () => {
  test('a dense GAN built from the palette trains, and its fixed-noise grid changes between epochs', async () => {
    await page.getByTestId('project-new').click();
    await page.getByTestId('start-empty').click();
    await expect.poll(async () => (await nodeIds()).length).toBe(0);

    // The generator along the top, the discriminator below, the Adversary at the right.
    const prior = await drop('Prior', 90, 110);
    const g1 = await drop('Dense', 260, 110);
    const gAct = await drop('LeakyReLU', 430, 110);
    const g2 = await drop('Dense', 600, 110);
    const input = await drop('Input', 90, 330);
    const d1 = await drop('Dense', 260, 330);
    const dAct = await drop('LeakyReLU', 430, 330);
    const d2 = await drop('Dense', 600, 330);
    const adversary = await drop('Adversary', 760, 220);

    await connect(prior, g1);
    await connect(g1, gAct);
    await connect(gAct, g2);
    await connect(g2, adversary, 'fake');
    await connect(input, d1);
    await connect(d1, dAct);
    await connect(dAct, d2);
    await connect(d2, adversary, 'score');
    await screenshot(page, 'game-gan-wired');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(8);

    // Small players, so a short run on a thousand digits shows the game.
    await setParam(prior, 'size', '32');
    await setParam(g1, 'units', '128');
    await setParam(g2, 'units', '784');
    await setParam(g2, 'activation', 'sigmoid');
    await setParam(d1, 'units', '128');
    await setParam(d2, 'units', '1');
    await setParam(d2, 'activation', 'sigmoid');
    await canvasSettled(page);
    await expect(page.getByTestId('problems')).toContainText('ready to train');
    await screenshot(page, 'game-gan-built');

    // Before training, the Train tab already shows where the game's views will be, not reconstructions.
    await showTab(page, 'train');
    await expect(page.getByTestId('game-board')).toHaveAttribute('data-kind', 'gan');
    expect(await page.getByTestId('recon-grid').count()).toBe(0);

    // 2,000 digits in batches of 64: about 30 steps of each player an epoch.
    await page.getByTestId('train-batch').fill('64');
    await trainBriefly(page, { epochs: 4, limit: 2000 });
    const grid = page.getByTestId('game-sample-grid');
    await expect(grid).toHaveAttribute('data-shown', '4');
    await expect(page.getByTestId('game-epoch-label')).toContainText('epoch 4');
    const last = await gridPixels();
    // 10 x 10 digits of 28 pixels with a 2-pixel gap.
    expect(last.width).toBe(10 * 28 + 11 * 2);
    expect(last.height).toBe(10 * 28 + 11 * 2);
    await expect(page.getByTestId('game-judge-chart')).toHaveAttribute('data-points', '4,4');
    await expect(page.getByTestId('game-loss-chart')).toHaveAttribute('data-points', '4,4');
    await page.getByTestId('game-samples').scrollIntoViewIfNeeded();
    await screenshot(page, 'game-gan-train-tab');
    await page.getByTestId('game-players').scrollIntoViewIfNeeded();
    await screenshot(page, 'game-gan-players');

    // Back to epoch 1 with the slider: the same noise, another generator, so other pixels.
    const slider = page.getByTestId('game-epoch-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(grid).toHaveAttribute('data-shown', '1');
    await expect(page.getByTestId('game-epoch-label')).toContainText('epoch 1');
    const first = await gridPixels();
    // The gaps between digits stay; most of the digits' own pixels change.
    const changed = changedShare(first.grey, last.grey);
    console.log(`pixels changed between epoch 1 and epoch 4: ${(changed * 100).toFixed(1)}%`);
    expect(changed).toBeGreaterThan(0.2);
    await page.getByTestId('game-samples').scrollIntoViewIfNeeded();
    await screenshot(page, 'game-gan-epoch-1');
    await page.keyboard.press('End');
    await expect(grid).toHaveAttribute('data-shown', '4');

    // Inspect says in words why there are no reconstructions, and shows the game instead.
    await showTab(page, 'inspect');
    await expect(page.getByTestId('gan-note')).toContainText('reconstructs nothing');
    expect(await page.getByTestId('recon-board').count()).toBe(0);
    await expect(page.getByTestId('game-sample-grid')).toHaveAttribute('data-shown', '4');
    await screenshot(page, 'game-gan-inspect');

    // After a reload the run's figures come back from its record.
    await page.reload();
    await page.waitForSelector('.react-flow__node');
    await page.waitForLoadState('networkidle');
    await showTab(page, 'train');
    await expect(page.getByTestId('game-sample-grid')).toHaveAttribute('data-shown', '4', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('game-judge-chart')).toHaveAttribute('data-points', '4,4');
    // Nothing is asked of a GAN that it cannot do (reconstructions): no error after the reload.
    expect(await page.getByText('E_INVALID_GRAPH').count()).toBe(0);
    await page.getByTestId('game-samples').scrollIntoViewIfNeeded();
    await screenshot(page, 'game-gan-after-reload');
  });

  test('an adversarial autoencoder trains and shows its codes over the prior’s density', async () => {
    await openPreset(page, 'aae');
    await trainBriefly(page, { epochs: 2, limit: 1000 });
    await expect(page.getByTestId('game-board')).toHaveAttribute('data-kind', 'aae');
    // An autoencoder still reconstructs: its reconstructions stay beside the game.
    await expect(page.getByTestId('recon-grid')).toHaveCount(1);
    const codes = page.getByTestId('prior-codes-canvas');
    await expect
      .poll(async () => Number(await codes.getAttribute('data-codes')))
      .toBeGreaterThan(0);
    await expect(page.getByTestId('prior-codes-dims')).toContainText('code value');
    await page.getByTestId('game-prior-codes').scrollIntoViewIfNeeded();
    await screenshot(page, 'game-aae-codes-over-prior');
    await showTab(page, 'inspect');
    await page.getByTestId('game-prior-codes').scrollIntoViewIfNeeded();
    await screenshot(page, 'game-aae-inspect');
  });
});
