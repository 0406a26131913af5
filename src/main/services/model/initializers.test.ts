import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParamValue } from '../../../shared/graph/document';
import { graphOf, input, output, type Step } from '../../../shared/presets/build';
import { buildModel, type BuiltModel } from '.';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const build = (steps: Step[], seed?: number): BuiltModel => {
  const built = buildModel(graphOf(steps), seed);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
};

const init = (kernelInitializer: string): Record<string, ParamValue> => ({
  kernelInitializer,
  initStddev: 0.1,
});

/** A large Dense layer (784 -> 784), so the sample statistics sit close to the distribution's. */
const wideDense = (kernelInitializer: string) => [
  input(),
  { id: 'd', kind: 'Dense' as const, params: { units: 784, ...init(kernelInitializer) } },
  output('mse'),
];

const conv = (kind: 'Conv2D' | 'Conv2DTranspose', kernelInitializer: string) => [
  input([28, 28, 16]),
  { id: 'c', kind, params: { filters: 16, kernelSize: 5, strides: 1, ...init(kernelInitializer) } },
  output('mse'),
];

const stats = (values: Float32Array) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  const largest = values.reduce((a, b) => Math.max(a, Math.abs(b)), 0);
  return { mean, std: Math.sqrt(variance), largest };
};

/** The kernel and the bias of the model's one layer, and its parameter count. */
const weightsOf = (m: BuiltModel) => {
  const [kernel, bias] = m.model.getWeights();
  return {
    kernel: kernel.dataSync() as Float32Array,
    bias: bias.dataSync() as Float32Array,
    count: m.model.countParams(),
  };
};

const GLOROT_LIMIT = Math.sqrt(6 / (784 + 784));
const HE_STD = Math.sqrt(2 / 784);

describe('initial weights of a layer', () => {
  it.each([
    // [choice, expected std, largest allowed |w|]
    ['glorotUniform', GLOROT_LIMIT / Math.sqrt(3), GLOROT_LIMIT],
    // He normal is a normal cut at two of its (widened) standard deviations, as in Keras.
    ['heNormal', HE_STD, (2 * HE_STD) / 0.87962566103423978],
    ['randomNormal', 0.1, Infinity],
  ])('%s draws a Dense kernel with mean 0 and the standard deviation %f', (choice, std, bound) => {
    const m = build(wideDense(choice), 42);
    const { kernel, bias, count } = weightsOf(m);
    const s = stats(kernel);
    expect(Math.abs(s.mean)).toBeLessThan(0.02 * std);
    expect(s.std / std).toBeGreaterThan(0.98);
    expect(s.std / std).toBeLessThan(1.02);
    expect(s.largest).toBeLessThanOrEqual(bound);
    expect(bias.every((v) => v === 0)).toBe(true);
    expect(count).toBe(784 * 784 + 784);
    m.dispose();
  });

  it('zeros starts every kernel weight and bias at exactly 0', () => {
    for (const steps of [
      wideDense('zeros'),
      conv('Conv2D', 'zeros'),
      conv('Conv2DTranspose', 'zeros'),
    ]) {
      const m = build(steps, 42);
      const { kernel, bias } = weightsOf(m);
      expect(kernel.every((v) => v === 0)).toBe(true);
      expect(bias.every((v) => v === 0)).toBe(true);
      m.dispose();
    }
  });

  it.each(['Conv2D', 'Conv2DTranspose'] as const)(
    '%s draws its kernel from N(0, 0.1) and He normal from its fan in, counting the same parameters',
    (kind) => {
      const normal = build(conv(kind, 'randomNormal'), 42);
      const s = stats(weightsOf(normal).kernel);
      expect(Math.abs(s.mean)).toBeLessThan(0.005);
      expect(s.std).toBeCloseTo(0.1, 2);
      const he = build(conv(kind, 'heNormal'), 42);
      // A 5×5 window over 16 channels: a fan in of 400 either way round.
      const fanIn = 5 * 5 * 16;
      expect(stats(weightsOf(he).kernel).std / Math.sqrt(2 / fanIn)).toBeCloseTo(1, 1);
      const glorot = build(conv(kind, 'glorotUniform'), 42);
      expect(weightsOf(normal).count).toBe(weightsOf(glorot).count);
      expect(weightsOf(he).count).toBe(5 * 5 * 16 * 16 + 16);
      for (const m of [normal, he, glorot]) m.dispose();
    },
  );

  it.each(['glorotUniform', 'heNormal', 'randomNormal'])(
    '%s gives the same starting weights for the same seed and others for another seed',
    (choice) => {
      const a = build(wideDense(choice), 7);
      const b = build(wideDense(choice), 7);
      const c = build(wideDense(choice), 8);
      // Counted rather than compared with toEqual, which takes seconds over 614,656 values.
      const differ = (x: BuiltModel, y: BuiltModel) => {
        const [p, q] = [weightsOf(x).kernel, weightsOf(y).kernel];
        return p.reduce((n, v, i) => n + (v === q[i] ? 0 : 1), 0);
      };
      expect(differ(a, b)).toBe(0);
      expect(differ(a, c)).toBeGreaterThan(600_000);
      for (const m of [a, b, c]) m.dispose();
    },
  );
});
