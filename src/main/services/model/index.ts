import * as tf from '@tensorflow/tfjs';
import { compileGraph, type KerasModelSpec } from '../../../shared/compiler';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import { isNoiseClass } from '../../../shared/layers/registry';
import { assemble } from './assemble';
import { makeForward } from './forward';
import { registerCustomLayers } from './layers/register';
import { linkTiedLayers } from './layers/tiedDense';
import { lossFunction, type LossName } from './losses';

export { registerCustomLayers } from './layers/register';
export { TiedDense, linkTiedLayers } from './layers/tiedDense';
export { Sampling } from './layers/sampling';
export { Code } from './layers/code';
export { MaskingNoise, SaltAndPepperNoise } from './layers/noise';

export interface BuiltModel {
  /** input -> the Output node's tensor */
  model: tf.LayersModel;
  /** input -> code (inference mode) */
  encoder: tf.LayersModel;
  /** code -> output, sharing weights; null when the graph has no separable decoder */
  decoder: tf.LayersModel | null;
  /** flat size of the code */
  codeSize: number;
  /** classify when the graph ends in a ClassifierHead */
  task: 'reconstruct' | 'classify';
  loss: LossName;
  hasNoise: boolean;
  /** The spec the model was built from (for exports). */
  spec: KerasModelSpec;
  /** The input shape without the batch dimension, and how many values that is. */
  inputShape: number[];
  inputSize: number;
  /** How many classes a classifier tells apart; null when the model reconstructs. */
  classes: number | null;
  /** The name a person gave a layer's node, for messages. */
  labelOf(layerName: string): string;
  /** [inputSize, units] of the first Dense, for the feature images; a copy the caller disposes. */
  firstLayerKernel(): tf.Tensor2D | null;
  /** One forward pass. training=true applies noise/dropout. Call it inside tf.tidy/variableGrads. */
  forward(
    x: tf.Tensor,
    training: boolean,
  ): { output: tf.Tensor; corrupted: tf.Tensor | null; terms: Record<string, tf.Scalar> };
  /** The reconstruction (or classification) loss as a scalar mean over the batch. */
  lossOf(output: tf.Tensor, target: tf.Tensor): tf.Scalar;
  dispose(): void;
}

/** What a built model tells the trainer about itself, read from its spec, never from the graph. */
export function modelFacts(
  spec: KerasModelSpec,
): Pick<BuiltModel, 'inputShape' | 'inputSize' | 'classes' | 'labelOf'> {
  const { inputShape, classes, labelOfLayer } = spec.studio;
  return {
    inputShape,
    inputSize: inputShape.reduce((a, b) => a * b, 1),
    classes,
    labelOf: (layerName) => labelOfLayer[layerName] ?? layerName,
  };
}

/**
 * Compiles a graph and builds its tfjs model, encoder and decoder; an invalid graph is an error.
 * With a seed (the run's), the starting weights are the same on every build.
 */
export function buildModel(doc: GraphDocument, seed?: number): Result<BuiltModel> {
  const compiled = compileGraph(doc);
  if (!compiled.ok) {
    const first = compiled.analysis.diagnostics.find((d) => d.severity === 'error');
    return fail(
      'E_INVALID_GRAPH',
      first?.message ?? 'The model graph is empty.',
      compiled.analysis.diagnostics,
    );
  }
  const { spec, analysis } = compiled;
  try {
    const { model, encoder, decoder, layers } = assemble(spec, seed);
    const codeShape = analysis.codeNodeId ? analysis.nodes[analysis.codeNodeId].shape : null;
    const firstDense = spec.config.layers.find((l) => l.class_name === 'Dense');
    const loss = lossFunction(spec.studio.loss);
    return ok({
      model,
      encoder,
      decoder,
      codeSize: (codeShape ?? []).reduce((a, b) => a * b, 1),
      task: spec.studio.task,
      loss: spec.studio.loss,
      hasNoise: spec.config.layers.some((l) => isNoiseClass(l.class_name)),
      spec,
      ...modelFacts(spec),
      firstLayerKernel: () => {
        const layer = firstDense ? layers.get(firstDense.name) : undefined;
        const kernel = layer?.weights[0]?.read();
        return kernel && kernel.rank === 2 ? (tf.clone(kernel) as tf.Tensor2D) : null;
      },
      forward: makeForward(spec, layers),
      lossOf: loss,
      // The three models share layers, and tfjs counts a layer's uses per call, not per model:
      // disposing the variables once frees everything.
      dispose: () => {
        for (const weight of model.weights) weight.dispose();
      },
    });
  } catch (error) {
    return fail('E_INTERNAL', `The model could not be built: ${String(error)}`);
  }
}

/** Loads a model saved with model.save, with the studio's layers registered and tied layers linked. */
export async function loadModel(handler: tf.io.IOHandler): Promise<tf.LayersModel> {
  registerCustomLayers();
  const model = await tf.loadLayersModel(handler);
  linkTiedLayers(model);
  return model;
}
