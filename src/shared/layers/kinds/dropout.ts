import { pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num } from '../importHelpers';
import { rate } from '../params';
import { torchModule } from '../scriptHelpers';
import { sameShape } from '../shapeRules';
import { pct } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    Dropout: true;
  }
}

export const descriptor = defineKind({
  kind: 'Dropout',
  order: 50,
  category: 'Noise',
  title: 'Dropout',
  explanation:
    'While training, switches off a random share of the values (and scales up the rest), so the model cannot rely on any single one.',
  params: { rate: rate('Rate', 'The share of values switched off while training.', 0.5) },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'Dropout', config: { rate: params.rate } }),
  kerasClass: {
    className: 'Dropout',
    inference: 'passFirst',
    noise: true,
    python: ({ layer }) => ['layers.Dropout', [pyValue(layer.config.rate)]],
    torch: (a) => torchModule(a, `nn.Dropout(${pyValue(a.layer.config.rate)})`),
    onnx: { passFirst: true },
    fromKeras: (layer) => ({ ok: true, kind: 'Dropout', params: { rate: num(layer.config.rate) } }),
  },
  diagram: {
    detail: (p) => `dropout ${pct(p.rate)}`,
    colors: {
      default: '#D7B5A6',
      colorblind: '#DDB8D0',
      print: { fill: '#FFFFFF', texture: 'dots' },
    },
    slab: true,
  },
});
