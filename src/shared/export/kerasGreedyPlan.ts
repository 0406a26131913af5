/**
 * The phases of greedy layer-wise training from the compiled spec alone, as the trainer plans them
 * (src/main/services/trainer/procedures/greedyPlan.ts): a straight line of layers split into nested
 * encoder/decoder pairs, outside in. Shapes come from the graph analysis, not from a built model.
 */
import type { GraphAnalysis, KerasModelSpec } from '../compiler';
import type { GreedyProcedure } from '../contract/training';

export interface KerasPhase {
  label: string;
  /** Keras names of the phase's layers, input to output: its encoder part, then its decoder part. */
  layers: string[];
  /** How many of `layers` are the encoder part: their outputs are the next phase's input. */
  encoderCount: number;
  /** The phase's input shape: the images, or the codes of the pair outside it. */
  inputShape: number[];
  /** The phase's own epochs; absent, the Epochs setting. */
  epochs?: number;
}

export type KerasPhasePlan = { ok: true; phases: KerasPhase[] } | { ok: false; reason: string };

/** The phases of `procedure`, or why the graph cannot be trained that way (said in the script). */
export function planKerasPhases(
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  procedure: GreedyProcedure,
): KerasPhasePlan {
  const { studio } = spec;
  if (studio.task !== 'reconstruct')
    return { ok: false, reason: 'greedy training needs an autoencoder, not a classifier' };
  const chain = spec.config.layers.filter((l) => l.class_name !== 'InputLayer');
  for (const [i, layer] of chain.entries()) {
    const sources = layer.inbound_nodes[0] ?? [];
    const expected = i === 0 ? studio.inputLayer : chain[i - 1].name;
    if (sources.length !== 1 || sources[0][0] !== expected)
      return { ok: false, reason: `the layers are not one straight line (at '${layer.name}')` };
  }
  const shapeOf = (layer: string): number[] | null =>
    analysis.nodes[studio.nodeOfLayer[layer]]?.shape ?? null;
  const indexOf = (id: string) => chain.findIndex((l) => l.name === studio.layerOfNode[id]);
  const phases: KerasPhase[] = [];
  let [outerEncoder, outerDecoder] = [-1, chain.length];
  for (const [k, phase] of procedure.phases.entries()) {
    const [encoder, decoder] = [indexOf(phase.encoderNodeId), indexOf(phase.decoderNodeId)];
    if (encoder < 0 || decoder < 0)
      return { ok: false, reason: `phase '${phase.label}' names a layer the model does not have` };
    if (encoder <= outerEncoder || decoder >= outerDecoder || encoder >= decoder)
      return { ok: false, reason: `phase '${phase.label}' is not nested inside the one before` };
    const innermost = k === procedure.phases.length - 1;
    const layers = [
      ...chain.slice(outerEncoder + 1, encoder + 1),
      ...chain.slice(innermost ? encoder + 1 : decoder, outerDecoder),
    ].map((l) => l.name);
    const inputShape =
      outerEncoder < 0 ? shapeOf(studio.inputLayer) : shapeOf(chain[outerEncoder].name);
    const gives = shapeOf(layers.at(-1)!);
    if (!inputShape || !gives || inputShape.join() !== gives.join())
      return { ok: false, reason: `phase '${phase.label}' does not give back what it takes in` };
    phases.push({
      label: phase.label,
      layers,
      encoderCount: encoder - outerEncoder,
      inputShape,
      epochs: phase.epochs,
    });
    [outerEncoder, outerDecoder] = [encoder, decoder];
  }
  return { ok: true, phases };
}
