import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type * as Ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { encodeNpy, encodeNpz } from '../../src/main/services/export/npz';
import { onnxModels } from '../../src/main/services/export/onnx';
import { buildModel } from '../../src/main/services/model';
import { flattenWeights } from '../syncWeights';
import { exportKerasScript } from '../../src/shared/export/keras';
import { exportPytorchScript, pytorchWeightArrays } from '../../src/shared/export/pytorch';
import type { GraphDocument } from '../../src/shared/graph/document';
import { getPreset } from '../../src/shared/presets';
import { dense, graphOf, input, output, settings } from '../../src/shared/presets/build';
import { maxDifference, readNpz, runPython, torchPython } from './torchPython';

const ort = createRequire(import.meta.url)('onnxruntime-node') as typeof Ort;
const SAMPLES = 16;
let digits: Float32Array;

beforeAll(async () => {
  await tf.setBackend('cpu');
  digits = (await loadBalancedDigits(SAMPLES)).images;
});

const topK = (k: number): GraphDocument =>
  graphOf([
    input(),
    dense('enc', 48, 'relu', 'encoder'),
    { id: 'code', kind: 'Code', name: 'code', params: { winners: 'top-k', k } },
    dense('dec', 784, 'sigmoid', 'decoder'),
    output(),
  ]);

const lifetimeDesign: GraphDocument = graphOf([
  input(),
  dense('enc', 48, 'relu', 'encoder'),
  { id: 'code', kind: 'Code', name: 'code', params: { winners: 'lifetime', lifetimeRate: 0.05 } },
  dense('dec', 784, 'sigmoid', 'decoder'),
  output(),
]);

/** Every weight moved off its start (biases start at zero, which would hide a misplaced one). */
function perturb(model: tf.LayersModel): void {
  tf.tidy(() => {
    for (const w of model.weights)
      w.write(tf.add(w.read(), tf.randomNormal(w.shape as number[], 0, 0.05, 'float32', 7)));
  });
}

describe('winner-take-all exports', () => {
  it('writes a top-k code to ONNX with TopK, and onnxruntime keeps the same k values as the app', async () => {
    const built = buildModel(topK(6));
    if (!built.ok) throw new Error(built.error.message);
    const m = built.value;
    perturb(m.model);
    const x = tf.tensor2d(digits, [SAMPLES, 784]);
    const files = await onnxModels(m, topK(6));
    if (!files.ok) throw new Error(files.error.message);
    for (const part of ['model', 'encoder']) {
      const file = files.value.find((f) => f.part === part)!;
      const session = await ort.InferenceSession.create(file.bytes);
      const out = await session.run({
        [session.inputNames[0]]: new ort.Tensor('float32', digits, [SAMPLES, 784]),
      });
      const got = out[session.outputNames[0]].data as Float32Array;
      const want = ((part === 'model' ? m.model : m.encoder).predict(x) as tf.Tensor).dataSync();
      expect(maxDifference(got, want as Float32Array), part).toBeLessThan(1e-5);
      if (part === 'encoder')
        for (let r = 0; r < SAMPLES; r++)
          expect(got.slice(r * 48, (r + 1) * 48).filter((v) => v !== 0).length).toBe(6);
      await session.release();
    }
    x.dispose();
    m.dispose();
  });

  it('writes the option into the Keras script as the Code class reads it', () => {
    const script = exportKerasScript(topK(6), settings());
    if (!script.ok) throw new Error(script.error.message);
    expect(script.value).toContain('winners="top-k", k=6');
    expect(script.value).toContain('def keep_winners(self, h, training):');
    const lifetime = exportKerasScript(lifetimeDesign, settings());
    if (!lifetime.ok) throw new Error(lifetime.error.message);
    expect(lifetime.value).toContain('winners="lifetime", lifetime_rate=0.05');
  });

  it.each([
    ['top-k design', topK(6)],
    ['wta preset', getPreset('wta')!.graph],
  ])(
    'runs the PyTorch script of the %s in torch and predicts what the app predicts',
    (label, graph) => {
      const python = torchPython();
      const dir = mkdtempSync(join(tmpdir(), 'winners-torch-'));
      const built = buildModel(graph);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      perturb(m.model);
      const arrays = pytorchWeightArrays(flattenWeights(m.model));
      if (!arrays.ok) throw new Error(arrays.error.message);
      writeFileSync(join(dir, 'weights.npz'), encodeNpz(arrays.value));
      writeFileSync(join(dir, 'digits.npy'), encodeNpy(digits, [SAMPLES, 784]));
      const script = exportPytorchScript(graph, settings(), {
        title: label,
        weightsFile: 'weights.npz',
      });
      if (!script.ok) throw new Error(script.error.message);
      writeFileSync(join(dir, 'model.py'), script.value);
      const x = tf.tensor2d(digits, [SAMPLES, 784]);
      const want = (m.model.predict(x) as tf.Tensor).dataSync() as Float32Array;
      const wantCode = (m.encoder.predict(x) as tf.Tensor).dataSync() as Float32Array;
      x.dispose();
      m.dispose();
      const run = runPython(python, ['model.py', '--predict', 'digits.npy', 'out.npz'], dir);
      expect(run.stderr + (existsSync(join(dir, 'out.npz')) ? '' : ' (no out.npz)')).not.toMatch(
        /Traceback|no out\.npz/,
      );
      const got = readNpz(join(dir, 'out.npz'));
      expect(maxDifference(got.output.data, want)).toBeLessThan(1e-5);
      expect(maxDifference(got.code.data, wantCode)).toBeLessThan(1e-5);
      expect(readFileSync(join(dir, 'model.py'), 'utf8')).toMatch(/keep_(top_k|lifetime)\(/);
    },
  );
});
