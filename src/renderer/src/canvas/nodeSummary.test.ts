import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../shared/graph/document';
import { activation, boolean, choice, integer, rate } from '../../../shared/layers/params';
import { summarizeParams } from './nodeSummary';

const node = (params: GraphNode['params']): GraphNode => ({
  id: 'n',
  kind: 'Dense',
  name: 'n',
  params,
  position: { x: 0, y: 0 },
});

describe('the param line of a node', () => {
  it('reads a dense layer as units and activation', () => {
    const specs = {
      units: integer('Units', 'How many.', 32, 1, 100),
      activation: activation('relu'),
      useBias: boolean('Use bias', 'Offset.', true),
    };
    expect(summarizeParams(node({ units: 128, activation: 'sigmoid' }), specs)).toBe(
      '128 units · sigmoid',
    );
  });

  it('falls back to the defaults and labels other numbers', () => {
    const specs = {
      rate: rate('Rate', 'Share dropped.', 0.2),
      loss: choice('Loss', 'How it is measured.', 'mse', ['mse', 'binaryCrossentropy']),
    };
    expect(summarizeParams(node({}), specs)).toBe('Rate 0.2 · mse');
    expect(summarizeParams(node({ rate: 1 / 784 }), specs)).toBe('Rate 0.001276 · mse');
  });
});
