import { pyKwargs, pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { activated, activationOf, kernelParams, num, pick } from '../importHelpers';
import {
  activation,
  boolean,
  initializerParams,
  integer,
  kernelInitializerOf,
  zeros,
} from '../params';
import {
  activationArg,
  initializerArg,
  kernelAndBiasNames,
  torchWithModule,
  whole,
} from '../scriptHelpers';
import { okShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Dense: true;
  }
}

export const descriptor = defineKind({
  kind: 'Dense',
  order: 20,
  category: 'Layers',
  title: 'Dense',
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
  inferShape: ({ inputs, params }) => okShape([...inputs.in.slice(0, -1), params.units]),
  countParams: ({ inputs, params }) => {
    const fanIn = inputs.in[inputs.in.length - 1];
    return {
      trainable: fanIn * params.units + (params.useBias ? params.units : 0),
      nonTrainable: 0,
    };
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
  kerasClass: {
    className: 'Dense',
    inference: 'keep',
    weights: kernelAndBiasNames,
    kernelShape: (c, size) => {
      const inputs = whole(size / (c.units as number));
      return inputs ? [inputs, c.units as number] : null;
    },
    python: ({ layer: { config: c } }) => [
      'layers.Dense',
      [
        pyValue(c.units),
        ...pyKwargs({
          activation: activationArg(c.activation),
          use_bias: c.use_bias === false ? false : undefined,
        }),
        ...initializerArg(c.kernel_initializer),
      ],
    ],
    torch: (a) => {
      const [fanIn, units] = [a.inShapes[0].at(-1)!, a.layer.config.units as number];
      const bias = a.layer.config.use_bias === false ? ', bias=False' : '';
      return torchWithModule(
        a,
        `nn.Linear(${fanIn}, ${units}${bias})`,
        `${a.self}(${a.inputs[0]})`,
        [fanIn, units],
        [1, 0],
      );
    },
    onnx: { converter: 'dense' },
    // A softmax Dense that ends the model is the app's ClassifierHead.
    fromKeras: (layer, isLast) => {
      const c = layer.config;
      const init = kernelParams(layer);
      if (activationOf(layer) === 'softmax' && isLast)
        return { ok: true, kind: 'ClassifierHead', params: { classes: num(c.units), ...init } };
      return activated(layer, 'Dense', {
        units: num(c.units),
        useBias: pick(c, 'use_bias') !== false,
        ...init,
      });
    },
  },
  diagram: {
    detail: (p) => `${p.units} · ${p.activation}`,
    colors: {
      default: '#4E79A7',
      colorblind: '#0072B2',
      print: { fill: '#FFFFFF', texture: 'diag' },
    },
  },
});
