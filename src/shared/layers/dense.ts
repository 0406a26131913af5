import {
  activation,
  boolean,
  initializerParams,
  integer,
  kernelInitializerOf,
  zeros,
} from './params';
import { okShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const denseDescriptor: LayerDescriptor = {
  kind: 'Dense',
  category: 'Layers',
  explanation:
    'A layer of neurons, each of which looks at every value it receives and gives one new value.',
  params: {
    units: integer(
      'Units',
      'How many values this layer gives (its number of neurons).',
      32,
      1,
      100000,
    ),
    activation: activation('relu'),
    useBias: boolean('Use bias', 'Adds a learned offset to each neuron.', true),
    ...initializerParams(),
  },
  ports: ['in'],
  inferShape: ({ inputs, params }) => okShape([...inputs.in.slice(0, -1), params.units as number]),
  countParams: ({ inputs, params }) => {
    const fanIn = inputs.in[inputs.in.length - 1];
    const units = params.units as number;
    return { trainable: fanIn * units + (params.useBias ? units : 0), nonTrainable: 0 };
  },
  toKeras: ({ params }) => ({
    className: 'Dense',
    config: {
      units: params.units,
      activation: params.activation,
      use_bias: params.useBias,
      kernel_initializer: kernelInitializerOf(params),
      bias_initializer: zeros,
    },
  }),
};
