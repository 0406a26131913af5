import { formatShape } from '../graph/messages';
import { MESSAGES } from '../graph/messages';
import { number } from './params';
import { okShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const samplingDescriptor: LayerDescriptor = {
  kind: 'Sampling',
  category: 'Variational',
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
};
