/** fast-check generators of graph documents for the property tests (test code only). */
import fc from 'fast-check';
import {
  GRAPH_VERSION,
  NODE_KINDS,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type ParamValue,
} from '../graph/document';
import { createNode, LAYER_DESCRIPTORS } from '../layers';
import { PRESETS } from '../presets';

const paramValue: fc.Arbitrary<ParamValue> = fc.oneof(
  fc.integer({ min: -3, max: 900 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom('relu', 'sigmoid', 'same', 'valid', 'l1', 'kl', 'mse', 'n0', 'n1', 'bogus'),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
);

const nodeAt = (i: number) =>
  fc
    .record({
      kind: fc.constantFrom(...NODE_KINDS),
      overrides: fc.dictionary(
        fc.constantFrom(
          'units',
          'shape',
          'targetShape',
          'filters',
          'partner',
          'rate',
          'strides',
          'kernelSize',
          'activation',
          'padding',
        ),
        paramValue,
        { maxKeys: 2 },
      ),
    })
    .map(({ kind, overrides }): GraphNode => {
      const node = createNode(kind, `n${i}`, { x: i * 10, y: 0 });
      for (const [k, v] of Object.entries(overrides)) if (k in node.params) node.params[k] = v;
      return node;
    });

/** Wholly random graphs: any kinds, any wiring, odd params. */
export const randomGraph: fc.Arbitrary<GraphDocument> = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: n }, (_, i) => nodeAt(i))),
      edges: fc.array(
        fc.record({
          s: fc.nat(n),
          t: fc.nat(n),
          port: fc.constantFrom('in', 'in', 'in', 'mean', 'logVar', 'x'),
        }),
        { maxLength: n + 3 },
      ),
    }),
  )
  .map(({ nodes, edges }) => ({
    version: GRAPH_VERSION,
    nodes,
    edges: edges.map((e, i): GraphEdge => ({
      id: `e${i}`,
      source: `n${e.s}`,
      target: `n${e.t}`,
      targetPort: e.port,
    })),
  }));

type Edit =
  | { op: 'deleteNode'; at: number }
  | { op: 'deleteEdge'; at: number }
  | { op: 'connect'; from: number; to: number; port: string }
  | { op: 'param'; at: number; key: string; value: ParamValue }
  | { op: 'insert'; at: number; kind: (typeof NODE_KINDS)[number] };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('deleteNode' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deleteEdge' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('connect' as const),
    from: fc.nat(),
    to: fc.nat(),
    port: fc.constantFrom('in', 'mean', 'logVar'),
  }),
  fc.record({
    op: fc.constant('param' as const),
    at: fc.nat(),
    key: fc.constantFrom('units', 'activation', 'filters', 'rate', 'targetShape', 'frozen'),
    value: paramValue,
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    kind: fc.constantFrom(...NODE_KINDS),
  }),
);

/** Applies one editor action, the way the canvas would. */
function apply(doc: GraphDocument, e: Edit): GraphDocument {
  const { nodes, edges } = doc;
  const pick = <T>(list: T[], at: number) => (list.length > 0 ? list[at % list.length] : undefined);
  switch (e.op) {
    case 'deleteNode': {
      const node = pick(nodes, e.at);
      if (!node) return doc;
      return {
        ...doc,
        nodes: nodes.filter((n) => n !== node),
        edges: edges.filter((x) => x.source !== node.id && x.target !== node.id),
      };
    }
    case 'deleteEdge':
      return { ...doc, edges: edges.filter((_, i) => i !== e.at % Math.max(1, edges.length)) };
    case 'connect': {
      const a = pick(nodes, e.from);
      const b = pick(nodes, e.to);
      if (!a || !b) return doc;
      return {
        ...doc,
        edges: [
          ...edges,
          {
            id: `x${edges.length}-${a.id}-${b.id}`,
            source: a.id,
            target: b.id,
            targetPort: e.port,
          },
        ],
      };
    }
    case 'param': {
      const node = pick(nodes, e.at);
      if (!node || !(e.key in LAYER_DESCRIPTORS[node.kind].params)) return doc;
      return {
        ...doc,
        nodes: nodes.map((n) =>
          n === node ? { ...n, params: { ...n.params, [e.key]: e.value } } : n,
        ),
      };
    }
    case 'insert': {
      // Splice a new node into an edge, as dropping a layer onto a connection does.
      const target = pick(edges, e.at);
      const node = createNode(e.kind, `new${nodes.length}-${e.at}`, { x: 0, y: 0 });
      if (!target || LAYER_DESCRIPTORS[e.kind].ports.length === 0)
        return { ...doc, nodes: [...nodes, node] };
      const port = LAYER_DESCRIPTORS[e.kind].ports[0];
      return {
        ...doc,
        nodes: [...nodes, node],
        edges: [
          ...edges.filter((x) => x !== target),
          { id: `${target.id}-a`, source: target.source, target: node.id, targetPort: port },
          {
            id: `${target.id}-b`,
            source: node.id,
            target: target.target,
            targetPort: target.targetPort,
          },
        ],
      };
    }
  }
}

/** A preset after a few editor actions: most stay close to a working model. */
export const editedPreset: fc.Arbitrary<GraphDocument> = fc
  .record({ preset: fc.constantFrom(...PRESETS), edits: fc.array(edit, { maxLength: 4 }) })
  .map(({ preset, edits }) => edits.reduce(apply, structuredClone(preset.graph)));

export const anyGraph = fc.oneof(randomGraph, editedPreset, editedPreset);
