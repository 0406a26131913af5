import { pyKwargs, pyValue } from '../../export/python';
import { ok } from '../../contract/result';
import { defineKind } from '../defineKind';
import { cannotShow, isSquare, pick, sideOf, str } from '../importHelpers';
import { choice, integer } from '../params';
import { side, torchCall } from '../scriptHelpers';
import { convLength, needImage, okShape, tooSmall } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    MaxPooling2D: true;
  }
}

export const descriptor = defineKind({
  kind: 'MaxPooling2D',
  order: 140,
  category: 'Convolution',
  title: 'Max pooling',
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
    const { poolSize: p, padding } = args.params;
    const oh = convLength(h, p, p, padding);
    const ow = convLength(w, p, p, padding);
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
  kerasClass: {
    className: 'MaxPooling2D',
    inference: 'keep',
    python: ({ layer: { config: c } }) => [
      'layers.MaxPooling2D',
      [
        pyValue(side(c.pool_size)),
        ...pyKwargs({ padding: c.padding === 'valid' ? undefined : c.padding }),
      ],
    ],
    torch: (a) => {
      const c = a.layer.config;
      const args = [side(c.pool_size), side(c.strides ?? c.pool_size), pyValue(c.padding)];
      return ok({ module: `MaxPool2d(${args.join(', ')})`, value: torchCall(a) });
    },
    onnx: { converter: 'maxPool' },
    fromKeras: (layer) => {
      const p = pick(layer.config, 'pool_size') ?? 2;
      const s = pick(layer.config, 'strides') ?? p;
      if (!isSquare(p) || sideOf(s) !== sideOf(p))
        return cannotShow(layer, 'a pooling step that differs from its window');
      return {
        ok: true,
        kind: 'MaxPooling2D',
        params: { poolSize: sideOf(p), padding: str(layer.config.padding, 'valid') },
      };
    },
  },
  diagram: {
    detail: (p) => `max ${p.poolSize}×${p.poolSize}`,
    colors: {
      default: '#EDC948',
      colorblind: '#F0E442',
      print: { fill: '#FFFFFF', texture: 'vert' },
    },
  },
});
