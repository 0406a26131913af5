import { choice, number } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const codeDescriptor: LayerDescriptor = {
  kind: 'Code',
  category: 'Regularize',
  explanation:
    'Marks the bottleneck: the short summary the encoder makes of each sample, and optionally pushes it to be sparse or smooth.',
  params: {
    sparsity: choice(
      'Sparsity',
      "'l1' pushes code values towards zero; 'kl' keeps each value's average near the target rate.",
      'none',
      ['none', 'l1', 'kl'],
    ),
    sparsityWeight: number('Sparsity weight', 'How strongly sparsity counts in the loss.', 0.001, {
      min: 0,
      max: 100,
      step: 0.001,
    }),
    targetRate: number(
      'Target rate',
      "For 'kl': the average activation each code value should have.",
      0.1,
      {
        min: 0.001,
        max: 0.999,
        step: 0.01,
      },
    ),
    contractiveWeight: number(
      'Contractive weight',
      'How strongly the code is kept from changing when the input changes a little (0 is off).',
      0,
      { min: 0, max: 100, step: 0.001 },
    ),
  },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({
    className: 'Code',
    config: {
      sparsity: params.sparsity,
      sparsity_weight: params.sparsityWeight,
      target_rate: params.targetRate,
      contractive_weight: params.contractiveWeight,
    },
  }),
};
