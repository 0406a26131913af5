/**
 * The one planner of greedy layer-wise training, over the compiled spec: the trainer, the Keras
 * script and the PyTorch script all split a design with it, so they cannot disagree. A straight
 * line of layers is split into the nested encoder/decoder pairs a procedure names, outside in.
 */
import type { GreedyProcedure } from '../contract/training';
import type { KerasLayerSpec, KerasModelSpec } from './spec';
import type { GraphAnalysis } from './types';

/** One phase: which layers of the full model it trains, in order. */
export interface GreedyPhase {
  label: string;
  /** Keras names of the phase's layers, input to output: its encoder part, then its decoder part. */
  layers: string[];
  /** How many of `layers` are its encoder part: their outputs are the next phase's input. */
  encoderCount: number;
  /** Shape of the phase's input (without the batch dimension): the images, or the codes before it. */
  inputShape: number[];
  /** The phase's own epochs; absent, the Epochs setting. */
  epochs?: number;
}

/** Why a design cannot be trained this way; each caller words it for its reader. */
export type GreedyPlanFailure =
  | { code: 'task' }
  /** The layers branch (or do not end at the output) at this layer. */
  | { code: 'chain'; at: string }
  | { code: 'node'; phase: string; side: 'encoder' | 'decoder'; nodeId: string }
  /** Not nested inside the phase before it (null: its encoder comes after its decoder). */
  | { code: 'order'; phase: string; previous: string | null }
  /** The pair does not give back what the phase takes in. */
  | {
      code: 'mirror';
      phase: string;
      /** The phase's first layer, and its decoder layer. */
      first: string;
      decoder: string;
      takes: number[];
      gives: number[];
    };

export type GreedyPlan =
  { ok: true; phases: GreedyPhase[] } | { ok: false; why: GreedyPlanFailure };

/** The output shape of each layer, by its Keras name, from the graph analysis. */
export const shapesOf =
  (spec: KerasModelSpec, analysis: GraphAnalysis) =>
  (layer: string): number[] =>
    analysis.nodes[spec.studio.nodeOfLayer[layer]]?.shape ?? [];

const failure = (why: GreedyPlanFailure): GreedyPlan => ({ ok: false, why });

/** The layers after the input when each is fed by the one before it and the last is the output. */
function straightLine(spec: KerasModelSpec): KerasLayerSpec[] | { at: string } {
  const chain = spec.config.layers.filter((l) => l.class_name !== 'InputLayer');
  for (let i = 0; i < chain.length; i++) {
    const sources = chain[i].inbound_nodes[0] ?? [];
    const expected = i === 0 ? spec.studio.inputLayer : chain[i - 1].name;
    if (sources.length !== 1 || sources[0][0] !== expected) return { at: chain[i].name };
  }
  return chain.at(-1)?.name === spec.studio.outputLayer ? chain : { at: spec.studio.outputLayer };
}

/**
 * Phase k trains the layers after phase k-1's encoder up to its own encoder, and from its decoder
 * up to phase k-1's decoder; the innermost phase also takes whatever lies between its pair (a Code
 * node). `outputShape` gives a layer's output shape without the batch dimension.
 */
export function planGreedy(
  spec: KerasModelSpec,
  outputShape: (layer: string) => number[],
  procedure: GreedyProcedure,
): GreedyPlan {
  const { studio } = spec;
  if (studio.task !== 'reconstruct') return failure({ code: 'task' });
  const chain = straightLine(spec);
  if (!Array.isArray(chain)) return failure({ code: 'chain', at: chain.at });
  const indexOf = (id: string) => chain.findIndex((l) => l.name === studio.layerOfNode[id]);
  const pairs: [number, number][] = [];
  let [outerEncoder, outerDecoder] = [-1, chain.length];
  for (const [k, phase] of procedure.phases.entries()) {
    const [encoder, decoder] = [indexOf(phase.encoderNodeId), indexOf(phase.decoderNodeId)];
    const label = phase.label;
    if (encoder < 0)
      return failure({ code: 'node', phase: label, side: 'encoder', nodeId: phase.encoderNodeId });
    if (decoder < 0)
      return failure({ code: 'node', phase: label, side: 'decoder', nodeId: phase.decoderNodeId });
    if (encoder <= outerEncoder || decoder >= outerDecoder || encoder >= decoder) {
      const previous = k === 0 ? null : procedure.phases[k - 1].label;
      return failure({ code: 'order', phase: label, previous });
    }
    pairs.push([encoder, decoder]);
    [outerEncoder, outerDecoder] = [encoder, decoder];
  }
  const phases: GreedyPhase[] = [];
  for (const [k, [encoder, decoder]] of pairs.entries()) {
    const [outerE, outerD] = k === 0 ? [-1, chain.length] : pairs[k - 1];
    const innermost = k === pairs.length - 1;
    const layers = [
      ...chain.slice(outerE + 1, encoder + 1),
      ...chain.slice(innermost ? encoder + 1 : decoder, outerD),
    ].map((l) => l.name);
    const takes = outputShape(outerE < 0 ? studio.inputLayer : chain[outerE].name);
    // The pair mirrors when its decoder layer, and the phase's last layer, give back its input.
    for (const at of [chain[decoder].name, layers.at(-1)!]) {
      const gives = outputShape(at);
      if (takes.join() !== gives.join()) {
        const phase = procedure.phases[k].label;
        const decoderName = chain[decoder].name;
        return failure({
          code: 'mirror',
          phase,
          first: layers[0],
          decoder: decoderName,
          takes,
          gives,
        });
      }
    }
    phases.push({
      label: procedure.phases[k].label,
      layers,
      encoderCount: encoder - outerE,
      inputShape: takes,
      epochs: procedure.phases[k].epochs,
    });
  }
  return { ok: true, phases };
}
