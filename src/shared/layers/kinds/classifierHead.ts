import { formatShape } from '../../graph/messages';
import { defineKind } from '../defineKind';
import { boolean, initializerParams, integer, kernelInitializerOf, zeros } from '../params';
import { okShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    ClassifierHead: true;
  }
}

/**
 * A softmax Dense: it is written, read and exported as Dense (whose import turns a final softmax
 * Dense back into this kind), so it owns no Keras class.
 */
export const descriptor = defineKind({
  kind: 'ClassifierHead',
  order: 190,
  category: 'Heads',
  title: 'Classifier',
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
    return okShape([params.classes]);
  },
  countParams: ({ inputs, params }) => ({
    trainable: inputs.in[0] * params.classes + params.classes,
    nonTrainable: 0,
  }),
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
  diagram: {
    detail: (p) => `${p.classes} classes · softmax`,
    colors: {
      default: '#B07AA1',
      colorblind: '#CC79A7',
      print: { fill: '#FFFFFF', texture: 'grid' },
    },
  },
});
