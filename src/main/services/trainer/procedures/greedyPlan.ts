import type * as tf from '@tensorflow/tfjs';
import type { KerasLayerSpec } from '../../../../shared/compiler';
import type { GreedyProcedure } from '../../../../shared/contract/training';
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
type Failure = { ok: false; message: string };

const failure = (message: string): Failure => ({ ok: false, message });

/** The layers after the input when each is fed by the one before it, else the first that is not. */
function straightLine(
  built: BuiltModel,
): { ok: true; chain: KerasLayerSpec[] } | { ok: false; at: string } {
  const { spec } = built;
  const chain = spec.config.layers.filter((l) => l.class_name !== 'InputLayer');
  for (let i = 0; i < chain.length; i++) {
    const sources = chain[i].inbound_nodes[0] ?? [];
    const expected = i === 0 ? spec.studio.inputLayer : chain[i - 1].name;
    if (sources.length !== 1 || sources[0][0] !== expected) return { ok: false, at: chain[i].name };
  }
  return chain.at(-1)?.name === spec.studio.outputLayer
    ? { ok: true, chain }
    : { ok: false, at: spec.studio.outputLayer };
}

/** Each phase's encoder and decoder positions in the line, once all are known and nested outside in. */
function pairPositions(
  chain: KerasLayerSpec[],
  built: BuiltModel,
  procedure: GreedyProcedure,
): [number, number][] | Failure {
  const indexOf = (id: string): number =>
    chain.findIndex((l) => l.name === built.spec.studio.layerOfNode[id]);
  const pairs: [number, number][] = [];
  let [outerEncoder, outerDecoder] = [-1, chain.length];
  for (const [k, phase] of procedure.phases.entries()) {
    const [encoder, decoder] = [indexOf(phase.encoderNodeId), indexOf(phase.decoderNodeId)];
    if (encoder < 0) return failure(M.E_PHASE_NODE(phase.label, 'encoder', phase.encoderNodeId));
    if (decoder < 0) return failure(M.E_PHASE_NODE(phase.label, 'decoder', phase.decoderNodeId));
    if (encoder <= outerEncoder || decoder >= outerDecoder || encoder >= decoder) {
      return failure(M.E_PHASE_ORDER(phase.label, k === 0 ? null : procedure.phases[k - 1].label));
    }
    pairs.push([encoder, decoder]);
    [outerEncoder, outerDecoder] = [encoder, decoder];
  }
  return pairs;
}

/**
 * Splits a straight-line autoencoder into the nested pairs a greedy procedure names, outside in.
 * Phase k trains the layers after phase k-1's encoder up to its own encoder, and from its decoder up
 * to phase k-1's decoder; the innermost phase also takes whatever lies between its pair (a Code node).
 */
export function planGreedy(built: BuiltModel, procedure: GreedyProcedure): PlanResult {
  if (built.task !== 'reconstruct') return failure(M.E_PHASE_TASK());
  const nameOf = (layer: string): string => built.labelOf(layer);
  const line = straightLine(built);
  if (!line.ok) return failure(M.E_PHASE_CHAIN(nameOf(line.at)));
  const { chain } = line;
  const pairs = pairPositions(chain, built, procedure);
  if (!Array.isArray(pairs)) return pairs;
  // Node 0 of every layer is its call in the full model, made first when it was assembled.
  const shapeAt = (name: string, side: 'in' | 'out'): number[] => {
    const layer = built.model.getLayer(name);
    const tensor = (
      side === 'in' ? layer.getInputAt(0) : layer.getOutputAt(0)
    ) as tf.SymbolicTensor;
    return tensor.shape.slice(1) as number[];
  };
  const phases: PhasePlan[] = [];
  for (const [k, [encoder, decoder]] of pairs.entries()) {
    const [outerEncoder, outerDecoder] = k === 0 ? [-1, chain.length] : pairs[k - 1];
    const innermost = k === pairs.length - 1;
    const layers = [
      ...chain.slice(outerEncoder + 1, encoder + 1),
      ...chain.slice(innermost ? encoder + 1 : decoder, outerDecoder),
    ].map((l) => l.name);
    const inputShape = shapeAt(layers[0], 'in');
    // The pair mirrors when its decoder layer gives back what the phase takes in.
    for (const gives of [shapeAt(chain[decoder].name, 'out'), shapeAt(layers.at(-1)!, 'out')]) {
      if (inputShape.join() !== gives.join()) {
        const label = procedure.phases[k].label;
        return failure(
          M.E_PHASE_MIRROR(
            label,
            nameOf(layers[0]),
            inputShape,
            nameOf(chain[decoder].name),
            gives,
          ),
        );
      }
    }
    phases.push({
      label: procedure.phases[k].label,
      layers,
      encoderCount: encoder - outerEncoder,
      inputShape,
    });
  }
  return { ok: true, phases };
}
