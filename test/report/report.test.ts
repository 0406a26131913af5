import * as tf from '@tensorflow/tfjs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../src/main/services/data/mnist';
import { initBackend } from '../../src/main/services/tf/backend';
import { buildModel, type BuiltModel } from '../../src/main/services/model';
import { makeReport } from '../../src/main/services/report/collect';
import { namedWeights } from '../../src/main/services/trainer/flatWeights';
import { flattenWeights } from '../syncWeights';
import { getPreset } from '../../src/shared/presets';
import type { RunRecord } from '../../src/shared/project/schema';
import { chromiumArgs, chromiumPath } from '../../e2e/browserMode.mjs';

const HOSTILE_TITLE = '</script><script>alert(1)</script> & "digits" <VAE>';
const preset = getPreset('vae')!;
let model: BuiltModel;
let html = '';
let bytes = 0;
let browser: Browser;
let file = '';

const run: RunRecord = {
  id: 'run-1',
  name: 'Run 1 <b>bold</b>',
  startedAt: '2025-01-01T00:00:00Z',
  status: 'completed',
  settings: preset.settings,
  epochs: [1, 2, 3].map((epoch) => ({
    epoch,
    trainLoss: 0.3 / epoch,
    valLoss: 0.32 / epoch,
    terms: {},
  })),
};

beforeAll(async () => {
  await initBackend();
  const built = buildModel(preset.graph, 3);
  if (!built.ok) throw new Error(built.error.message);
  model = built.value;
  // A short real fit on digits, so the decoder draws digit-like strokes that move with the point.
  const digits = await loadMnist();
  const x = tf.tensor2d(digits.images.subarray(0, 1000 * 784), [1000, 784]);
  model.model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy' });
  await model.model.fit(x, x, { epochs: 2, batchSize: 50, verbose: 0 });
  x.dispose();
  const made = await makeReport({
    graph: preset.graph,
    title: HOSTILE_TITLE,
    data: preset.data,
    runs: [run],
    weights: namedWeights(flattenWeights(model.model)),
    madeAt: 'test',
  });
  if (!made.ok) throw new Error(made.error.message);
  ({ html, bytes } = made.value);
  file = join(await mkdtemp(join(tmpdir(), 'report-')), 'report.html');
  await writeFile(file, html);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  model?.dispose();
});

describe('the self-contained report', () => {
  it('states its size, and a digit VAE report stays under 5 MB', () => {
    expect(bytes).toBe(new TextEncoder().encode(html).length);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
    console.log(`report: ${bytes} bytes`);
  });

  it('contains no external URL (only the SVG namespace names, which nothing fetches)', () => {
    const urls =
      html.match(/(?:https?:|ftp:|wss?:)?\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'<>)]*/g) ?? [];
    const allowed = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']);
    expect(urls.filter((u) => !allowed.has(u))).toEqual([]);
    expect(html).not.toMatch(/<(?:link|iframe|img|object|embed)\b[^>]*(?:src|href)=["'](?!data:)/i);
  });

  it('escapes the project title and run names', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(html).not.toContain('<b>bold</b>');
  });

  it('opens from file:// with the network off, decodes like the app, and redraws when dragged', async () => {
    const context = await browser.newContext({
      offline: true,
      viewport: { width: 1200, height: 1400 },
    });
    const requests: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction("'studioReport' in window");

    // A fixed point: the page's embedded decoder against the app's tfjs decoder.
    const z = [0.5, -1.25, 0.75, 0, 1.5, -0.3, 0.2, -2];
    // The page is a browser's world (no DOM types here): its calls go as expressions.
    const ours = (await page.evaluate(
      `[...window.studioReport.decodeAt(${JSON.stringify(z)})]`,
    )) as number[];
    const theirs = (model.decoder!.predict(tf.tensor2d([z])) as tf.Tensor).dataSync();
    expect(ours.length).toBe(784);
    let worst = 0;
    for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
    expect(worst).toBeLessThan(1e-5);

    const pixels = async () =>
      (await page.evaluate(
        `(() => { const c = document.getElementById('decoded'); return [...c.getContext('2d').getImageData(0, 0, c.width, c.height).data]; })()`,
      )) as number[];
    const before = await pixels();
    // The mouse works in the viewport: bring the plane into it first.
    await page.locator('#plane').scrollIntoViewIfNeeded();
    const box = (await page.locator('#plane').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.85, { steps: 8 });
    await page.mouse.up();
    const after = await pixels();
    const at = (await page.evaluate(
      `[document.getElementById('decoded').dataset.u, document.getElementById('decoded-at').textContent]`,
    )) as (string | undefined)[];
    expect(at[0]).not.toBe(undefined);
    expect(after).not.toEqual(before);
    await page.screenshot({ path: 'e2e/output/report.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  }, 60_000);
});
