import { ok } from '../../contract/result';
import { pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { activated } from '../importHelpers';
import { activation } from '../params';
import { torchActivate } from '../scriptHelpers';
import { sameShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Activation: true;
  }
}

export const descriptor = defineKind({
  kind: 'Activation',
  order: 40,
  category: 'Layers',
  title: 'Activation',
  explanation:
    'Applies a function such as relu or sigmoid to every value, without learning anything.',
  params: { activation: activation('relu') },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'Activation', config: { activation: params.activation } }),
  kerasClass: {
    className: 'Activation',
    inference: 'keep',
    python: ({ layer }) => ['layers.Activation', [pyValue(layer.config.activation)]],
    torch: (a) => {
      const value = torchActivate(a.layer, a.inputs[0]);
      return value.ok ? ok({ value: value.value }) : value;
    },
    onnx: { converter: 'activation' },
    fromKeras: (layer) => activated(layer, 'Activation', {}),
  },
  diagram: {
    detail: (p) => p.activation,
    colors: {
      default: '#8CD17D',
      colorblind: '#99D8C5',
      print: { fill: '#F5F5F5', texture: 'vert' },
    },
    slab: true,
  },
});
