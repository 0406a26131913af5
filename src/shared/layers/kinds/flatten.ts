import { ok } from '../../contract/result';
import { defineKind } from '../defineKind';
import { sizeOf } from '../params';
import { okShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Flatten: true;
  }
}

export const descriptor = defineKind({
  kind: 'Flatten',
  order: 100,
  category: 'Layers',
  title: 'Flatten',
  explanation: 'Lays an image out as one long list of values, row after row.',
  params: {},
  ports: ['in'],
  inferShape: ({ inputs }) => okShape([sizeOf(inputs.in)]),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs' Flatten refuses values that are already flat (Keras' passes them on): those are written
  // as the Reshape that keeps them as they are, which every runtime and exporter reads.
  toKeras: ({ inputs }) =>
    inputs.in.length === 1
      ? { className: 'Reshape', config: { target_shape: [...inputs.in] } }
      : { className: 'Flatten', config: { data_format: 'channels_last' } },
  kerasClass: {
    className: 'Flatten',
    inference: 'keep',
    python: () => ['layers.Flatten', []],
    // Channels-last between layers, so both reshape in the order Keras and tfjs use.
    torch: (a) => ok({ value: `${a.inputs[0]}.reshape(${a.inputs[0]}.shape[0], -1)` }),
    onnx: { converter: 'flatten' },
    fromKeras: () => ({ ok: true, kind: 'Flatten', params: {} }),
  },
  diagram: {
    detail: () => 'flatten',
    colors: {
      default: '#C9C2BE',
      colorblind: '#CCCCCC',
      print: { fill: '#D9D9D9', texture: 'none' },
    },
  },
});
