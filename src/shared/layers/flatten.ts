import { okShape } from './shapeRules';
import { sizeOf } from './params';
import type { LayerDescriptor } from './types';

export const flattenDescriptor: LayerDescriptor = {
  kind: 'Flatten',
  category: 'Layers',
  explanation: 'Lays an image out as one long list of values, row after row.',
  params: {},
  ports: ['in'],
  inferShape: ({ inputs }) => okShape([sizeOf(inputs.in)]),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: () => ({ className: 'Flatten', config: { data_format: 'channels_last' } }),
};
