import * as tf from '@tensorflow/tfjs';
import type { WinnerCountsReply } from '../../../shared/contract/generativeQueries';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { lifetimeKeep, winnerRuleOf } from '../../../shared/layers/winners';
import type { BuiltModel } from '../model';
import { readScoped } from './scope';
import { passWithUnit } from './unitForward';
import { unitWeightPlans } from './unitWeights';

/**
 * Per unit of a winner-take-all code, on how many samples it wins. A top-k code wins where its
 * value is among the sample's k largest (what the code keeps). A lifetime code keeps each unit's
 * largest values over a batch, so every unit wins equally often by construction; there a win is
 * being among the sample's ceil(rate × units) largest values: the same sparsity seen per sample,
 * which tells units that fire often from ones that rarely do. Reads asynchronously (WebGPU in
 * Node as wasm).
 */
export async function countWinners(
  built: BuiltModel,
  images: Float32Array,
  count: number,
): Promise<Result<WinnerCountsReply>> {
  const code = built.spec.config.layers.find(
    (l) => l.class_name === 'Code' && winnerRuleOf(l.config) !== 'none',
  );
  if (!code)
    return fail(
      'E_UNSUPPORTED',
      "This design's code has no winners. Set the Code's 'Winners take all' to top-k or lifetime.",
    );
  if (images.length !== count * built.inputSize)
    return fail('E_INVALID_MESSAGE', `Each sample needs ${built.inputShape.join('×')} values.`);
  const rule = winnerRuleOf(code.config) as 'top-k' | 'lifetime';
  // The values the code receives: for a lifetime code its output at inference is the same.
  const source = code.inbound_nodes[0]?.[0]?.[0] ?? code.name;
  let units = 0;
  let kept = 0;
  const pictures = featurePictures(built, source);
  const [winners, features] = await readScoped(() => {
    const x = tf.tensor(images, [count, ...built.inputShape]);
    const { layerOut } = passWithUnit(built, x, source, null);
    const flat = tf.reshape(layerOut, [count, -1]) as tf.Tensor2D;
    units = flat.shape[1];
    kept =
      rule === 'top-k'
        ? Math.min(units, Math.max(1, Number(code.config.k ?? 5)))
        : lifetimeKeep(Number(code.config.lifetime_rate ?? 0.05), units);
    // The winners' indices are counted here rather than by summing a one-hot tensor: an int32
    // sum over leading axes does not compile on tfjs-backend-webgpu 4.22 and drops the GPU work.
    const { indices } = tf.topk(flat, kept);
    const feature = pictures?.features(units);
    return feature ? [indices, feature] : [indices];
  });
  const wins = new Float32Array(units);
  for (const unit of winners) wins[unit]++;
  return ok({
    rule,
    kept,
    units,
    wins,
    count,
    features: features ? Float32Array.from(features) : null,
    featureShape: features ? pictures!.shape : null,
    featureDirection: features ? pictures!.direction : null,
    label: built.labelOf(code.name),
  });
}

/**
 * Every unit's feature picture at once: the decoder's weights from it to the pixels where a Dense
 * after the code gives the output, else the encoder's weights into it from the pixels (the same
 * pictures the unit inspector draws for one unit, read from each kernel once). `features` makes
 * the tensor to read (inside a scope), or null when the kernel does not fit the units.
 */
function featurePictures(built: BuiltModel, source: string) {
  const plans = unitWeightPlans(built, source);
  const picture = plans.find((p) => p.direction === 'out') ?? plans[0];
  if (!picture) return null;
  const size = picture.size;
  const features = (units: number): tf.Tensor | null => {
    if (picture.direction === 'out') {
      // The Dense after the code: a kernel [units, pixels], one unit's picture a row.
      const entries = built.spec.config.layers;
      const feeds = (l: { inbound_nodes: [string, ...unknown[]][][] }, name: string) =>
        (l.inbound_nodes[0] ?? []).some((n) => n[0] === name);
      const code = entries.find((l) => l.class_name === 'Code' && feeds(l, source));
      const dense = entries.find(
        (l) => l.class_name === 'Dense' && (feeds(l, source) || (code && feeds(l, code.name))),
      );
      const kernel = dense ? built.model.getLayer(dense.name).getWeights()[0] : undefined;
      // A clone: what the scope disposes must not be the model's own weight.
      return kernel && kernel.size === units * size ? tf.clone(kernel) : null;
    }
    return tf.transpose(built.model.getLayer(source).getWeights()[0]);
  };
  return { features, shape: picture.shape, direction: picture.direction };
}
