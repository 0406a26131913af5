import {
  activation,
  choice,
  initializerParams,
  integer,
  kernelInitializerOf,
  zeros,
} from './params';
import { convLength, needImage, okShape, tooSmall } from './shapeRules';
import type { LayerDescriptor, ParamSpec } from './types';

/** The params Conv2D and Conv2DTranspose share. */
export const convParams = (filters: number, strides: number): Record<string, ParamSpec> => ({
  filters: integer(
    'Filters',
    'How many patterns (feature maps) this layer learns.',
    filters,
    1,
    4096,
  ),
  kernelSize: integer(
    'Window',
    'The width and height of the square window each filter looks at.',
    3,
    1,
    31,
  ),
  strides: integer(
    'Step',
    'How many pixels the window moves each time; 2 halves the image.',
    strides,
    1,
    8,
  ),
  padding: choice(
    'Padding',
    "'same' keeps the border by padding with zeros; 'valid' only looks where the window fits.",
    'same',
    ['same', 'valid'],
  ),
  activation: activation('relu'),
  ...initializerParams(),
});

export const convConfig = (params: Record<string, unknown>) => ({
  filters: params.filters,
  kernel_size: [params.kernelSize, params.kernelSize],
  strides: [params.strides, params.strides],
  padding: params.padding,
  data_format: 'channels_last',
  dilation_rate: [1, 1],
  activation: params.activation,
  use_bias: true,
  kernel_initializer: kernelInitializerOf(params),
  bias_initializer: zeros,
});

export const conv2DDescriptor: LayerDescriptor = {
  kind: 'Conv2D',
  category: 'Convolution',
  explanation:
    'Slides small learned windows over an image to find patterns such as edges and strokes, wherever they are.',
  params: convParams(16, 1),
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w] = args.inputs.in;
    const k = args.params.kernelSize as number;
    const s = args.params.strides as number;
    const pad = args.params.padding as string;
    const oh = convLength(h, k, s, pad);
    const ow = convLength(w, k, s, pad);
    if (oh < 1 || ow < 1) return tooSmall(args, 'window', k);
    return okShape([oh, ow, args.params.filters as number]);
  },
  countParams: ({ inputs, params }) => {
    const k = params.kernelSize as number;
    const f = params.filters as number;
    return { trainable: k * k * inputs.in[2] * f + f, nonTrainable: 0 };
  },
  toKeras: ({ params }) => ({ className: 'Conv2D', config: convConfig(params) }),
};
