import { ok } from '../../contract/result';
import { pyKwargs, pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num } from '../importHelpers';
import { number } from '../params';
import { torchCall } from '../scriptHelpers';
import { sameShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    BatchNormalization: true;
  }
}

export const descriptor = defineKind({
  kind: 'BatchNormalization',
  order: 90,
  category: 'Regularize',
  title: 'Batch normalization',
  explanation:
    'Rescales the values so each one has a steady average and spread, which makes training faster and steadier.',
  params: {
    momentum: number('Momentum', 'How slowly the remembered averages follow each batch.', 0.99, {
      min: 0,
      max: 0.9999,
      step: 0.01,
    }),
    epsilon: number('Epsilon', 'A tiny number that avoids dividing by zero.', 0.001, {
      min: 1e-8,
      max: 1,
      step: 0.0001,
    }),
  },
  ports: ['in'],
  inferShape: sameShape,
  // Keras: gamma and beta learn; the moving mean and variance are remembered, not trained.
  countParams: ({ inputs }) => {
    const channels = inputs.in[inputs.in.length - 1];
    return { trainable: 2 * channels, nonTrainable: 2 * channels };
  },
  toKeras: ({ params }) => ({
    className: 'BatchNormalization',
    config: {
      axis: -1,
      momentum: params.momentum,
      epsilon: params.epsilon,
      center: true,
      scale: true,
    },
  }),
  kerasClass: {
    className: 'BatchNormalization',
    inference: 'keep',
    weights: (c) => [
      ...(c.scale === false ? [] : ['gamma']),
      ...(c.center === false ? [] : ['beta']),
      'moving_mean',
      'moving_variance',
    ],
    python: ({ layer: { config: c } }) => [
      'layers.BatchNormalization',
      pyKwargs({ momentum: c.momentum, epsilon: c.epsilon }),
    ],
    torch: (a) => {
      const c = a.layer.config;
      const channels = a.inShapes[0].at(-1)!;
      // Keras' moving average keeps `momentum` of the old value; torch's keeps 1 - momentum.
      const momentum = pyValue(Number((1 - (c.momentum as number)).toPrecision(12)));
      return ok({
        module: `BatchNorm(${channels}, eps=${pyValue(c.epsilon)}, momentum=${momentum})`,
        value: torchCall(a),
        weights: [
          { suffix: 'gamma', param: 'weight', order: [0] },
          { suffix: 'beta', param: 'bias', order: [0] },
          { suffix: 'moving_mean', param: 'running_mean', order: [0] },
          { suffix: 'moving_variance', param: 'running_var', order: [0] },
        ],
      });
    },
    onnx: { converter: 'batchNorm' },
    fromKeras: ({ config: c }) => ({
      ok: true,
      kind: 'BatchNormalization',
      params: { momentum: num(c.momentum), epsilon: num(c.epsilon) },
    }),
  },
  diagram: {
    detail: () => 'batch norm',
    colors: {
      default: '#A0CBE8',
      colorblind: '#66C5A9',
      print: { fill: '#F5F5F5', texture: 'horiz' },
    },
    slab: true,
  },
});
