import { pyKwargs, pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num } from '../importHelpers';
import { rate } from '../params';
import { PY_REGISTER, torchModule } from '../scriptHelpers';
import { sameShape } from '../shapeRules';
import { pct } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    MaskingNoise: true;
  }
}

export const descriptor = defineKind({
  kind: 'MaskingNoise',
  order: 70,
  category: 'Noise',
  title: 'Masking noise',
  explanation: 'While training, sets a random share of the values to zero, like erasing pixels.',
  params: { rate: rate('Rate', 'The share of values set to zero while training.', 0.3) },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'MaskingNoise', config: { rate: params.rate } }),
  kerasClass: {
    className: 'MaskingNoise',
    pythonClass: `${PY_REGISTER}
class MaskingNoise(layers.Layer):
    """Sets a random share of the values to zero while training (no rescaling, unlike Dropout)."""

    def __init__(self, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def call(self, inputs, training=None):
        if not training or self.rate <= 0:
            return inputs
        keep = tf.cast(tf.random.uniform(tf.shape(inputs)) >= self.rate, inputs.dtype)
        return inputs * keep

    def get_config(self):
        config = super().get_config()
        config.update(rate=self.rate)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
    inference: 'passFirst',
    noise: true,
    python: ({ layer }) => ['MaskingNoise', pyKwargs({ rate: layer.config.rate })],
    torch: (a) => torchModule(a, `MaskingNoise(${pyValue(a.layer.config.rate)})`),
    onnx: { passFirst: true },
    fromKeras: (layer) => ({
      ok: true,
      kind: 'MaskingNoise',
      params: { rate: num(layer.config.rate) },
    }),
  },
  diagram: {
    detail: (p) => `mask ${pct(p.rate)}`,
    colors: {
      default: '#D4A6C8',
      colorblind: '#E0AFCA',
      print: { fill: '#FFFFFF', texture: 'dots' },
    },
    slab: true,
  },
});
