import { rate } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const maskingNoiseDescriptor: LayerDescriptor = {
  kind: 'MaskingNoise',
  category: 'Noise',
  explanation: 'While training, sets a random share of the values to zero, like erasing pixels.',
  params: { rate: rate('Rate', 'The share of values set to zero while training.', 0.3) },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'MaskingNoise', config: { rate: params.rate } }),
};
