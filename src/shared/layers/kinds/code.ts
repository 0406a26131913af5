import { pyKwargs, pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { num, pick, str } from '../importHelpers';
import { choice, integer, number } from '../params';
import { PY_REGISTER, torchIdentity } from '../scriptHelpers';
import { ok } from '../../contract/result';
import { sameShape } from '../shapeRules';
import {
  PY_WINNERS_METHOD,
  WINNER_RULES,
  winnerRuleOf,
  winnersAtInference,
  winnersConfig,
  winnersDetail,
  winnersPythonArgs,
  winnersTorch,
} from '../winners';
import { short } from '../words';
import type { KerasLayerSpec } from '../../compiler/spec';

declare module '../kindNames' {
  interface NodeKinds {
    Code: true;
  }
}

/** The Dense before a contractive code, whose kernel the penalty reads. */
const contractiveDense = (
  layer: KerasLayerSpec,
  sourceOf: (k: number) => KerasLayerSpec | undefined,
): KerasLayerSpec | null => {
  const source = sourceOf(0);
  return (layer.config.contractive_weight as number) > 0 && source?.class_name === 'Dense'
    ? source
    : null;
};

export const descriptor = defineKind({
  kind: 'Code',
  order: 160,
  category: 'Regularize',
  title: 'Code',
  explanation:
    'Marks the bottleneck: the short summary the encoder makes of each sample, and optionally pushes it to be sparse or smooth.',
  params: {
    sparsity: choice(
      'Sparsity',
      "'l1' pushes code values towards zero; 'kl' keeps each value's average near the target rate.",
      'none',
      ['none', 'l1', 'kl'],
    ),
    sparsityWeight: number('Sparsity weight', 'How strongly sparsity counts in the loss.', 0.001, {
      min: 0,
      max: 100,
      step: 0.001,
    }),
    targetRate: number(
      'Target rate',
      "For 'kl': the average activation each code value should have.",
      0.1,
      { min: 0.001, max: 0.999, step: 0.01 },
    ),
    contractiveWeight: number(
      'Contractive weight',
      'How strongly the code is kept from changing when the input changes a little (0 is off).',
      0,
      { min: 0, max: 100, step: 0.001 },
    ),
    winners: choice(
      'Winners take all',
      "'top-k' keeps only the k largest code values of each sample and sets the rest to zero (in training and after); 'lifetime' keeps, for each code value, only its largest values over a training batch (after training the code passes whole).",
      'none',
      WINNER_RULES,
    ),
    k: integer(
      'Winners (k)',
      "For 'top-k': how many code values of each sample are kept.",
      5,
      1,
      4096,
    ),
    lifetimeRate: number(
      'Lifetime rate',
      "For 'lifetime': the share of a training batch in which each code value may stay on.",
      0.05,
      { min: 0.001, max: 1, step: 0.01 },
    ),
  },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({
    className: 'Code',
    config: {
      sparsity: params.sparsity,
      sparsity_weight: params.sparsityWeight,
      target_rate: params.targetRate,
      contractive_weight: params.contractiveWeight,
      // Only a code with winners writes them, so every earlier design's model JSON stays the same.
      ...winnersConfig(params.winners, params.k, params.lifetimeRate),
    },
  }),
  kerasClass: {
    className: 'Code',
    pythonClass: `def activation_slope(name, h):
    """dh/da written with the activation's output h, for the contractive penalty."""
    if name == "relu":
        return tf.cast(h > 0, h.dtype)
    if name == "sigmoid":
        return h * (1.0 - h)
    if name == "tanh":
        return 1.0 - tf.square(h)
    if name == "elu":
        return tf.where(h > 0, tf.ones_like(h), h + 1.0)
    if name == "selu":
        scale, alpha = 1.0507009873554805, 1.6732632423543772
        return tf.where(h > 0, scale * tf.ones_like(h), h + scale * alpha)
    if name == "softplus":
        return 1.0 - tf.exp(-h)
    return tf.ones_like(h)


${PY_REGISTER}
class Code(layers.Layer):
    """Marks the code (the bottleneck) and adds its penalties to the loss:
    L1 sparsity (weight * batch mean of sum |h|), KL sparsity (weight * sum_j KL(rho || mean h_j))
    and the contractive penalty of the Dense layer before it (weight * batch mean of ||dh/dx||^2).
    The Dense is a layer, or its name when loading (then linked by StudioModel). With winners it
    keeps only the largest values (winner-take-all: 'top-k' per sample, 'lifetime' per unit)."""

    def __init__(self, sparsity="none", sparsity_weight=0.001, target_rate=0.1,
                 contractive_weight=0.0, dense=None, dense_activation="linear",
                 winners="none", k=5, lifetime_rate=0.05, **kwargs):
        super().__init__(**kwargs)
        self.winners = winners
        self.k = k
        self.lifetime_rate = lifetime_rate
        self.sparsity = sparsity
        self.sparsity_weight = sparsity_weight
        self.target_rate = target_rate
        self.contractive_weight = contractive_weight
        self.linked_name = dense if dense is None or isinstance(dense, str) else dense.name
        self.dense_activation = dense_activation
        keep_untracked(self, "dense", None if dense is None or isinstance(dense, str) else dense)

    def link(self, dense):
        keep_untracked(self, "dense", dense)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

${PY_WINNERS_METHOD}
    def call(self, h, training=None):
        flat = tf.reshape(h, (tf.shape(h)[0], -1))
        if self.sparsity == "l1":
            self.add_loss(self.sparsity_weight * tf.reduce_mean(tf.reduce_sum(tf.abs(flat), axis=-1)))
        elif self.sparsity == "kl":
            rho = self.target_rate
            rho_hat = tf.clip_by_value(tf.reduce_mean(flat, axis=0), 1e-7, 1.0 - 1e-7)
            kl = rho * tf.math.log(rho / rho_hat) + (1.0 - rho) * tf.math.log((1.0 - rho) / (1.0 - rho_hat))
            self.add_loss(self.sparsity_weight * tf.reduce_sum(kl))
        if self.contractive_weight > 0 and self.linked_name is not None:
            if self.dense is None:
                raise ValueError("Code %r is not linked to its Dense layer %r." % (self.name, self.linked_name))
            slope = tf.square(activation_slope(self.dense_activation, h))
            column_norms = tf.reduce_sum(tf.square(self.dense.kernel), axis=0)
            per_sample = tf.reduce_sum(slope * column_norms, axis=-1)
            self.add_loss(self.contractive_weight * tf.reduce_mean(per_sample))
        return self.keep_winners(h, training)

    def get_config(self):
        config = super().get_config()
        config.update(sparsity=self.sparsity, sparsity_weight=self.sparsity_weight,
                      target_rate=self.target_rate, contractive_weight=self.contractive_weight,
                      dense=self.linked_name, dense_activation=self.dense_activation,
                      winners=self.winners, k=self.k, lifetime_rate=self.lifetime_rate)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
    linked: true,
    // At inference the code is what it receives (the penalties and lifetime winners only shape
    // training), unless it keeps its top k: then the inference exports keep it too.
    inference: 'passFirst',
    keepsAtInference: winnersAtInference,
    references: (layer, sourceOf) => {
      const dense = contractiveDense(layer, sourceOf);
      return dense ? [dense.name] : [];
    },
    python: ({ layer, objectVar, sourceOf }) => {
      const c = layer.config;
      const args = pyKwargs({
        sparsity: c.sparsity === 'none' ? undefined : c.sparsity,
        sparsity_weight: c.sparsity === 'none' ? undefined : c.sparsity_weight,
        target_rate: c.sparsity === 'kl' ? c.target_rate : undefined,
        contractive_weight: (c.contractive_weight as number) > 0 ? c.contractive_weight : undefined,
      });
      args.push(...winnersPythonArgs(c));
      const dense = contractiveDense(layer, sourceOf);
      if (dense)
        args.push(
          `dense=${objectVar(dense.name)}`,
          `dense_activation=${pyValue(dense.config.activation)}`,
        );
      return ['Code', args];
    },
    torch: (a) => {
      const c = a.layer.config;
      const h = a.inputs[0];
      const terms: string[] = [];
      const weight = pyValue(c.sparsity_weight);
      if (c.sparsity === 'l1') terms.push(`terms["sparsity"] = l1_term(${h}, ${weight})`);
      if (c.sparsity === 'kl')
        terms.push(
          `terms["sparsity"] = kl_sparsity_term(${h}, ${weight}, ${pyValue(c.target_rate)})`,
        );
      const source = a.sourceOf(0);
      const dense = source?.class_name === 'Dense' ? a.selfOf(source.name) : null;
      if ((c.contractive_weight as number) > 0 && source && dense) {
        const act = pyValue(source.config.activation ?? 'linear');
        terms.push(
          `terms["contractive"] = contractive_term(${h}, ${dense}.weight, ${act}, ${pyValue(c.contractive_weight)})`,
        );
      }
      if (winnerRuleOf(c) === 'none') return torchIdentity(a, terms);
      return ok({ value: winnersTorch(c, h), terms });
    },
    // Passes its input on unless it keeps its top k (ONNX TopK, then a mask).
    onnx: { converter: 'winners' },
    fromKeras: ({ config: c }) => ({
      ok: true,
      kind: 'Code',
      params: {
        sparsity: str(pick(c, 'sparsity'), 'none'),
        sparsityWeight: num(pick(c, 'sparsity_weight') ?? 0.001),
        targetRate: num(pick(c, 'target_rate') ?? 0.1),
        contractiveWeight: num(pick(c, 'contractive_weight') ?? 0),
        winners: winnerRuleOf(c),
        k: num(pick(c, 'k') ?? 5),
        lifetimeRate: num(pick(c, 'lifetime_rate') ?? 0.05),
      },
    }),
  },
  diagram: {
    detail: (p) => {
      const parts: string[] = [];
      if (p.sparsity === 'l1') parts.push(`L1 ${short(p.sparsityWeight)}`);
      if (p.sparsity === 'kl') parts.push(`KL ρ ${short(p.targetRate)}`);
      if (p.contractiveWeight > 0) parts.push(`contractive ${short(p.contractiveWeight)}`);
      const winners = winnersDetail(p.winners, p.k, p.lifetimeRate);
      if (winners) parts.push(winners);
      return parts.length > 0 ? parts.join(' · ') : 'code';
    },
    colors: {
      default: '#F1CE63',
      colorblind: '#F0E442',
      print: { fill: '#BFBFBF', texture: 'none' },
    },
  },
});
