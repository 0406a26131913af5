import { analyzeGraph } from '../../../../shared/compiler';
import { layerNames } from '../../../../shared/compiler/names';
import { fail, ok, type Result } from '../../../../shared/contract/result';
import {
  GRAPH_VERSION,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '../../../../shared/graph/document';
import { createNode, sizeOf } from '../../../../shared/layers';
import { COLUMN, makeEdge } from './graphOps';

/** What "Use this decoder as a generator" made, for the words it says and the weights it carries. */
export interface GeneratorDesign {
  doc: GraphDocument;
  /** The decoder's node ids, kept in the new design with their names (so their weights carry). */
  decoderIds: string[];
  /** Their Keras layer names, which the trained weights are found by. */
  layers: string[];
  codeSize: number;
}

const refuse = (message: string) => fail<GeneratorDesign>('E_INVALID_GRAPH', message);

/** Nodes reached from `from` along edges (forwards or backwards), `from` left out. */
function reachable(doc: GraphDocument, from: string, forwards: boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const e of doc.edges) {
      const [a, b] = forwards ? [e.source, e.target] : [e.target, e.source];
      if (a === id && !seen.has(b)) {
        seen.add(b);
        stack.push(b);
      }
    }
  }
  return seen;
}

/**
 * Turns an autoencoder's decoder into a GAN's generator: Prior (normal, the code's size) -> the
 * decoder's layers, same ids and names so their trained weights carry over -> Adversary.fake, and
 * a fresh discriminator on the data (Input -> Dense 256 + LeakyReLU 0.2 -> Dense 1 sigmoid ->
 * Adversary.score). The encoder is left out: a GAN needs none. Refuses in words a design whose
 * decoder cannot stand alone.
 */
export function decoderAsGenerator(doc: GraphDocument): Result<GeneratorDesign> {
  if (doc.nodes.some((n) => n.kind === 'Prior' || n.kind === 'Adversary'))
    return refuse('This design already plays an adversarial game: it has a Prior or an Adversary.');
  const analysis = analyzeGraph(doc);
  const codeId = analysis.codeNodeId;
  const outputs = doc.nodes.filter((n) => n.kind === 'Output');
  const input = doc.nodes.find((n) => n.kind === 'Input');
  if (!codeId || outputs.length !== 1 || !input || analysis.task !== 'reconstruct')
    return refuse(
      'Use as a generator needs an autoencoder: an Input, a code in the middle, a decoder after it and one Output that rebuilds the input.',
    );
  const output = outputs[0];
  const codeShape = analysis.nodes[codeId]?.shape;
  const inputShape = analysis.nodes[input.id]?.shape;
  if (!codeShape || !inputShape)
    return refuse('The design has shape problems; fix those (see the Problems list) first.');

  // The decoder: every node after the code that leads to the Output.
  const after = reachable(doc, codeId, true);
  const before = reachable(doc, output.id, false);
  const decoder = doc.nodes.filter((n) => after.has(n.id) && before.has(n.id));
  if (decoder.length === 0) return refuse('This design has no decoder layers after its code.');
  const inside = new Set([codeId, ...decoder.map((n) => n.id)]);
  for (const node of decoder) {
    if (node.kind === 'TiedDense')
      return refuse(
        `The decoder layer “${node.name}” borrows its weights from the encoder (a tied layer), so the decoder cannot work without the encoder. Untie it first.`,
      );
    const stranger = doc.edges.find((e) => e.target === node.id && !inside.has(e.source));
    if (stranger)
      return refuse(
        `The decoder layer “${node.name}” also takes input from before the code, so it cannot run from noise alone.`,
      );
  }
  const last = doc.edges.filter((e) => e.target === output.id);
  if (last.length !== 1) return refuse('The Output should take exactly one input.');

  const code = doc.nodes.find((n) => n.id === codeId)!;
  const codeSize = sizeOf(codeShape);
  const taken = new Set(decoder.map((n) => n.id));
  const idFor = (wish: string) => {
    let id = wish;
    for (let i = 2; taken.has(id); i++) id = `${wish}-${i}`;
    taken.add(id);
    return id;
  };
  const at = (x: number, y: number) => ({ x, y });
  const { x: x0, y: y0 } = code.position;
  const bottom = Math.max(...decoder.map((n) => n.position.y), y0);
  const judgeY = bottom + 240;

  const prior = createNode('Prior', idFor('prior'), at(x0, y0), 'noise');
  Object.assign(prior.params, { size: codeSize, distribution: 'normal', spread: 1 });
  const generatorFront: GraphNode[] = [prior];
  let feed = prior.id;
  if (codeShape.length > 1) {
    // A convolutional code: the noise is folded into the code's shape before the decoder.
    const fold = createNode('Reshape', idFor('fold-noise'), at(x0, y0 + 110), 'fold noise');
    fold.params.targetShape = [...codeShape];
    generatorFront.push(fold);
    feed = fold.id;
  }
  const data = createNode('Input', idFor(input.id), at(x0, judgeY), input.name);
  Object.assign(data.params, input.params);
  const judge: GraphNode[] = [data];
  if (inputShape.length > 1)
    judge.push(createNode('Flatten', idFor('judge-flatten'), at(0, 0), 'judge flatten'));
  const hidden = createNode('Dense', idFor('judge-1'), at(0, 0), 'judge 1');
  Object.assign(hidden.params, { units: 256, activation: 'linear' });
  const leak = createNode('LeakyReLU', idFor('judge-leak'), at(0, 0), 'judge leak');
  leak.params.alpha = 0.2;
  const score = createNode('Dense', idFor('judge-score'), at(0, 0), 'judge score');
  Object.assign(score.params, { units: 1, activation: 'sigmoid' });
  judge.push(hidden, leak, score);
  judge.forEach((n, i) => (n.position = at(x0 + i * COLUMN, judgeY)));
  const adversary = createNode(
    'Adversary',
    idFor('adversary'),
    at(Math.max(output.position.x, x0 + judge.length * COLUMN), (y0 + judgeY) / 2),
    'game',
  );

  const edges: GraphEdge[] = [];
  if (feed !== prior.id) edges.push(makeEdge(prior.id, feed));
  for (const e of doc.edges) {
    if (!inside.has(e.target) && e.target !== output.id) continue;
    if (e.target === output.id) edges.push(makeEdge(e.source, adversary.id, 'fake'));
    else if (e.source === codeId) edges.push(makeEdge(feed, e.target, e.targetPort));
    else if (inside.has(e.source)) edges.push(e);
  }
  judge.slice(1).forEach((n, i) => edges.push(makeEdge(judge[i].id, n.id)));
  edges.push(makeEdge(score.id, adversary.id, 'score'));

  // The decoder first: layer names are given in node order, so its layers keep their names.
  const next: GraphDocument = {
    version: GRAPH_VERSION,
    nodes: [...decoder, ...generatorFront, ...judge, adversary],
    edges,
  };
  const names = layerNames(next.nodes);
  return ok({
    doc: next,
    decoderIds: decoder.map((n) => n.id),
    layers: decoder.map((n) => names.get(n.id)!),
    codeSize,
  });
}
