import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../shared/compiler';
import { PRESETS } from '../../../shared/presets';
import { buildModel } from '.';
import { loadDigits } from './testing';

let digits: Awaited<ReturnType<typeof loadDigits>>;
beforeAll(async () => {
  await tf.setBackend('cpu');
  digits = await loadDigits(7);
});
afterAll(() => digits.x.dispose());

describe.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', (_id, preset) => {
  it('validates and compiles to a spec', () => {
    const compiled = compileGraph(preset.graph);
    expect(compiled.analysis.diagnostics).toEqual([]);
    expect(compiled.ok).toBe(true);
  });

  it('has the parameter counts of the built tfjs model', () => {
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const { analysis } = compileGraph(preset.graph);
    expect(built.value.model.countParams()).toBe(analysis.totals.total);
    const trainable = built.value.model.trainableWeights.reduce(
      (n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
      0,
    );
    expect(trainable).toBe(analysis.totals.trainable);
    built.value.dispose();
  });

  it('trains one batch of real digits to a finite loss', () => {
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const m = built.value;
    const x = digits.x.slice(0, 64);
    const target =
      m.task === 'classify' ? tf.oneHot(tf.tensor1d(digits.labels.slice(0, 64), 'int32'), 10) : x;
    const optimizer = tf.train.adam(preset.settings.learningRate);
    const losses: number[] = [];
    for (let step = 0; step < 1; step++) {
      const value = optimizer.minimize(
        () => {
          const { output, terms } = m.forward(x, true);
          return Object.values(terms).reduce(
            (sum, t) => tf.add(sum, t),
            m.lossOf(output, target),
          ) as tf.Scalar;
        },
        true,
        m.model.trainableWeights.map((w) => w.read() as tf.Variable),
      );
      losses.push(value!.dataSync()[0]);
      value!.dispose();
    }
    expect(losses.every(Number.isFinite)).toBe(true);
    optimizer.dispose();
    x.dispose();
    if (target !== x) target.dispose();
    m.dispose();
  });
});
