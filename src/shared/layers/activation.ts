import { activation } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const activationDescriptor: LayerDescriptor = {
  kind: 'Activation',
  category: 'Layers',
  explanation:
    'Applies a function such as relu or sigmoid to every value, without learning anything.',
  params: { activation: activation('relu') },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'Activation', config: { activation: params.activation } }),
};
