import { formatShape } from '../graph/messages';
import { activation, boolean, zeros } from './params';
import { okShape } from './shapeRules';
import type { LayerDescriptor, ShapeOutcome } from './types';

const partnerError = (message: string, nodeIds?: string[]): ShapeOutcome => ({
  ok: false,
  code: 'E_TIED_PARTNER',
  message,
  nodeIds,
});

export const tiedDenseDescriptor: LayerDescriptor = {
  kind: 'TiedDense',
  category: 'Layers',
  explanation:
    'A decoder layer that reuses the weights of an encoder Dense layer, mirrored, so it learns half as many weights.',
  params: {
    partner: {
      type: 'nodeRef',
      label: 'Mirrors',
      help: 'The encoder Dense layer whose weights this layer reuses, transposed.',
      default: null,
      refKind: 'Dense',
    },
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
};
