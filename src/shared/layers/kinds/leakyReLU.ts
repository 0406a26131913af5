import { ok } from '../../contract/result';
import { pyKwargs, pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num, pick } from '../importHelpers';
import { number } from '../params';
import { sameShape } from '../shapeRules';
import { short } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    LeakyReLU: true;
  }
}

/**
 * relu that lets a small share of negative values through (max(x, alpha x)), so a neuron never
 * stops learning; the activation GAN discriminators use. Keras 2 and tfjs call the share `alpha`,
 * Keras 3 `negative_slope`.
 */
export const descriptor = defineKind({
  kind: 'LeakyReLU',
  order: 45,
  category: 'Layers',
  title: 'Leaky ReLU',
  explanation:
    'Like relu, but lets a small share of each negative value through instead of cutting it to zero, so no neuron stops learning.',
  params: {
    alpha: number(
      'Negative slope',
      'The share of a negative value that passes: 0 is plain relu, 0.2 the usual choice.',
      0.2,
      { min: 0, max: 1, step: 0.01 },
    ),
  },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'LeakyReLU', config: { alpha: params.alpha } }),
  kerasClass: {
    className: 'LeakyReLU',
    inference: 'keep',
    python: ({ layer }) => ['layers.LeakyReLU', pyKwargs({ negative_slope: layer.config.alpha })],
    torch: (a) => ok({ value: `F.leaky_relu(${a.inputs[0]}, ${pyValue(a.layer.config.alpha)})` }),
    onnx: {
      elementwise: 'LeakyRelu',
      attributes: (c) => [{ name: 'alpha', f: num(c.alpha ?? 0.3) }],
    },
    // tfjs and Keras 2 write `alpha` (default 0.3), Keras 3 `negative_slope`.
    fromKeras: ({ config: c }) => ({
      ok: true,
      kind: 'LeakyReLU',
      params: { alpha: num(pick(c, 'alpha') ?? pick(c, 'negative_slope') ?? 0.3) },
    }),
  },
  diagram: {
    detail: (p) => `leaky relu ${short(p.alpha)}`,
    colors: {
      default: '#B3DFA7',
      colorblind: '#BFE6DA',
      print: { fill: '#F5F5F5', texture: 'diag' },
    },
    slab: true,
  },
});
