import { analyzeGraph } from '../../../../shared/compiler';
import type {
  GraphDocument,
  GraphNode,
  NodeKind,
  ParamValue,
} from '../../../../shared/graph/document';
import { nodeLabel } from '../../../../shared/graph/messages';
import { createNode } from '../../../../shared/layers';
import { fail, ok, type Result } from '../../../../shared/contract/result';
import { freshNodeId } from '../../stores/graphEdits';
import { COLUMN, makeEdge, mainChain } from './graphOps';

export interface MirrorOptions {
  /** Decoder Dense layers reuse the encoder's weights, transposed (TiedDense). */
  tied: boolean;
}

interface Step {
  kind: NodeKind;
  params: Record<string, ParamValue>;
  /** Takes an activation: the one of the encoder layer before its partner. */
  weighted: boolean;
}

/** The decoder layer that undoes one encoder layer, given what the encoder layer received. */
function mirrorOf(node: GraphNode, received: number[], tied: boolean): Step | null {
  const p = node.params;
  switch (node.kind) {
    case 'Dense':
      return tied
        ? { kind: 'TiedDense', params: { partner: node.id }, weighted: true }
        : { kind: 'Dense', params: { units: received[received.length - 1] }, weighted: true };
    case 'Conv2D':
      return {
        kind: 'Conv2DTranspose',
        params: {
          filters: received[2] ?? 1,
          kernelSize: p.kernelSize ?? 3,
          strides: p.strides ?? 1,
          padding: p.padding ?? 'same',
        },
        weighted: true,
      };
    case 'MaxPooling2D':
      return { kind: 'UpSampling2D', params: { size: p.poolSize ?? 2 }, weighted: false };
    case 'Flatten':
      return { kind: 'Reshape', params: { targetShape: [...received] }, weighted: false };
    case 'Reshape':
      return received.length === 1
        ? { kind: 'Flatten', params: {}, weighted: false }
        : { kind: 'Reshape', params: { targetShape: [...received] }, weighted: false };
    default:
      // Noise, dropout, activations and the Code marker have nothing to undo.
      return null;
  }
}

const WEIGHTED_KINDS = new Set<NodeKind>(['Dense', 'Conv2D']);

/**
 * Builds the decoder as the mirror image of the encoder: the layers from the Input to the code,
 * reversed, each giving back the size its partner received. An existing decoder is replaced.
 */
export function mirrorEncoder(doc: GraphDocument, options: MirrorOptions): Result<GraphDocument> {
  const found = mainChain(doc);
  if (!found.ok) {
    return fail(
      'E_INVALID_GRAPH',
      found.at
        ? `Mirror encoder needs one chain of layers from the Input, but the design branches at ${nodeLabel(found.at.kind, found.at.name, found.at.id)}.`
        : 'Mirror encoder needs exactly one Input with the encoder layers after it.',
    );
  }
  const { chain, output } = found;
  const analysis = analyzeGraph(doc);
  const codeIndex = chain.findIndex((n) => n.id === analysis.codeNodeId);
  const end = codeIndex > 0 ? codeIndex : chain.length - 1;
  if (end < 1) {
    return fail(
      'E_INVALID_GRAPH',
      'Add the encoder layers after the Input first, then mirror them.',
    );
  }
  const encoder = chain.slice(1, end + 1);
  const received = (i: number) => analysis.nodes[chain[i].id]?.shape ?? null;
  const lossIsBce = (output?.params.loss ?? 'binaryCrossentropy') === 'binaryCrossentropy';

  const steps: { step: Step; activation: string | null }[] = [];
  for (let i = encoder.length - 1; i >= 0; i--) {
    const shape = received(i);
    if (!shape) {
      const n = encoder[i];
      return fail(
        'E_INVALID_GRAPH',
        `The size of what ${nodeLabel(n.kind, n.name, n.id)} receives is unknown. Fix the problems of the encoder first.`,
      );
    }
    const step = mirrorOf(encoder[i], shape, options.tied);
    if (!step) continue;
    const before = encoder
      .slice(0, i)
      .reverse()
      .find((n) => WEIGHTED_KINDS.has(n.kind));
    const activation = step.weighted
      ? before
        ? String(before.params.activation ?? 'relu')
        : lossIsBce
          ? 'sigmoid'
          : 'linear'
      : null;
    steps.push({ step, activation });
  }
  if (steps.length === 0) {
    return fail(
      'E_INVALID_GRAPH',
      'The encoder has no Dense or Conv2D layer to mirror. Add one first.',
    );
  }

  const last = chain[end];
  const gone = new Set(chain.slice(end + 1).map((n) => n.id));
  let next: GraphDocument = {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter(
      (e) =>
        !gone.has(e.source) &&
        !gone.has(e.target) &&
        e.source !== last.id &&
        e.target !== output?.id,
    ),
  };
  const { x, y } = last.position;
  let previous = last.id;
  const taken = new Set<string>();
  steps.forEach(({ step, activation }, i) => {
    const id = freshNodeId(next, step.kind, taken);
    taken.add(id);
    const node = createNode(step.kind, id, { x: x + (i + 1) * COLUMN, y }, `decoder ${i + 1}`);
    Object.assign(node.params, step.params, activation ? { activation } : {});
    next = {
      ...next,
      nodes: [...next.nodes, node],
      edges: [...next.edges, makeEdge(previous, id)],
    };
    previous = id;
  });
  const outX = x + (steps.length + 1) * COLUMN;
  if (output) {
    next = {
      ...next,
      nodes: next.nodes.map((n) => (n.id === output.id ? { ...n, position: { x: outX, y } } : n)),
      edges: [...next.edges, makeEdge(previous, output.id)],
    };
  } else {
    const id = freshNodeId(next, 'Output');
    const node = createNode('Output', id, { x: outX, y }, 'reconstruction');
    next = {
      ...next,
      nodes: [...next.nodes, node],
      edges: [...next.edges, makeEdge(previous, id)],
    };
  }
  return ok(next);
}
