import { ok } from '../../contract/result';
import { pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { pick, sizes, unreadableSetting } from '../importHelpers';
import { intList } from '../params';

declare module '../kindNames' {
  interface NodeKinds {
    Input: true;
  }
}

export const descriptor = defineKind({
  kind: 'Input',
  order: 10,
  category: 'Data',
  title: 'Input',
  explanation: 'Where the data enters: one sample at a time, such as the 784 pixels of a digit.',
  params: {
    shape: intList(
      'Shape',
      'The size of one sample: 784 for flat digits, 28, 28, 1 for digit images.',
      [784],
      { minLength: 1, maxLength: 3, min: 1, max: 100000 },
    ),
  },
  ports: [],
  inferShape: ({ params }) => ({ ok: true, shape: [...params.shape] }),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ output }) => ({
    className: 'InputLayer',
    config: { batch_input_shape: [null, ...output], dtype: 'float32', sparse: false },
  }),
  // The model's argument in every script: the writers start from it rather than call it.
  kerasClass: {
    className: 'InputLayer',
    inference: 'keep',
    python: ({ layer }) => [
      'keras.Input',
      [`shape=${pyValue((layer.config.batch_input_shape as number[]).slice(1))}`],
    ],
    torch: (a) => ok({ value: a.inputs[0] }),
    onnx: { unsupported: 'the input is the graph input, not a node' },
    fromKeras: (layer) => {
      const raw = pick(layer.config, 'batch_input_shape') ?? pick(layer.config, 'batch_shape');
      if (raw === undefined)
        return {
          ok: false,
          unreadable: true,
          message: 'The model does not say what shape its input has.',
        };
      const shape = sizes(raw, true);
      if (!shape) return unreadableSetting(layer, 'input shape (batch_input_shape)');
      return { ok: true, kind: 'Input', params: { shape } };
    },
  },
  diagram: {
    detail: () => 'input',
    colors: {
      default: '#9AA6B8',
      colorblind: '#999999',
      print: { fill: '#EDEDED', texture: 'none' },
    },
  },
});
