import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../../../shared/presets';
import { graphOf, input, output, dense } from '../../../shared/presets/build';
import { buildModel, loadModel, type BuiltModel } from '.';
import { Code } from './layers/code';
import { Sampling } from './layers/sampling';
import { TiedDense } from './layers/tiedDense';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const build = (doc: Parameters<typeof buildModel>[0]): BuiltModel => {
  const built = buildModel(doc);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
};

const close = (a: tf.Tensor, b: tf.Tensor, tolerance = 1e-5) => {
  const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
  expect(diff).toBeLessThan(tolerance);
};

describe('Sampling', () => {
  it('gives beta times the closed-form KL divergence of its inputs', () => {
    const layer = new Sampling({ beta: 0.5 });
    const mean = tf.tensor2d([
      [0.5, -1],
      [0, 2],
    ]);
    const logVar = tf.tensor2d([
      [0.1, -0.3],
      [0, 1],
    ]);
    const m = mean.arraySync();
    const lv = logVar.arraySync();
    let expected = 0;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++)
        expected += -0.5 * (1 + lv[i][j] - m[i][j] ** 2 - Math.exp(lv[i][j]));
    }
    expected = (0.5 * expected) / 2;
    expect(layer.klTerm(mean, logVar).dataSync()[0]).toBeCloseTo(expected, 5);
  });

  it('samples around the mean while training and gives the mean otherwise', () => {
    const layer = new Sampling({});
    const mean = tf.fill([2000, 1], 3);
    const logVar = tf.fill([2000, 1], Math.log(4));
    const z = layer.apply([mean, logVar], { training: true }) as tf.Tensor;
    const { mean: mu, variance } = tf.moments(z);
    expect(mu.dataSync()[0]).toBeCloseTo(3, 0);
    expect(variance.dataSync()[0]).toBeGreaterThan(3);
    expect(variance.dataSync()[0]).toBeLessThan(5);
    close(layer.apply([mean, logVar], { training: false }) as tf.Tensor, mean);
  });
});

describe('Code penalties', () => {
  it('gives the KL sparsity term of its closed form', () => {
    const code = new Code({ sparsity: 'kl', sparsityWeight: 0.2, targetRate: 0.1 });
    const h = tf.tensor2d([
      [0.2, 0.05],
      [0.4, 0.15],
    ]);
    const rhoHat = [0.3, 0.1];
    const kl = (p: number, q: number) =>
      p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
    const expected = 0.2 * (kl(0.1, rhoHat[0]) + kl(0.1, rhoHat[1]));
    expect(code.sparsityTerm(h)!.dataSync()[0]).toBeCloseTo(expected, 5);
  });

  it('gives the L1 term as the weighted batch mean of summed absolute values', () => {
    const code = new Code({ sparsity: 'l1', sparsityWeight: 0.01 });
    const h = tf.tensor2d([
      [1, -2],
      [3, 0],
    ]);
    expect(code.sparsityTerm(h)!.dataSync()[0]).toBeCloseTo((0.01 * (3 + 3)) / 2, 6);
  });

  it('gives the contractive term as the squared norm of the Jacobian computed by tf.grad', () => {
    const code = new Code({ contractiveWeight: 0.3 });
    const kernel = tf.randomNormal([5, 3], 0, 1, 'float32', 7);
    const bias = tf.randomNormal([3], 0, 1, 'float32', 8);
    const xs = tf.randomNormal([4, 5], 0, 1, 'float32', 9);
    const encode = (x: tf.Tensor) => tf.sigmoid(tf.add(tf.matMul(x, kernel), bias));
    let expected = 0;
    for (let n = 0; n < 4; n++) {
      const x = xs.slice([n, 0], [1, 5]);
      for (let j = 0; j < 3; j++) {
        const row = tf.grad((v: tf.Tensor) => encode(v).slice([0, j], [1, 1]).sum())(x);
        expected += tf.sum(tf.square(row)).dataSync()[0];
      }
    }
    expected = (0.3 * expected) / 4;
    const got = code.contractiveTerm(encode(xs), kernel, 'sigmoid')!.dataSync()[0];
    expect(got).toBeCloseTo(expected, 5);
  });

  it('reports each term of a graph by name in the forward pass', () => {
    for (const [id, term] of [
      ['sparse-kl', 'sparsity'],
      ['contractive', 'contractive'],
      ['vae', 'kl'],
    ]) {
      const m = build(getPreset(id)!.graph);
      const { terms } = m.forward(tf.randomUniform([3, 784]), true);
      expect(Object.keys(terms)).toEqual([term]);
      expect(Number.isFinite(terms[term].dataSync()[0])).toBe(true);
      m.dispose();
    }
  });
});

describe('TiedDense', () => {
  const tied = () => build(getPreset('tied')!.graph);

  it("follows its partner's kernel: changing the kernel changes its output", () => {
    const m = tied();
    const layer = m.model.layers.find((l) => l instanceof TiedDense) as TiedDense;
    const x = tf.randomUniform([2, 150]);
    const before = layer.apply(x) as tf.Tensor;
    const kernel = layer.partner!.getWeights()[0];
    layer.partner!.setWeights([tf.mul(kernel, 2), layer.partner!.getWeights()[1]]);
    const after = layer.apply(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(before, after))).dataSync()[0]).toBeGreaterThan(1e-3);
    m.dispose();
  });

  it('sends its gradient to the shared kernel', () => {
    const m = tied();
    const layer = m.model.layers.find((l) => l instanceof TiedDense) as TiedDense;
    const kernel = layer.partner!.trainableWeights[0].read() as tf.Variable;
    const x = tf.randomUniform([2, 150]);
    const { grads } = tf.variableGrads(
      () => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar,
      [kernel],
    );
    expect(tf.sum(tf.abs(grads[kernel.name])).dataSync()[0]).toBeGreaterThan(0);
    m.dispose();
  });
});

describe('save and reload', () => {
  it.each(['tied', 'vae', 'sparse-kl', 'denoising-gaussian', 'conv-upsampling'])(
    'a saved %s model loads back and gives the same outputs',
    async (id) => {
      const m = build(getPreset(id)!.graph);
      let artifacts: tf.io.ModelArtifacts | null = null;
      await m.model.save(
        tf.io.withSaveHandler(async (a) => {
          artifacts = a;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const loaded = await loadModel(tf.io.fromMemory(artifacts!));
      const x = tf.randomUniform([3, 784], 0, 1, 'float32', 3);
      close(loaded.predict(x) as tf.Tensor, m.model.predict(x) as tf.Tensor);
      m.dispose();
    },
  );
});

describe('encoder and decoder', () => {
  it('share the weights: decoding the code gives the model output', () => {
    const m = build(getPreset('default')!.graph);
    const x = tf.randomUniform([2, 784]);
    const code = m.encoder.predict(x) as tf.Tensor;
    expect(code.shape).toEqual([2, m.codeSize]);
    close(m.decoder!.predict(code) as tf.Tensor, m.model.predict(x) as tf.Tensor);
    expect(m.firstLayerKernel()!.shape).toEqual([784, 128]);
    m.dispose();
  });

  it('has no decoder for a classifier and counts its frozen encoder as non-trainable', () => {
    const m = build(getPreset('classifier-reuse')!.graph);
    expect(m.decoder).toBeNull();
    expect(m.task).toBe('classify');
    expect(m.model.trainableWeights.map((w) => w.shape)).toEqual([[32, 10], [10]]);
    m.dispose();
  });

  it('applies noise only while training and reports the corrupted input', () => {
    const doc = graphOf([
      input(),
      { id: 'n', kind: 'SaltAndPepperNoise', params: { rate: 0.5 } },
      dense('d', 784, 'sigmoid'),
      output(),
    ]);
    const m = build(doc);
    const x = tf.fill([2, 784], 0.5);
    expect(m.forward(x, false).corrupted).toBeNull();
    const { corrupted } = m.forward(x, true);
    const values = corrupted!.dataSync();
    expect(values.some((v) => v === 0 || v === 1)).toBe(true);
    expect(values.some((v) => v === 0.5)).toBe(true);
    m.dispose();
  });
});
