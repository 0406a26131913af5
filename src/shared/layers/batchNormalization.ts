import { number } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const batchNormalizationDescriptor: LayerDescriptor = {
  kind: 'BatchNormalization',
  category: 'Regularize',
  explanation:
    'Rescales the values so each one has a steady average and spread, which makes training faster and steadier.',
  params: {
    momentum: number('Momentum', 'How slowly the remembered averages follow each batch.', 0.99, {
      min: 0,
      max: 0.9999,
      step: 0.01,
    }),
    epsilon: number('Epsilon', 'A tiny number that avoids dividing by zero.', 0.001, {
      min: 1e-8,
      max: 1,
      step: 0.0001,
    }),
  },
  ports: ['in'],
  inferShape: sameShape,
  // Keras: gamma and beta learn; the moving mean and variance are remembered, not trained.
  countParams: ({ inputs }) => {
    const channels = inputs.in[inputs.in.length - 1];
    return { trainable: 2 * channels, nonTrainable: 2 * channels };
  },
  toKeras: ({ params }) => ({
    className: 'BatchNormalization',
    config: {
      axis: -1,
      momentum: params.momentum,
      epsilon: params.epsilon,
      center: true,
      scale: true,
    },
  }),
};
