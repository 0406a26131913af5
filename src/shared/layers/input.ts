import type { LayerDescriptor } from './types';

export const inputDescriptor: LayerDescriptor = {
  kind: 'Input',
  category: 'Data',
  explanation: 'Where the data enters: one sample at a time, such as the 784 pixels of a digit.',
  params: {
    shape: {
      type: 'intList',
      label: 'Shape',
      help: 'The size of one sample: 784 for flat digits, 28, 28, 1 for digit images.',
      default: [784],
      minLength: 1,
      maxLength: 3,
      min: 1,
      max: 100000,
    },
  },
  ports: [],
  inferShape: ({ params }) => ({ ok: true, shape: [...(params.shape as number[])] }),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ output }) => ({
    className: 'InputLayer',
    config: { batch_input_shape: [null, ...output], dtype: 'float32', sparse: false },
  }),
};
