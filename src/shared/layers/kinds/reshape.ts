import { ok } from '../../contract/result';
import { pyValue } from '../../export/python';
import { formatShape } from '../../graph/messages';
import { defineKind } from '../defineKind';
import { pick, sizes, unreadableSetting } from '../importHelpers';
import { intList, sizeOf } from '../params';
import { okShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Reshape: true;
  }
}

export const descriptor = defineKind({
  kind: 'Reshape',
  order: 110,
  category: 'Layers',
  title: 'Reshape',
  explanation:
    'Arranges the same values in a new shape, for example a list of 784 values as a 28 × 28 image.',
  params: {
    targetShape: intList(
      'New shape',
      'The shape to arrange the values in, such as 28, 28, 1.',
      [28, 28, 1],
      { minLength: 1, maxLength: 3, min: 1, max: 100000 },
    ),
  },
  ports: ['in'],
  inferShape: ({ inputs, params, label }) => {
    const target = params.targetShape;
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
  kerasClass: {
    className: 'Reshape',
    inference: 'keep',
    python: ({ layer }) => ['layers.Reshape', [pyValue(layer.config.target_shape)]],
    torch: (a) =>
      ok({ value: `${a.inputs[0]}.reshape(${a.inputs[0]}.shape[0], ${a.outShape.join(', ')})` }),
    onnx: { converter: 'reshape' },
    fromKeras: (layer) => {
      const targetShape = sizes(pick(layer.config, 'target_shape'), false);
      if (!targetShape) return unreadableSetting(layer, 'target shape');
      return { ok: true, kind: 'Reshape', params: { targetShape } };
    },
  },
  diagram: {
    detail: (p) => `to ${formatShape(p.targetShape)}`,
    colors: {
      default: '#B9A594',
      colorblind: '#AAAAAA',
      print: { fill: '#D9D9D9', texture: 'none' },
    },
  },
});
