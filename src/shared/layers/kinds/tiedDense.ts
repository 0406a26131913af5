import { ok } from '../../contract/result';
import { pyKwargs } from '../../export/python';
import { formatShape } from '../../graph/messages';
import { defineKind } from '../defineKind';
import { activated, pick, str } from '../importHelpers';
import { activation, boolean, nodeRef, zeros } from '../params';
import { activationArg, PY_REGISTER, torchActivate, torchUnsupported } from '../scriptHelpers';
import { okShape } from '../shapeRules';
import type { ShapeOutcome } from '../types';

declare module '../kindNames' {
  interface NodeKinds {
    TiedDense: true;
  }
}

const partnerError = (message: string, nodeIds?: string[]): ShapeOutcome => ({
  ok: false,
  code: 'E_TIED_PARTNER',
  message,
  nodeIds,
});

/** A decoder Dense that reuses its partner's kernel, transposed; the partner is linked by name. */
export const descriptor = defineKind({
  kind: 'TiedDense',
  order: 30,
  category: 'Layers',
  title: 'Tied dense',
  explanation:
    'A decoder layer that reuses the weights of an encoder Dense layer, mirrored, so it learns half as many weights.',
  params: {
    partner: nodeRef(
      'Mirrors',
      'The encoder Dense layer whose weights this layer reuses, transposed.',
      'Dense',
    ),
    activation: activation('relu'),
    useBias: boolean('Use bias', 'Adds a learned offset to each neuron.', true),
  },
  ports: ['in'],
  inferShape: ({ inputs, params, label, lookup, node }) => {
    const id = params.partner;
    const partner = typeof id === 'string' ? lookup(id) : null;
    if (partner === null || partner.node.kind !== 'Dense') {
      return partnerError(
        `${label} must mirror a Dense layer of the encoder. Choose one under 'Mirrors'.`,
        [node.id],
      );
    }
    const partnerIn = partner.inputs.in;
    if (!partnerIn) {
      return partnerError(
        `${label} mirrors ${partner.label}, whose input size is unknown. Connect ${partner.label} first.`,
      );
    }
    if (partnerIn.length !== 1) {
      return partnerError(
        `${label} mirrors ${partner.label}, which receives ${formatShape(partnerIn)} values instead of a flat list. Mirror a Dense layer with flat input.`,
      );
    }
    const units = partner.params.units as number;
    const got = inputs.in;
    if (got.length !== 1 || got[0] !== units) {
      return partnerError(
        `${label} mirrors ${partner.label}, which gives ${units} values, so it must receive ${units} values, but it receives ${formatShape(got)}. Connect it to a layer of ${units} values or mirror another Dense.`,
        [node.id, partner.node.id],
      );
    }
    return okShape([partnerIn[0]]);
  },
  countParams: ({ output, params }) => ({
    trainable: params.useBias ? output[0] : 0,
    nonTrainable: 0,
  }),
  toKeras: ({ params, output, layerNameOf }) => ({
    className: 'TiedDense',
    config: {
      units: output[0],
      partner: layerNameOf(params.partner as string),
      activation: params.activation,
      use_bias: params.useBias,
      bias_initializer: zeros,
    },
  }),
  kerasClass: {
    className: 'TiedDense',
    pythonClass: `${PY_REGISTER}
class TiedDense(layers.Layer):
    """A decoder Dense layer that reuses the transpose of an encoder Dense layer's kernel (it owns
    only its bias). The partner is a layer, or its name when loading (then linked by StudioModel)."""

    def __init__(self, partner, units=None, activation=None, use_bias=True, **kwargs):
        super().__init__(**kwargs)
        self.linked_name = partner if isinstance(partner, str) else partner.name
        self.units = units if units is not None else partner.kernel.shape[0]
        self.activation_name = activation or "linear"
        self.activation = keras.activations.get(self.activation_name)
        self.use_bias = use_bias
        keep_untracked(self, "partner", None if isinstance(partner, str) else partner)

    def link(self, partner):
        keep_untracked(self, "partner", partner)

    def build(self, input_shape):
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros") if self.use_bias else None

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[:-1]) + (self.units,)

    def call(self, inputs):
        if self.partner is None:
            raise ValueError("TiedDense %r is not linked to its partner %r." % (self.name, self.linked_name))
        outputs = tf.matmul(inputs, self.partner.kernel, transpose_b=True)
        if self.bias is not None:
            outputs = outputs + self.bias
        return self.activation(outputs)

    def get_config(self):
        config = super().get_config()
        config.update(partner=self.linked_name, units=self.units, activation=self.activation_name,
                      use_bias=self.use_bias)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
    linked: true,
    inference: 'keep',
    references: (layer) => [layer.config.partner as string],
    // Only its bias: the kernel is the partner's.
    weights: (c) => (c.use_bias === false ? [] : ['bias']),
    python: ({ layer: { config: c }, objectVar }) => [
      'TiedDense',
      [
        objectVar(c.partner as string),
        ...pyKwargs({
          units: c.units,
          activation: activationArg(c.activation),
          use_bias: c.use_bias === false ? false : undefined,
        }),
      ],
    ],
    torch: (a) => {
      const partner = a.selfOf(a.layer.config.partner as string);
      if (!partner) return torchUnsupported(a.layer, 'the layer it mirrors is not in the model');
      const useBias = a.layer.config.use_bias !== false;
      const value = torchActivate(a.layer, `${a.self}(${a.inputs[0]}, ${partner}.weight)`);
      if (!value.ok) return value;
      return ok({
        module: `TiedDense(${a.outShape[0]}${useBias ? '' : ', bias=False'})`,
        value: value.value,
        weights: useBias ? [{ suffix: 'bias', param: 'bias', order: [0] }] : [],
        init: useBias ? [`nn.init.zeros_(${a.self}.bias)`] : [],
      });
    },
    // The inference exports turn it into a Dense holding the partner's transposed kernel first.
    onnx: { unsupported: 'a tied layer is exported as the Dense layer it stands for' },
    // tfjs camel-cases string settings but keeps a `name`: the partner's name travels as one.
    tfjsConfig: (config) => ({ ...config, partner: { name: config.partner } }),
    fromKeras: (layer) => {
      const partner = layer.config.partner;
      const name =
        typeof partner === 'string' ? partner : str((partner as { name?: unknown } | null)?.name);
      return activated(layer, 'TiedDense', {
        partner: name,
        useBias: pick(layer.config, 'use_bias') !== false,
      });
    },
  },
  diagram: {
    detail: (p) => `tied · ${p.activation}`,
    colors: {
      default: '#76B7B2',
      colorblind: '#56B4E9',
      print: { fill: '#FFFFFF', texture: 'antidiag' },
    },
  },
});
