import * as tf from '@tensorflow/tfjs';
import type { KerasLayerSpec, KerasModelSpec } from '../../../../shared/compiler';
import { isNoiseClass } from '../../../../shared/layers/registry';
import { modelFacts, type BuiltModel } from '../../model';
import { makeForward } from '../../model/forward';
import { lossFunction, type LossName } from '../../model/losses';
import type { PhasePlan } from './greedyPlan';

const PHASE_INPUT = 'phase_input';

/**
 * A model of one greedy phase that re-applies the full model's own layer objects: its weights are
 * the full model's, so training it trains them in place, and its trainable weights are only this
 * phase's. It owns no tensors, so disposing it is a no-op (the full model frees the weights).
 */
export function phaseModel(
  full: BuiltModel,
  plan: PhasePlan,
  loss: LossName,
  index: number,
): BuiltModel {
  const byName = new Map(full.spec.config.layers.map((l) => [l.name, l]));
  const layers = new Map(plan.layers.map((name) => [name, full.model.getLayer(name)]));
  // A spec of just this phase, so the shared forward pass computes its extra terms (sparsity) too.
  const entries: KerasLayerSpec[] = [
    {
      class_name: 'InputLayer',
      name: PHASE_INPUT,
      config: { name: PHASE_INPUT, batch_input_shape: [null, ...plan.inputShape] },
      inbound_nodes: [],
    },
    ...plan.layers.map((name, i) => ({
      ...byName.get(name)!,
      inbound_nodes: [
        [
          [i === 0 ? PHASE_INPUT : plan.layers[i - 1], 0, 0, {}] as [
            string,
            number,
            number,
            Record<string, never>,
          ],
        ],
      ],
    })),
  ];
  const last = plan.layers.at(-1)!;
  const spec: KerasModelSpec = {
    ...full.spec,
    config: { ...full.spec.config, name: `phase_${index}`, layers: entries },
    studio: {
      ...full.spec.studio,
      inputLayer: PHASE_INPUT,
      outputLayer: last,
      codeLayer: plan.layers[plan.encoderCount - 1],
      loss,
      inputShape: plan.inputShape,
      classes: null,
    },
  };
  const input = tf.input({ shape: plan.inputShape });
  let output: tf.SymbolicTensor = input;
  for (const name of plan.layers) output = layers.get(name)!.apply(output) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output, name: `phase_${index}` });
  const codeSize = (
    layers.get(plan.layers[plan.encoderCount - 1])!.getOutputAt(0) as tf.SymbolicTensor
  ).shape
    .slice(1)
    .reduce((a: number, b) => a * (b ?? 1), 1);
  return {
    model,
    encoder: model,
    decoder: null,
    codeSize,
    task: 'reconstruct',
    loss,
    hasNoise: entries.some((e) => isNoiseClass(e.class_name)),
    spec,
    ...modelFacts(spec),
    firstLayerKernel: () => null,
    forward: makeForward(spec, layers),
    lossOf: lossFunction(loss),
    dispose: () => undefined,
  };
}
