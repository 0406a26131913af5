import type { NodeKind } from '../graph/document';
import { activationDescriptor } from './activation';
import { batchNormalizationDescriptor } from './batchNormalization';
import { classifierHeadDescriptor } from './classifierHead';
import { codeDescriptor } from './code';
import { conv2DDescriptor } from './conv2D';
import { conv2DTransposeDescriptor } from './conv2DTranspose';
import { denseDescriptor } from './dense';
import { dropoutDescriptor } from './dropout';
import { flattenDescriptor } from './flatten';
import { gaussianNoiseDescriptor } from './gaussianNoise';
import { inputDescriptor } from './input';
import { maskingNoiseDescriptor } from './maskingNoise';
import { maxPooling2DDescriptor } from './maxPooling2D';
import { outputDescriptor } from './output';
import { reshapeDescriptor } from './reshape';
import { saltAndPepperNoiseDescriptor } from './saltAndPepperNoise';
import { samplingDescriptor } from './sampling';
import { tiedDenseDescriptor } from './tiedDense';
import type { LayerDescriptor } from './types';
import { upSampling2DDescriptor } from './upSampling2D';

/** One descriptor per node kind; the Record type makes a missing kind a type error. */
export const LAYER_DESCRIPTORS: Record<NodeKind, LayerDescriptor> = {
  Input: inputDescriptor,
  Dense: denseDescriptor,
  TiedDense: tiedDenseDescriptor,
  Activation: activationDescriptor,
  Dropout: dropoutDescriptor,
  GaussianNoise: gaussianNoiseDescriptor,
  MaskingNoise: maskingNoiseDescriptor,
  SaltAndPepperNoise: saltAndPepperNoiseDescriptor,
  BatchNormalization: batchNormalizationDescriptor,
  Flatten: flattenDescriptor,
  Reshape: reshapeDescriptor,
  Conv2D: conv2DDescriptor,
  Conv2DTranspose: conv2DTransposeDescriptor,
  MaxPooling2D: maxPooling2DDescriptor,
  UpSampling2D: upSampling2DDescriptor,
  Code: codeDescriptor,
  Sampling: samplingDescriptor,
  Output: outputDescriptor,
  ClassifierHead: classifierHeadDescriptor,
};
