import { rate } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const dropoutDescriptor: LayerDescriptor = {
  kind: 'Dropout',
  category: 'Noise',
  explanation:
    'While training, switches off a random share of the values (and scales up the rest), so the model cannot rely on any single one.',
  params: { rate: rate('Rate', 'The share of values switched off while training.', 0.5) },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'Dropout', config: { rate: params.rate } }),
};
