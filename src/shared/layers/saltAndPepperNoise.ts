import { rate } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const saltAndPepperNoiseDescriptor: LayerDescriptor = {
  kind: 'SaltAndPepperNoise',
  category: 'Noise',
  explanation:
    'While training, sets a random share of the values to black or white at random, like specks of dust.',
  params: { rate: rate('Rate', 'The share of values turned black or white while training.', 0.1) },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'SaltAndPepperNoise', config: { rate: params.rate } }),
};
