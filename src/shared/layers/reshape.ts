import { formatShape } from '../graph/messages';
import { sizeOf } from './params';
import { okShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const reshapeDescriptor: LayerDescriptor = {
  kind: 'Reshape',
  category: 'Layers',
  explanation:
    'Arranges the same values in a new shape, for example a list of 784 values as a 28 × 28 image.',
  params: {
    targetShape: {
      type: 'intList',
      label: 'New shape',
      help: 'The shape to arrange the values in, such as 28, 28, 1.',
      default: [28, 28, 1],
      minLength: 1,
      maxLength: 3,
      min: 1,
      max: 100000,
    },
  },
  ports: ['in'],
  inferShape: ({ inputs, params, label }) => {
    const target = params.targetShape as number[];
    const has = sizeOf(inputs.in);
    if (sizeOf(target) !== has) {
      return {
        ok: false,
        code: 'E_SHAPE',
        message: `${label} makes ${formatShape(target)} = ${sizeOf(target)} values but receives ${has}. Choose a shape whose sizes multiply to ${has}.`,
      };
    }
    return okShape([...target]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'Reshape', config: { target_shape: params.targetShape } }),
};
