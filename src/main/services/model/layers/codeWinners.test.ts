import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../../../../shared/presets';
import { dense, graphOf, input, output } from '../../../../shared/presets/build';
import { loadBalancedDigits } from '../../data/mnist';
import { buildModel } from '..';
import { Code } from './code';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const topKDesign = (k: number) =>
  graphOf([
    input(),
    dense('enc', 64, 'sigmoid', 'encoder'),
    { id: 'code', kind: 'Code', name: 'code', params: { winners: 'top-k', k } },
    dense('dec', 784, 'sigmoid', 'decoder'),
    output(),
  ]);

const nonZeroPerRow = (t: tf.Tensor2D): number[] => {
  const [rows, cols] = t.shape;
  const v = t.dataSync();
  return Array.from({ length: rows }, (_, r) => {
    let n = 0;
    for (let c = 0; c < cols; c++) if (v[r * cols + c] !== 0) n++;
    return n;
  });
};

describe('winner-take-all code', () => {
  it('keeps exactly k non-zero code values per digit, at inference too', async () => {
    const built = buildModel(topKDesign(5));
    if (!built.ok) throw new Error(built.error.message);
    const digits = await loadBalancedDigits(40);
    const codes = built.value.encoder.predict(tf.tensor2d(digits.images, [40, 784])) as tf.Tensor2D;
    expect(codes.shape).toEqual([40, 64]);
    expect(nonZeroPerRow(codes)).toEqual(new Array(40).fill(5));
    built.value.dispose();
  });

  it('keeps, per unit over a training batch, at most ceil(rate × batch) values, and passes the code whole at inference', () => {
    const layer = new Code({ winners: 'lifetime', lifetimeRate: 0.05 });
    const h = tf.randomUniform([50, 30], 0.1, 1, 'float32', 3);
    const trained = layer.apply(h, { training: true }) as tf.Tensor2D;
    const perUnit = nonZeroPerRow(tf.transpose(trained) as tf.Tensor2D);
    expect(perUnit).toEqual(new Array(30).fill(Math.ceil(0.05 * 50)));
    const kept = trained.dataSync();
    const original = h.dataSync();
    // The kept values are each unit's largest, unchanged.
    for (let u = 0; u < 30; u++) {
      const column = Array.from({ length: 50 }, (_, r) => original[r * 30 + u]).sort(
        (a, b) => b - a,
      );
      const keptColumn = Array.from({ length: 50 }, (_, r) => kept[r * 30 + u]).filter(
        (v) => v !== 0,
      );
      expect(keptColumn.sort((a, b) => b - a)).toEqual(column.slice(0, 3));
    }
    const inference = layer.apply(h, { training: false }) as tf.Tensor;
    expect(Array.from(inference.dataSync())).toEqual(Array.from(original));
  });

  it('breaks ties at the k-th value by the lower index, as top_k and ONNX TopK do, and keeps k', () => {
    const layer = new Code({ winners: 'top-k', k: 3 });
    const h = tf.tensor2d([
      [0.5, 0.2, 0.5, 0.9, 0.5, 0],
      [0, 0.4, 0, 0, 0, 0],
      [0.7, 0.7, 0.7, 0.7, 0.1, 0.7],
    ]);
    const kept = layer.apply(h, { training: false }) as tf.Tensor2D;
    expect(Array.from(kept.dataSync())).toEqual(
      [
        [0.5, 0, 0.5, 0.9, 0, 0],
        [0, 0.4, 0, 0, 0, 0],
        [0.7, 0.7, 0.7, 0, 0, 0],
      ]
        .flat()
        .map(Math.fround),
    );
  });

  it('lets the gradient through the winners only', () => {
    const layer = new Code({ winners: 'top-k', k: 3 });
    const h = tf.tensor2d([
      [0.1, 0.9, 0.3, 0.7, 0.5, 0.2],
      [0.6, 0.1, 0.8, 0.2, 0.4, 0.9],
    ]);
    const grad = tf.grad((x: tf.Tensor) => tf.sum(layer.apply(x, { training: true }) as tf.Tensor))(
      h,
    );
    expect(Array.from(grad.dataSync())).toEqual([0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1]);
  });

  it('builds the wta preset with its top-25 rule', () => {
    const preset = getPreset('wta')!;
    const code = preset.graph.nodes.find((n) => n.kind === 'Code')!;
    expect(code.params).toMatchObject({ winners: 'top-k', k: 25 });
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const layer = built.value.model.layers.find((l) => l instanceof Code) as Code;
    expect(layer.winners).toBe('top-k');
    expect(layer.k).toBe(25);
    built.value.dispose();
  });
});
