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
import { deconvLength, needImage, okShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Conv2DTranspose: true;
  }
}

export const descriptor = defineKind({
  kind: 'Conv2DTranspose',
  order: 130,
  category: 'Convolution',
  title: 'Transposed convolution',
  explanation:
    'The mirror of a convolution: paints learned patterns onto a larger image, used to grow the image back in a decoder.',
  params: convParams(16, 2),
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w] = args.inputs.in;
    const { kernelSize: k, strides: s, padding } = args.params;
    return okShape([
      deconvLength(h, k, s, padding),
      deconvLength(w, k, s, padding),
      args.params.filters,
    ]);
  },
  countParams: ({ inputs, params: { kernelSize: k, filters: f } }) => ({
    trainable: k * k * inputs.in[2] * f + f,
    nonTrainable: 0,
  }),
  toKeras: ({ params }) => ({ className: 'Conv2DTranspose', config: convConfig(params) }),
  kerasClass: {
    className: 'Conv2DTranspose',
    inference: 'keep',
    weights: kernelAndBiasNames,
    kernelShape: (c, size) => convKernelShape(c, size, true),
    python: ({ layer }) => convPython(layer),
    torch: (a) => convTorch(a, true),
    onnx: { converter: 'convTranspose' },
    fromKeras: (layer) => convImport(layer, 'Conv2DTranspose'),
  },
  diagram: {
    detail: convDetail,
    colors: {
      default: '#E15759',
      colorblind: '#E69F00',
      print: { fill: '#FFFFFF', texture: 'horiz' },
    },
  },
});
