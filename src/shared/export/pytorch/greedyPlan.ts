/**
 * The greedy procedure's phases from the compiled spec alone, as the trainer plans them
 * (src/main/services/trainer/procedures/greedyPlan.ts): a straight line of layers split into
 * nested encoder and decoder pairs, outside in; the innermost phase also takes what lies between.
 */
import type { GraphAnalysis, KerasModelSpec } from '../../compiler';
import { fail, ok, type Result } from '../../contract/result';
import type { GreedyProcedure } from '../../contract/training';
import type { TorchPhase } from './module';

const refuse = (why: string) =>
  fail<never>('E_UNSUPPORTED', `The greedy training cannot be written as PyTorch code: ${why}`);

/** The phases of a greedy procedure, or a failure in the words the trainer would use. */
export function planGreedyPhases(
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  procedure: GreedyProcedure,
): Result<TorchPhase[]> {
  const { studio } = spec;
  if (studio.task !== 'reconstruct') return refuse('it trains autoencoders, not classifiers.');
  const chain = spec.config.layers.filter((l) => l.class_name !== 'InputLayer');
  for (const [i, layer] of chain.entries()) {
    const sources = layer.inbound_nodes[0] ?? [];
    const expected = i === 0 ? studio.inputLayer : chain[i - 1].name;
    if (sources.length !== 1 || sources[0][0] !== expected)
      return refuse(`the layers must form one straight line, and '${layer.name}' does not.`);
  }
  const indexOf = (id: string) => chain.findIndex((l) => l.name === studio.layerOfNode[id]);
  const pairs: [number, number][] = [];
  let [outerEncoder, outerDecoder] = [-1, chain.length];
  for (const phase of procedure.phases) {
    const [encoder, decoder] = [indexOf(phase.encoderNodeId), indexOf(phase.decoderNodeId)];
    if (encoder < 0 || decoder < 0)
      return refuse(`the phase '${phase.label}' names a layer the design does not have.`);
    if (encoder <= outerEncoder || decoder >= outerDecoder || encoder >= decoder)
      return refuse(`the phase '${phase.label}' is not nested inside the phase before it.`);
    pairs.push([encoder, decoder]);
    [outerEncoder, outerDecoder] = [encoder, decoder];
  }
  const shapeOf = (name: string) => analysis.nodes[studio.nodeOfLayer[name]].shape!.join('x');
  const phases: TorchPhase[] = [];
  for (const [k, [encoder, decoder]] of pairs.entries()) {
    const [outerE, outerD] = k === 0 ? [-1, chain.length] : pairs[k - 1];
    const innermost = k === pairs.length - 1;
    const layers = [
      ...chain.slice(outerE + 1, encoder + 1),
      ...chain.slice(innermost ? encoder + 1 : decoder, outerD),
    ].map((l) => l.name);
    const takes = shapeOf(outerE < 0 ? studio.inputLayer : chain[outerE].name);
    if (takes !== shapeOf(layers.at(-1)!))
      return refuse(`the phase '${procedure.phases[k].label}' does not give back what it takes.`);
    phases.push({ layers, encoderCount: encoder - outerE });
  }
  return ok(phases);
}
