import { formatShape } from '../graph/messages';
import { boolean, initializerParams, integer, kernelInitializerOf, zeros } from './params';
import { okShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const classifierHeadDescriptor: LayerDescriptor = {
  kind: 'ClassifierHead',
  category: 'Heads',
  explanation:
    'Turns the code into a guess of the class (such as which digit it is), reusing what the encoder learned.',
  params: {
    classes: integer('Classes', 'How many classes to choose between.', 10, 2, 10000),
    frozen: boolean(
      'Freeze encoder',
      'Keeps the layers before this head as they are, so only the head learns.',
      true,
    ),
    ...initializerParams(),
  },
  ports: ['in'],
  inferShape: ({ inputs, params, label }) => {
    if (inputs.in.length !== 1) {
      return {
        ok: false,
        code: 'E_SHAPE',
        message: `${label} needs a flat list of values but receives ${formatShape(inputs.in)}. Add a Flatten before it.`,
      };
    }
    return okShape([params.classes as number]);
  },
  countParams: ({ inputs, params }) => {
    const classes = params.classes as number;
    return { trainable: inputs.in[0] * classes + classes, nonTrainable: 0 };
  },
  toKeras: ({ params }) => ({
    className: 'Dense',
    config: {
      units: params.classes,
      activation: 'softmax',
      use_bias: true,
      kernel_initializer: kernelInitializerOf(params),
      bias_initializer: zeros,
    },
  }),
};
