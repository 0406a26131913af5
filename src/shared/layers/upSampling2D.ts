import { integer } from './params';
import { needImage, okShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const upSampling2DDescriptor: LayerDescriptor = {
  kind: 'UpSampling2D',
  category: 'Convolution',
  explanation: 'Grows an image by repeating each pixel, for example 7 × 7 into 14 × 14.',
  params: {
    size: integer('Factor', 'How many times larger the image becomes each way.', 2, 1, 16),
  },
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w, c] = args.inputs.in;
    const s = args.params.size as number;
    return okShape([h * s, w * s, c]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({
    className: 'UpSampling2D',
    config: {
      size: [params.size, params.size],
      data_format: 'channels_last',
      interpolation: 'nearest',
    },
  }),
};
