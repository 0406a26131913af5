import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../graph/document';
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

  it('gives Sampling the ports mean and logVar, Input none, every other kind in', () => {
    for (const kind of NODE_KINDS) {
      const expected = kind === 'Sampling' ? ['mean', 'logVar'] : kind === 'Input' ? [] : ['in'];
      expect(LAYER_DESCRIPTORS[kind].ports).toEqual(expected);
    }
  });

  it('reports a value out of range in words and falls back to the default', () => {
    const node = createNode('Dropout', 'd', { x: 0, y: 0 });
    node.params.rate = 2;
    const { params, problems } = resolveParams(node);
    expect(params.rate).toBe(0.5);
    expect(problems).toEqual(['Rate must be a number from 0 to 0.99 (it is 2)']);
  });
});
