import * as tf from '@tensorflow/tfjs';

/** What a backward convolution needs to know about its forward one (NHWC, dilation 1). */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
}

/** The geometry of the forward convolution of `inputShape` with `filterShape`, as tfjs computes it. */
export const convGeometry = (
  inputShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: unknown,
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
): ConvGeometry => {
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filterShape,
    strides,
    1,
    pad as 'same' | 'valid',
    dimRoundingMode,
    false,
    'channelsLast',
  );
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
};

/** Explicit NHWC padding in the form tfjs's conv2d accepts. */
export const explicitPad = (
  top: number,
  bottom: number,
  left: number,
  right: number,
): [[number, number], [number, number], [number, number], [number, number]] => [
  [0, 0],
  [top, bottom],
  [left, right],
  [0, 0],
];
