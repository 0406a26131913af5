import type * as tf from '@tensorflow/tfjs';
import type { GreedyProcedure } from '../../../../shared/contract/training';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { BuiltModel } from '../../model';
import { PROCEDURE_MESSAGES as M } from './messages';

/** One phase of greedy layer-wise training: which layers of the full model it trains, in order. */
export interface PhasePlan {
  label: string;
  /** Keras names of the phase's layers, input to output: its encoder part, then its decoder part. */
  layers: string[];
  /** How many of `layers` are its encoder part: their outputs are the next phase's input. */
  encoderCount: number;
  /** Shape of the phase's input (without the batch dimension): the images, or the codes before it. */
  inputShape: number[];
}

export type PlanResult = { ok: true; phases: PhasePlan[] } | { ok: false; message: string };

const shapeOf = (s: readonly (number | null)[]): number[] => s.slice(1) as number[];

/**
 * Splits a straight-line autoencoder into the nested pairs a greedy procedure names, outside in.
 * Phase k trains the layers after phase k-1's encoder up to its own encoder, and from its decoder up
 * to phase k-1's decoder; the innermost phase also takes whatever lies between its pair (a Code node).
 */
export function planGreedy(built: BuiltModel, procedure: GreedyProcedure, graph: GraphDocument): PlanResult {
  const { spec } = built;
  if (built.task !== 'reconstruct') return { ok: false, message: M.E_PHASE_TASK() };
  const nameOf = (layer: string): string => {
    const id = spec.studio.nodeOfLayer[layer];
    return graph.nodes.find((n) => n.id === id)?.name || id || layer;
  };
  const chain = spec.config.layers.filter((l) => l.class_name !== 'InputLayer');
  for (let i = 0; i < chain.length; i++) {
    const sources = chain[i].inbound_nodes[0] ?? [];
    const expected = i === 0 ? spec.studio.inputLayer : chain[i - 1].name;
    if (sources.length !== 1 || sources[0][0] !== expected) return { ok: false, message: M.E_PHASE_CHAIN(nameOf(chain[i].name)) };
  }
  if (chain.at(-1)?.name !== spec.studio.outputLayer) {
    return { ok: false, message: M.E_PHASE_CHAIN(nameOf(spec.studio.outputLayer)) };
  }
  const indexOf = (id: string): number => chain.findIndex((l) => l.name === spec.studio.layerOfNode[id]);
  const phases: PhasePlan[] = [];
  let [outerEncoder, outerDecoder] = [-1, chain.length];
  const count = procedure.phases.length;
  for (let k = 0; k < count; k++) {
    const phase = procedure.phases[k];
    const encoder = indexOf(phase.encoderNodeId);
    const decoder = indexOf(phase.decoderNodeId);
    if (encoder < 0) return { ok: false, message: M.E_PHASE_NODE(phase.label, 'encoder', phase.encoderNodeId) };
    if (decoder < 0) return { ok: false, message: M.E_PHASE_NODE(phase.label, 'decoder', phase.decoderNodeId) };
    if (encoder <= outerEncoder || decoder >= outerDecoder || encoder >= decoder) {
      return { ok: false, message: M.E_PHASE_ORDER(phase.label, k === 0 ? null : procedure.phases[k - 1].label) };
    }
    const innermost = k === count - 1;
    const layers = [
      ...chain.slice(outerEncoder + 1, encoder + 1),
      ...chain.slice(innermost ? encoder + 1 : decoder, outerDecoder),
    ];
    // Node 0 of every layer is its call in the full model, made first when it was assembled.
    const shapeAt = (name: string, side: 'in' | 'out'): number[] => {
      const layer = built.model.getLayer(name);
      return shapeOf(((side === 'in' ? layer.getInputAt(0) : layer.getOutputAt(0)) as tf.SymbolicTensor).shape);
    };
    const inputShape = shapeAt(layers[0].name, 'in');
    // The pair mirrors when the decoder layer gives back what the phase takes in.
    for (const gives of [shapeAt(chain[decoder].name, 'out'), shapeAt(layers.at(-1)!.name, 'out')]) {
      if (inputShape.join() !== gives.join()) {
        const message = M.E_PHASE_MIRROR(phase.label, nameOf(chain[encoder].name), inputShape, nameOf(chain[decoder].name), gives);
        return { ok: false, message };
      }
    }
    phases.push({ label: phase.label, layers: layers.map((l) => l.name), encoderCount: encoder - outerEncoder, inputShape });
    [outerEncoder, outerDecoder] = [encoder, decoder];
  }
  return { ok: true, phases };
}
