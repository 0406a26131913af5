import type { GraphDocument, GraphNode } from '../graph/document';
import { resolveParams } from '../layers/resolve';
import { emitSpec } from './emit';
import type { GameRules, GameSpec, PriorSpec } from './game';
import { layerNames } from './names';
import type { KerasModelSpec } from './spec';
import type { GameAnalysis, GraphAnalysis } from './types';

/**
 * One network of a game as an ordinary spec: the design cut down to `ids`, ended at `end` by an
 * Output that is not in the design when the network ends at the Adversary.
 */
function networkSpec(
  doc: GraphDocument,
  analysis: GraphAnalysis,
  ids: Set<string>,
  end: string | null,
  codeNodeId: string | null,
  options: { names: Map<string, string>; modelName: string },
): KerasModelSpec {
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const order = analysis.order.filter((id) => ids.has(id));
  const analysisNodes = { ...analysis.nodes };
  if (end !== null) {
    const endNode: GraphNode = {
      id: `${analysis.game!.adversary}:${options.modelName}`,
      kind: 'Output',
      name: options.modelName,
      params: { loss: 'binaryCrossentropy' },
      position: { x: 0, y: 0 },
    };
    nodes.push(endNode);
    edges.push({ id: `${end}->${endNode.id}`, source: end, target: endNode.id, targetPort: 'in' });
    order.push(endNode.id);
    analysisNodes[endNode.id] = {
      shape: analysis.nodes[end].shape,
      trainableParams: 0,
      nonTrainableParams: 0,
      role: 'output',
    };
  }
  const spec = emitSpec(
    { ...doc, nodes, edges },
    { ...analysis, order, nodes: analysisNodes, codeNodeId, task: 'reconstruct' },
    options,
  );
  // The made-up end is no node of the design.
  if (end !== null)
    delete spec.studio.layerOfNode[`${analysis.game!.adversary}:${options.modelName}`];
  return spec;
}

const rulesOf = (node: GraphNode): GameRules => {
  const p = resolveParams(node).params;
  return {
    generatorLoss: p.generatorLoss as GameRules['generatorLoss'],
    realLabel: p.realLabel as number,
    fakeLabel: p.fakeLabel as number,
    discriminatorSteps: p.discriminatorSteps as number,
    discriminatorLearningRate: p.discriminatorLearningRate as number,
    generatorLearningRate: p.generatorLearningRate as number,
    beta1: p.beta1 as number,
    adversarialWeight: p.adversarialWeight as number,
  };
};

const priorOf = (node: GraphNode): PriorSpec => {
  const p = resolveParams(node).params;
  return {
    distribution: p.distribution as PriorSpec['distribution'],
    size: p.size as number,
    spread: p.spread as number,
  };
};

/**
 * The networks of a game the analysis found valid, with layer names unique across the design.
 * `spec` is the one network code that wants a single model gets: a GAN's generator (its code is
 * the Prior's noise, so a decoder view runs the generator), an AAE's autoencoder.
 */
export function emitGame(
  doc: GraphDocument,
  analysis: GraphAnalysis & { game: GameAnalysis },
): { spec: KerasModelSpec; game: GameSpec } {
  const g = analysis.game;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ordered = analysis.order.map((id) => byId.get(id)!);
  const names = layerNames(ordered.filter((n) => n.kind !== 'Output' && n.kind !== 'Adversary'));
  const prior = priorOf(byId.get(g.prior!)!);
  const rules = rulesOf(byId.get(g.adversary)!);
  const nodes = {
    prior: g.prior!,
    adversary: g.adversary,
    generator: g.generator,
    discriminator: g.discriminator,
  };
  const discriminator = networkSpec(
    doc,
    analysis,
    new Set([g.realSource!, ...g.discriminator]),
    g.scoreSource,
    null,
    { names, modelName: 'discriminator' },
  );
  if (g.kind === 'gan') {
    const generator = networkSpec(
      doc,
      analysis,
      new Set([g.prior!, ...g.generator]),
      g.fakeSource,
      g.prior,
      { names, modelName: 'generator' },
    );
    return {
      spec: generator,
      game: { kind: 'gan', prior, rules, generator, discriminator, nodes },
    };
  }
  const autoencoder = networkSpec(doc, analysis, new Set(g.autoencoder), null, g.fakeSource, {
    names,
    modelName: 'autoencoder',
  });
  return {
    spec: autoencoder,
    game: { kind: 'aae', prior, rules, autoencoder, discriminator, nodes },
  };
}
