import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../graph/document';
import type { GraphNode, NodeKind } from '../graph/document';
import { CATEGORIES, createNode, LAYER_DESCRIPTORS, resolveParams } from '.';

describe('layer descriptors', () => {
  it.each(NODE_KINDS)(
    '%s has a category, an explanation and defaults that pass its own checks',
    (kind) => {
      const d = LAYER_DESCRIPTORS[kind];
      expect(d.kind).toBe(kind);
      expect(CATEGORIES).toContain(d.category);
      expect(d.explanation.length).toBeGreaterThan(20);
      const node = createNode(kind, 'x', { x: 1, y: 2 });
      expect(node.name).toBe(kind);
      expect(resolveParams(node).problems).toEqual([]);
    },
  );

  it('gives Sampling mean and logVar, Adversary score and fake, the sources none, the rest in', () => {
    const special: Partial<Record<NodeKind, string[]>> = {
      Sampling: ['mean', 'logVar'],
      Adversary: ['score', 'fake'],
      Input: [],
      Prior: [],
    };
    for (const kind of NODE_KINDS)
      expect(LAYER_DESCRIPTORS[kind].ports).toEqual(special[kind] ?? ['in']);
  });

  it('reports a value out of range in words and falls back to the default', () => {
    const node = createNode('Dropout', 'd', { x: 0, y: 0 });
    node.params.rate = 2;
    const { params, problems } = resolveParams(node);
    expect(params.rate).toBe(0.5);
    expect(problems).toEqual(['Rate must be a number from 0 to 0.99 (it is 2)']);
  });
});

/** The layers with a kernel, each with an input its shape rule accepts. */
const KERNEL_LAYERS: [NodeKind, number[]][] = [
  ['Dense', [784]],
  ['Conv2D', [28, 28, 1]],
  ['Conv2DTranspose', [7, 7, 8]],
  ['ClassifierHead', [32]],
];

/** The kernel_initializer each choice gives: the contract every exporter reads. */
const KERAS_INITIALIZERS: [string, unknown][] = [
  ['glorotUniform', { class_name: 'GlorotUniform', config: { seed: null } }],
  ['heNormal', { class_name: 'HeNormal', config: { seed: null } }],
  ['randomNormal', { class_name: 'RandomNormal', config: { mean: 0, stddev: 0.1, seed: null } }],
  ['zeros', { class_name: 'Zeros', config: {} }],
];

const kerasOf = (node: GraphNode, inputs: number[]) => {
  const d = LAYER_DESCRIPTORS[node.kind];
  const { params } = resolveParams(node);
  const shape = d.inferShape({
    inputs: { in: inputs },
    params,
    node,
    label: node.kind,
    lookup: () => null,
  });
  if (!shape.ok) throw new Error(shape.message);
  const output = shape.shape;
  return {
    keras: d.toKeras({ params, inputs: { in: inputs }, output, layerNameOf: (id) => id }),
    count: d.countParams({ inputs: { in: inputs }, output, params }),
  };
};

describe.each(KERNEL_LAYERS)('%s initial weights', (kind, inputs) => {
  it('loads a design saved without the initializer as Glorot uniform with zero biases', () => {
    const node = createNode(kind, 'old', { x: 0, y: 0 });
    delete node.params.kernelInitializer;
    delete node.params.initStddev;
    expect(resolveParams(node).params.kernelInitializer).toBe('glorotUniform');
    const { keras } = kerasOf(node, inputs);
    expect(keras!.config.kernel_initializer).toEqual(KERAS_INITIALIZERS[0][1]);
    expect(keras!.config.bias_initializer).toEqual({ class_name: 'Zeros', config: {} });
  });

  it.each(KERAS_INITIALIZERS)(
    "writes '%s' as the Keras kernel_initializer of the contract, counting the same parameters",
    (choice, expected) => {
      const base = createNode(kind, 'n', { x: 0, y: 0 });
      const node = createNode(kind, 'n', { x: 0, y: 0 });
      node.params.kernelInitializer = choice;
      node.params.initStddev = 0.1;
      expect(resolveParams(node).problems).toEqual([]);
      const { keras, count } = kerasOf(node, inputs);
      expect(keras!.config.kernel_initializer).toEqual(expected);
      expect(keras!.config.bias_initializer).toEqual({ class_name: 'Zeros', config: {} });
      expect(count).toEqual(kerasOf(base, inputs).count);
    },
  );

  it('refuses an unknown initializer or a spread of 0 in words, keeping Glorot uniform', () => {
    const node = createNode(kind, 'n', { x: 0, y: 0 });
    node.params.kernelInitializer = 'ones';
    node.params.initStddev = 0;
    const { params, problems } = resolveParams(node);
    expect(params.kernelInitializer).toBe('glorotUniform');
    expect(problems).toEqual([
      'Initial weights must be one of glorotUniform, heNormal, randomNormal, zeros (it is "ones")',
      'Spread (random normal) must be a number from 0.0001 to 10 (it is 0)',
    ]);
  });
});
