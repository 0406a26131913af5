import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/compiler/analyze';
import { getPreset } from '../../../shared/presets';
import { decoderPlan, encoderPlan } from '../../../shared/report/plan';
import { createForward } from '../../../shared/report/runtime';
import { buildModel } from '../model';
import { flattenWeights } from '../../../../test/syncWeights';
import { namedWeights } from '../trainer/flatWeights';

const forward = createForward();

function random(n: number, seed: number, scale = 1): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * scale;
  });
}

describe('the report runtime (pure JavaScript, embedded in the report)', () => {
  for (const id of ['vae', 'latent2d', 'tied', 'conv-upsampling', 'conv-transpose', 'stacked']) {
    it(`decodes and encodes like the app's tfjs models (${id})`, () => {
      const preset = getPreset(id)!;
      const built = buildModel(preset.graph, 7);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      // Biases start at zero; give them values so a wrong bias index shows.
      m.model.setWeights(
        m.model
          .getWeights()
          .map((w, i) => tf.add(w, tf.tensor(random(w.size, i + 3, 0.05), w.shape))),
      );
      const weights = namedWeights(flattenWeights(m.model));
      const dec = decoderPlan(m.spec, analyzeGraph(preset.graph));
      expect(dec.ok).toBe(true);
      if (!dec.ok) return;
      const count = 3;
      const codeSize = dec.value.inputShape.reduce((a, b) => a * b, 1);
      const points = random(count * codeSize, 11, 2);
      const ours = forward(dec.value, weights, points, count);
      const theirs = (
        m.decoder!.predict(tf.tensor([...points], [count, ...dec.value.inputShape])) as tf.Tensor
      ).dataSync();
      expect(ours.length).toBe(theirs.length);
      let worst = 0;
      for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
      expect(worst).toBeLessThan(1e-5);

      const enc = encoderPlan(m.spec, analyzeGraph(preset.graph));
      expect(enc.ok).toBe(true);
      if (!enc.ok) return;
      const images = random(count * 784, 5);
      const codes = forward(enc.value, weights, images, count);
      const tfCodes = (
        m.encoder.predict(tf.tensor2d(images, [count, 784])) as tf.Tensor
      ).dataSync();
      let worstCode = 0;
      for (let i = 0; i < codes.length; i++)
        worstCode = Math.max(worstCode, Math.abs(codes[i] - tfCodes[i]));
      expect(worstCode).toBeLessThan(1e-4);
      m.dispose();
    });
  }
});
