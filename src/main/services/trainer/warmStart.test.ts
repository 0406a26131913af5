import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { flattenWeights } from '../../../../test/syncWeights';
import { warmStart } from './warmStart';

/** A little decoder: code -> dec_a (4) -> dec_b (out), seeded differently each time. */
function decoder(code: number, out: number, seed: number): tf.LayersModel {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: s });
  return tf.sequential({
    layers: [
      tf.layers.dense({
        name: 'dec_a',
        units: 4,
        inputShape: [code],
        kernelInitializer: init(seed),
      }),
      tf.layers.dense({ name: 'dec_b', units: out, kernelInitializer: init(seed + 1) }),
    ],
  });
}

describe('warm start from an earlier run', () => {
  it("starts the named layers from the earlier run's weights, and leaves the others fresh", () => {
    const trained = decoder(3, 5, 1);
    const fresh = decoder(3, 5, 7);
    const other = tf.sequential({
      layers: [tf.layers.dense({ name: 'judge', units: 1, inputShape: [5] })],
    });
    const judgeBefore = other.getWeights()[0].arraySync();
    const outcome = warmStart([fresh, other], flattenWeights(trained), ['dec_a', 'dec_b']);
    expect(outcome).toEqual({ copied: ['dec_a', 'dec_b'], skipped: [] });
    const x = tf.ones([2, 3]);
    expect((fresh.predict(x) as tf.Tensor).arraySync()).toEqual(
      (trained.predict(x) as tf.Tensor).arraySync(),
    );
    expect(other.getWeights()[0].arraySync()).toEqual(judgeBefore);
  });

  it('keeps a layer whose shape changed fresh and says why', () => {
    const trained = decoder(3, 5, 1);
    const wider = decoder(3, 6, 7);
    const before = wider.getLayer('dec_b').getWeights()[0].arraySync();
    const outcome = warmStart([wider], flattenWeights(trained), ['dec_a', 'dec_b', 'gone']);
    expect(outcome.copied).toEqual(['dec_a']);
    expect(outcome.skipped).toEqual([
      'dec_b: its weights are 4 × 6 now, 4 × 5 before',
      'gone: the new design has no such layer with weights',
    ]);
    expect(wider.getLayer('dec_b').getWeights()[0].arraySync()).toEqual(before);
  });
});
