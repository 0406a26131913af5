import { pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num } from '../importHelpers';
import { number } from '../params';
import { torchModule } from '../scriptHelpers';
import { sameShape } from '../shapeRules';
import { short } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    GaussianNoise: true;
  }
}

export const descriptor = defineKind({
  kind: 'GaussianNoise',
  order: 60,
  category: 'Noise',
  title: 'Gaussian noise',
  explanation:
    'While training, adds random noise to every value, so the model learns to clean it up.',
  params: {
    stddev: number('Strength', 'The standard deviation of the added noise.', 0.2, {
      min: 0,
      max: 10,
      step: 0.05,
    }),
  },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'GaussianNoise', config: { stddev: params.stddev } }),
  kerasClass: {
    className: 'GaussianNoise',
    inference: 'passFirst',
    noise: true,
    python: ({ layer }) => ['layers.GaussianNoise', [pyValue(layer.config.stddev)]],
    torch: (a) => torchModule(a, `GaussianNoise(${pyValue(a.layer.config.stddev)})`),
    onnx: { passFirst: true },
    fromKeras: (layer) => ({
      ok: true,
      kind: 'GaussianNoise',
      params: { stddev: num(layer.config.stddev) },
    }),
  },
  diagram: {
    detail: (p) => `noise σ ${short(p.stddev)}`,
    colors: {
      default: '#FF9DA7',
      colorblind: '#CC79A7',
      print: { fill: '#FFFFFF', texture: 'dots' },
    },
    slab: true,
  },
});
