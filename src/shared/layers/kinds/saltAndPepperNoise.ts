import { pyKwargs, pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num } from '../importHelpers';
import { rate } from '../params';
import { PY_REGISTER, torchModule } from '../scriptHelpers';
import { sameShape } from '../shapeRules';
import { pct } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    SaltAndPepperNoise: true;
  }
}

export const descriptor = defineKind({
  kind: 'SaltAndPepperNoise',
  order: 80,
  category: 'Noise',
  title: 'Salt-and-pepper noise',
  explanation:
    'While training, sets a random share of the values to black or white at random, like specks of dust.',
  params: { rate: rate('Rate', 'The share of values turned black or white while training.', 0.1) },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'SaltAndPepperNoise', config: { rate: params.rate } }),
  kerasClass: {
    className: 'SaltAndPepperNoise',
    pythonClass: `${PY_REGISTER}
class SaltAndPepperNoise(layers.Layer):
    """Sets a random share of the values to 0 or 1 (half each) while training."""

    def __init__(self, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def call(self, inputs, training=None):
        if not training or self.rate <= 0:
            return inputs
        hit = tf.random.uniform(tf.shape(inputs)) < self.rate
        salt = tf.cast(tf.random.uniform(tf.shape(inputs)) < 0.5, inputs.dtype)
        return tf.where(hit, salt, inputs)

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
    python: ({ layer }) => ['SaltAndPepperNoise', pyKwargs({ rate: layer.config.rate })],
    torch: (a) => torchModule(a, `SaltAndPepperNoise(${pyValue(a.layer.config.rate)})`),
    onnx: { passFirst: true },
    fromKeras: (layer) => ({
      ok: true,
      kind: 'SaltAndPepperNoise',
      params: { rate: num(layer.config.rate) },
    }),
  },
  diagram: {
    detail: (p) => `salt & pepper ${pct(p.rate)}`,
    colors: {
      default: '#C9829F',
      colorblind: '#B35E8E',
      print: { fill: '#FFFFFF', texture: 'dots' },
    },
    slab: true,
  },
});
