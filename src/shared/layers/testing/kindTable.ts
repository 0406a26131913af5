/** The per-kind table's rows and the helpers both sides of the table use. */
import type { GraphNode } from '../../graph/document';
import { createNode, resolveParams } from '../index';
import { LAYER_DESCRIPTORS } from '../registry';
import type { NodeInfo, ResolvedParams } from '../types';
import type { KindCase, KindExample } from './kindCase';

/** Every kind's cases file by its path. */
export const CASE_FILES = import.meta.glob<{ kindCase: KindCase }>('../kinds/*.cases.ts', {
  eager: true,
});
/** Every kind's cases, by kind. */
export const CASES = new Map(Object.values(CASE_FILES).map((m) => [m.kindCase.kind, m.kindCase]));

/** The example's node, with a partner Dense when it is tied. */
export function exampleNode(kindCase: KindCase, example: KindExample): GraphNode {
  const node = createNode(kindCase.kind, 'layer', { x: 0, y: 0 }, 'layer');
  Object.assign(node.params, example.params ?? {});
  if (example.partner) node.params.partner = 'partner';
  return node;
}

/** What a shape rule asks of other nodes: only a tied layer's partner exists here. */
export function lookupFor(example: KindExample) {
  return (id: string): NodeInfo | null => {
    if (id !== 'partner' || !example.partner) return null;
    const node = createNode('Dense', 'partner', { x: 0, y: 0 }, 'partner');
    node.params.units = example.partner.units;
    return {
      node,
      label: "Dense 'partner'",
      params: resolveParams(node).params,
      inputs: { in: [example.partner.inputSize] },
      output: [example.partner.units],
    };
  };
}

/** The Keras config the compiler writes for the example's node. */
export function kerasOf(kindCase: KindCase, example: KindExample, params: ResolvedParams) {
  return LAYER_DESCRIPTORS[kindCase.kind].toKeras({
    params,
    inputs: example.inputs,
    output: example.output,
    layerNameOf: (id) => id,
  });
}
