import * as tf from '@tensorflow/tfjs';
import { namedWeights, type FlatWeights } from './flatWeights';

/** Which of the asked layers started from earlier weights, and which could not (and why). */
export interface WarmStartOutcome {
  copied: string[];
  /** "decoder 3: its weights are 784 × 100 now, 784 × 150 before". */
  skipped: string[];
}

/**
 * Starts the named layers of freshly built models from another run's trained weights, matched by
 * weight name ("decoder_1/kernel"), so a design made from part of another (a decoder used as a
 * GAN's generator) trains on from what that part learned. A layer whose weights are missing or of
 * another shape keeps its fresh start and is named in `skipped`.
 */
export function warmStart(
  models: readonly tf.LayersModel[],
  weights: FlatWeights,
  layers: readonly string[],
): WarmStartOutcome {
  const saved = new Map(weights.tensors.map((t) => [t.name, t.shape]));
  const values = namedWeights(weights);
  const outcome: WarmStartOutcome = { copied: [], skipped: [] };
  for (const name of layers) {
    const layer = models.flatMap((m) => m.layers).find((l) => l.name === name);
    if (!layer || layer.weights.length === 0) {
      outcome.skipped.push(`${name}: the new design has no such layer with weights`);
      continue;
    }
    const misfit = layer.weights.find(
      (w) => saved.get(w.originalName)?.join('×') !== w.shape.join('×'),
    );
    if (misfit) {
      const was = saved.get(misfit.originalName);
      outcome.skipped.push(
        was
          ? `${name}: its weights are ${misfit.shape.join(' × ')} now, ${was.join(' × ')} before`
          : `${name}: the earlier run has no weight ${misfit.originalName}`,
      );
      continue;
    }
    const tensors = layer.weights.map((w) =>
      tf.tensor(values[w.originalName], w.shape as number[]),
    );
    layer.setWeights(tensors);
    tf.dispose(tensors);
    outcome.copied.push(name);
  }
  return outcome;
}
