import { defineKind } from '../defineKind';
import { kernelAndBiasNames } from '../scriptHelpers';
import {
  convConfig,
  convKernelShape,
  convDetail,
  convImport,
  convParams,
  convPython,
  convTorch,
} from '../convolution';
import { convLength, needImage, okShape, tooSmall } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Conv2D: true;
  }
}

export const descriptor = defineKind({
  kind: 'Conv2D',
  order: 120,
  category: 'Convolution',
  title: 'Convolution',
  explanation:
    'Slides small learned windows over an image to find patterns such as edges and strokes, wherever they are.',
  params: convParams(16, 1),
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w] = args.inputs.in;
    const { kernelSize: k, strides: s, padding } = args.params;
    const oh = convLength(h, k, s, padding);
    const ow = convLength(w, k, s, padding);
    if (oh < 1 || ow < 1) return tooSmall(args, 'window', k);
    return okShape([oh, ow, args.params.filters]);
  },
  countParams: ({ inputs, params: { kernelSize: k, filters: f } }) => ({
    trainable: k * k * inputs.in[2] * f + f,
    nonTrainable: 0,
  }),
  toKeras: ({ params }) => ({ className: 'Conv2D', config: convConfig(params) }),
  kerasClass: {
    className: 'Conv2D',
    inference: 'keep',
    weights: kernelAndBiasNames,
    kernelShape: (c, size) => convKernelShape(c, size, false),
    python: ({ layer }) => convPython(layer),
    torch: (a) => convTorch(a, false),
    onnx: { converter: 'conv' },
    fromKeras: (layer) => convImport(layer, 'Conv2D'),
  },
  diagram: {
    detail: convDetail,
    colors: {
      default: '#F28E2B',
      colorblind: '#D55E00',
      print: { fill: '#FFFFFF', texture: 'cross' },
    },
  },
});
