import { ok } from '../../contract/result';
import { pyValue } from '../../export/python';
import { defineKind } from '../defineKind';
import { cannotShow, isSquare, sideOf, str } from '../importHelpers';
import { integer } from '../params';
import { side } from '../scriptHelpers';
import { needImage, okShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    UpSampling2D: true;
  }
}

export const descriptor = defineKind({
  kind: 'UpSampling2D',
  order: 150,
  category: 'Convolution',
  title: 'Upsampling',
  explanation: 'Grows an image by repeating each pixel, for example 7 × 7 into 14 × 14.',
  params: {
    size: integer('Factor', 'How many times larger the image becomes each way.', 2, 1, 16),
  },
  ports: ['in'],
  inferShape: (args) => {
    const notImage = needImage(args);
    if (notImage) return notImage;
    const [h, w, c] = args.inputs.in;
    const s = args.params.size;
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
  kerasClass: {
    className: 'UpSampling2D',
    inference: 'keep',
    python: ({ layer }) => ['layers.UpSampling2D', [pyValue(side(layer.config.size))]],
    torch: (a) => ok({ value: `upsample(${a.inputs[0]}, ${side(a.layer.config.size)})` }),
    onnx: { converter: 'upSample' },
    fromKeras: (layer) => {
      const c = layer.config;
      const size = c.size ?? 2;
      if (!isSquare(size))
        return cannotShow(layer, 'a factor that differs across width and height');
      if (c.interpolation !== undefined && c.interpolation !== 'nearest')
        return cannotShow(layer, `'${str(c.interpolation)}' interpolation`);
      return { ok: true, kind: 'UpSampling2D', params: { size: sideOf(size) } };
    },
  },
  diagram: {
    detail: (p) => `× ${p.size}`,
    colors: {
      default: '#59A14F',
      colorblind: '#009E73',
      print: { fill: '#FFFFFF', texture: 'grid' },
    },
  },
});
