import { ok } from '../../contract/result';
import { pyKwargs, pyValue } from '../../export/python';
import { formatShape, MESSAGES } from '../../graph/messages';
import { defineKind } from '../defineKind';
import { num } from '../importHelpers';
import { number } from '../params';
import { PY_REGISTER } from '../scriptHelpers';
import { okShape } from '../shapeRules';
import { short } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    Sampling: true;
  }
}

export const descriptor = defineKind({
  kind: 'Sampling',
  order: 170,
  category: 'Variational',
  title: 'Sampling',
  explanation:
    'The heart of a variational autoencoder: picks a random code near the mean the encoder proposes, with the spread it proposes.',
  params: {
    beta: number(
      'Beta',
      'How strongly the codes are pulled towards a standard normal cloud (the latent loss weight).',
      1,
      { min: 0, max: 1000, step: 0.0001 },
    ),
  },
  ports: ['mean', 'logVar'],
  inferShape: ({ inputs, label }) => {
    const { mean, logVar } = inputs;
    if (mean.length !== logVar.length || mean.some((v, i) => v !== logVar[i])) {
      return {
        ok: false,
        code: 'E_SAMPLING_INPUTS',
        message: MESSAGES.E_SAMPLING_SIZES(label, formatShape(mean), formatShape(logVar)),
      };
    }
    return okShape([...mean]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({ className: 'Sampling', config: { beta: params.beta } }),
  kerasClass: {
    className: 'Sampling',
    pythonClass: `${PY_REGISTER}
class Sampling(layers.Layer):
    """The VAE's reparameterization, z = mean + exp(log_var / 2) * eps, plus its latent loss:
    beta * KL(N(mean, exp(log_var)) || N(0, 1)), summed over the code, averaged over the batch."""

    def __init__(self, beta=1.0, **kwargs):
        super().__init__(**kwargs)
        self.beta = beta

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[0])

    def call(self, inputs, training=None):
        mean, log_var = inputs
        kl = -0.5 * tf.reduce_sum(1.0 + log_var - tf.square(mean) - tf.exp(log_var), axis=-1)
        self.add_loss(self.beta * tf.reduce_mean(kl))
        if not training:
            return mean
        return mean + tf.exp(0.5 * log_var) * tf.random.normal(tf.shape(mean))

    def get_config(self):
        config = super().get_config()
        config.update(beta=self.beta)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
    // At inference it gives the mean, its first input.
    inference: 'passFirst',
    python: ({ layer }) => ['Sampling', pyKwargs({ beta: layer.config.beta })],
    torch: (a) => {
      const [mean, logVar] = a.inputs;
      return ok({
        value: `sample(${mean}, ${logVar}, self.training)`,
        terms: [`terms["kl"] = kl_term(${mean}, ${logVar}, ${pyValue(a.layer.config.beta)})`],
      });
    },
    onnx: { passFirst: true },
    fromKeras: ({ config: c }) => ({
      ok: true,
      kind: 'Sampling',
      params: { beta: num(c.beta ?? 1) },
    }),
  },
  diagram: {
    detail: (p) => `sample z · β ${short(p.beta)}`,
    colors: {
      default: '#D37295',
      colorblind: '#009E73',
      print: { fill: '#BFBFBF', texture: 'cross' },
    },
  },
});
