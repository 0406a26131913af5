import type { Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { downloadExport, openExport, utf8, zipEntries, type Downloaded } from './downloads';
import { expect, screenshot, studioSession, test, trainBriefly } from './harness';

// The model exports of a trained design, as a person downloads them: ONNX, PyTorch and Keras
// carry the weights of the run that just completed.
const studio = studioSession({ height: 960 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

/** The default preset's four Dense layers as the scripts name them (from "encoder 1" and so on). */
const LAYERS = ['encoder_1', 'code', 'decoder_1', 'decoder_2'];

/** Checks an .npz beside a script: a zip of .npy files, a kernel and a bias for every layer. */
function expectWeightsNpz(npz: Downloaded) {
  const entries = zipEntries(npz.data);
  for (const layer of LAYERS) {
    expect(Object.keys(entries)).toContain(`${layer}/kernel.npy`);
    expect(Object.keys(entries)).toContain(`${layer}/bias.npy`);
  }
  for (const data of Object.values(entries))
    expect(Buffer.from(data.subarray(0, 6)).toString('latin1')).toBe('\u0093NUMPY');
}

/** Splits a script download into the script and its weights file. */
function scriptAndWeights(files: Downloaded[]) {
  const script = files.find((f) => f.name.endsWith('.py'));
  const weights = files.find((f) => f.name.endsWith('-weights.npz'));
  expect(script, 'a .py among the downloads').toBeDefined();
  expect(weights, 'a -weights.npz among the downloads').toBeDefined();
  // One base for every file, as the browser names the project's files: no doubled or dangling dash.
  for (const f of files) expect(f.name).not.toMatch(/--|-\.|-@/);
  return { script: script!, weights: weights! };
}

test.describe('model exports after a short training run', () => {
  test('trains the default preset for one epoch', async () => {
    await trainBriefly(page, { epochs: 1, limit: 1000 });
  });

  test('downloads ONNX as one zip of models that ONNX Runtime runs', async () => {
    await openExport(page);
    await page.getByTestId('export-format').selectOption('onnx');
    await expect(page.getByTestId('export-onnx-note')).toContainText('model.onnx');
    await expect(page.getByTestId('export-weights-note')).toContainText(
      'latest completed training run',
    );
    await screenshot(page, 'export-dialog-onnx');
    const [zip] = await downloadExport(page, 'onnx', 1, 'trained');
    expect(zip.name).toMatch(/^[\w.]+(-[\w.]+)*-onnx\.zip$/);
    const top = zip.name.replace(/\.zip$/, '');
    const entries = zipEntries(zip.data);
    for (const file of ['model.onnx', 'encoder.onnx', 'decoder.onnx', 'README.md'])
      expect(Object.keys(entries)).toContain(`${top}/${file}`);

    // The whole model maps 784 pixels to 784, the encoder to the 32 code values.
    const outputs: Record<string, number[]> = {};
    for (const part of ['model', 'encoder']) {
      const session = await ort.InferenceSession.create(entries[`${top}/${part}.onnx`]);
      const input = new ort.Tensor('float32', new Float32Array(784).fill(0.5), [1, 784]);
      const result = await session.run({ [session.inputNames[0]]: input });
      const output = result[session.outputNames[0]];
      outputs[part] = [...output.dims];
      expect([...(output.data as Float32Array)].every(Number.isFinite)).toBe(true);
      await session.release();
    }
    expect(outputs).toEqual({ model: [1, 784], encoder: [1, 32] });
  });

  test('downloads the PyTorch script with the trained weights beside it', async () => {
    await openExport(page);
    const { script, weights } = scriptAndWeights(
      await downloadExport(page, 'pytorch', 2, 'trained'),
    );
    expect(script.name).toMatch(/-pytorch\.py$/);
    const base = script.name.replace(/-pytorch\.py$/, '');
    expect(weights.name).toBe(`${base}-weights.npz`);
    const text = utf8(script.data);
    expect(text).toContain('class Autoencoder(nn.Module)');
    for (const layer of LAYERS) expect(text).toContain(`self.${layer} = nn.Linear(`);
    // The script loads the file that came with it.
    expect(text).toContain(weights.name);
    expectWeightsNpz(weights);
  });

  test('downloads the Keras script from the host with the trained weights beside it', async () => {
    await openExport(page);
    const { script, weights } = scriptAndWeights(await downloadExport(page, 'keras', 2, 'trained'));
    const base = script.name.replace(/\.py$/, '');
    expect(weights.name).toBe(`${base}-weights.npz`);
    const text = utf8(script.data);
    expect(text).toContain('keras');
    for (const layer of LAYERS) expect(text).toContain(`name="${layer}"`);
    expect(text).toContain(weights.name);
    expectWeightsNpz(weights);
    await screenshot(page, 'export-dialog-keras-trained');
    await page.getByTestId('export-close').click();
  });
});
