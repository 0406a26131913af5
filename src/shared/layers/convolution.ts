/** What Conv2D and Conv2DTranspose share: params, Keras config, scripts and import. */
import type { NodeKind } from '../graph/document';
import { pyKwargs, pyValue } from '../export/python';
import type { KerasImport, KerasTopologyLayer, TorchLayerArgs } from './bindingTypes';
import {
  activated,
  cannotShow,
  isSquare,
  kernelParams,
  num,
  pick,
  sideOf,
  str,
} from './importHelpers';
import {
  activation,
  choice,
  initializerParams,
  integer,
  kernelInitializerOf,
  zeros,
} from './params';
import { activationArg, initializerArg, side, torchWithModule, whole } from './scriptHelpers';
import type { KerasLayerSpec } from '../compiler/spec';

/** The params Conv2D and Conv2DTranspose share. */
export const convParams = (filters: number, strides: number) => ({
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

type ConvParams = {
  filters: number;
  kernelSize: number;
  strides: number;
  padding: string;
  activation: string;
  kernelInitializer: string;
  initStddev: number;
};

export const convConfig = (params: ConvParams) => ({
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

/** The detail line: "16 × 3×3 /2 · relu". */
export const convDetail = (p: ConvParams) => {
  const step = p.strides > 1 ? ` /${p.strides}` : '';
  return `${p.filters} × ${p.kernelSize}×${p.kernelSize}${step} · ${p.activation}`;
};

/** The Keras call of either convolution. */
export const convPython = (layer: KerasLayerSpec): [string, string[]] => {
  const c = layer.config;
  return [
    `layers.${layer.class_name}`,
    [
      pyValue(c.filters),
      pyValue(side(c.kernel_size)),
      ...pyKwargs({
        strides: side(c.strides) === 1 ? undefined : side(c.strides),
        padding: c.padding,
        activation: activationArg(c.activation),
      }),
      ...initializerArg(c.kernel_initializer),
    ],
  ];
};

/** Conv2D and Conv2DTranspose: kernels [k, k, in, out] and [k, k, out, in] become torch's. */
export function convTorch(a: TorchLayerArgs, transpose: boolean) {
  const c = a.layer.config;
  const [k, s] = [side(c.kernel_size), side(c.strides)];
  const channels = a.inShapes[0][2];
  const filters = c.filters as number;
  const args = [channels, filters, k, s, pyValue(c.padding)];
  if (transpose) args.push(pyValue(a.inShapes[0].slice(0, 2)), pyValue(a.outShape.slice(0, 2)));
  const module = `${transpose ? 'ConvTranspose2d' : 'Conv2d'}(${args.join(', ')})`;
  // Keras' fans come from the kernel's shape: its last two axes times the window.
  const fans: [number, number] = transpose
    ? [filters * k * k, channels * k * k]
    : [channels * k * k, filters * k * k];
  return torchWithModule(a, module, `${a.self}(${a.inputs[0]})`, fans, [3, 2, 0, 1]);
}

/** [k, k, in, out] for Conv2D, [k, k, out, in] for Conv2DTranspose, from its number of values. */
export function convKernelShape(
  c: Record<string, unknown>,
  size: number,
  transpose: boolean,
): number[] | null {
  const k = side(c.kernel_size);
  const filters = c.filters as number;
  const channels = whole(size / (k * k * filters));
  if (!channels) return null;
  return transpose ? [k, k, filters, channels] : [k, k, channels, filters];
}

/** The node a saved convolution becomes, or why the app cannot show it. */
export function convImport(layer: KerasTopologyLayer, kind: NodeKind): KerasImport {
  const c = layer.config;
  const k = pick(c, 'kernel_size');
  const s = pick(c, 'strides') ?? 1;
  if (!isSquare(k) || !isSquare(s)) return cannotShow(layer, 'a window that is not square');
  const dilation = pick(c, 'dilation_rate');
  if (dilation !== undefined && sideOf(dilation) !== 1) return cannotShow(layer, 'dilation');
  return activated(layer, kind, {
    filters: num(c.filters),
    kernelSize: sideOf(k),
    strides: sideOf(s),
    padding: str(c.padding, 'valid'),
    ...kernelParams(layer),
  });
}
