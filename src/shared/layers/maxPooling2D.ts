import { choice, integer } from './params';
import { convLength, needImage, okShape, tooSmall } from './shapeRules';
import type { LayerDescriptor } from './types';

export const maxPooling2DDescriptor: LayerDescriptor = {
  kind: 'MaxPooling2D',
  category: 'Convolution',
  explanation: 'Shrinks an image by keeping only the largest value of each small square.',
  params: {
    poolSize: integer(
      'Square',
      'The width and height of each square; 2 halves the image.',
      2,
      1,
      16,
    ),
    padding: choice('Padding', "'valid' drops a leftover edge; 'same' keeps it.", 'valid', [
      'valid',
      'same',
    ]),
  },
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w, c] = args.inputs.in;
    const p = args.params.poolSize as number;
    const pad = args.params.padding as string;
    const oh = convLength(h, p, p, pad);
    const ow = convLength(w, p, p, pad);
    if (oh < 1 || ow < 1) return tooSmall(args, 'square', p);
    return okShape([oh, ow, c]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ params }) => ({
    className: 'MaxPooling2D',
    config: {
      pool_size: [params.poolSize, params.poolSize],
      strides: [params.poolSize, params.poolSize],
      padding: params.padding,
      data_format: 'channels_last',
    },
  }),
};
