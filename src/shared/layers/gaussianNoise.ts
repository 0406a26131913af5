import { number } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const gaussianNoiseDescriptor: LayerDescriptor = {
  kind: 'GaussianNoise',
  category: 'Noise',
  explanation:
    'While training, adds random noise to every value, so the model learns to clean it up.',
  params: {
    stddev: number('Strength', 'The standard deviation of the added noise.', 0.2, {
      min: 0,
      max: 10,
      step: 0.05,
    }),
  },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'GaussianNoise', config: { stddev: params.stddev } }),
};
