import { convConfig, convParams } from './conv2D';
import { deconvLength, needImage, okShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const conv2DTransposeDescriptor: LayerDescriptor = {
  kind: 'Conv2DTranspose',
  category: 'Convolution',
  explanation:
    'The mirror of a convolution: paints learned patterns onto a larger image, used to grow the image back in a decoder.',
  params: convParams(16, 2),
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w] = args.inputs.in;
    const k = args.params.kernelSize as number;
    const s = args.params.strides as number;
    const pad = args.params.padding as string;
    return okShape([
      deconvLength(h, k, s, pad),
      deconvLength(w, k, s, pad),
      args.params.filters as number,
    ]);
  },
  countParams: ({ inputs, params }) => {
    const k = params.kernelSize as number;
    const f = params.filters as number;
    return { trainable: k * k * inputs.in[2] * f + f, nonTrainable: 0 };
  },
  toKeras: ({ params }) => ({ className: 'Conv2DTranspose', config: convConfig(params) }),
};
