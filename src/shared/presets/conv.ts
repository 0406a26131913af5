import { data, graphOf, input, output, settings, type Step } from './build';
import type { Preset } from './types';

const conv = (
  id: string,
  filters: number,
  activation: string,
  name: string,
  strides = 1,
): Step => ({
  id,
  kind: 'Conv2D',
  name,
  params: { filters, kernelSize: 3, strides, padding: 'same', activation },
});

const toImage: Step = {
  id: 'reshape',
  kind: 'Reshape',
  name: 'to image',
  params: { targetShape: [28, 28, 1] },
};
const toFlat: Step = { id: 'flatten', kind: 'Flatten', name: 'to pixels' };

export const convUpsamplingPreset: Preset = {
  id: 'conv-upsampling',
  title: 'Convolutional, pooling and upsampling',
  description:
    'Convolutions find strokes, max pooling shrinks each digit to a 7 × 7 × 8 code, and upsampling with more convolutions grows it back. It teaches why convolutions suit images: few weights, shared across every position.',
  graph: graphOf([
    input(),
    toImage,
    conv('conv1', 16, 'relu', 'encoder conv 1'),
    { id: 'pool1', kind: 'MaxPooling2D', name: 'pool 1', params: { poolSize: 2 } },
    conv('conv2', 8, 'relu', 'encoder conv 2'),
    { id: 'pool2', kind: 'MaxPooling2D', name: 'code', params: { poolSize: 2 } },
    conv('conv3', 8, 'relu', 'decoder conv 1'),
    { id: 'up1', kind: 'UpSampling2D', name: 'upsample 1', params: { size: 2 } },
    conv('conv4', 16, 'relu', 'decoder conv 2'),
    { id: 'up2', kind: 'UpSampling2D', name: 'upsample 2', params: { size: 2 } },
    conv('conv5', 1, 'sigmoid', 'decoder conv 3'),
    toFlat,
    output(),
  ]),
  // 5 epochs: about 55 s here (10 took 109 s), and the reconstructions are clear digits by then.
  settings: settings({ epochs: 5 }),
  data: data(),
};

export const convTransposePreset: Preset = {
  id: 'conv-transpose',
  title: 'Convolutional with transposed convolutions',
  description:
    'Strided convolutions shrink each digit to a 7 × 7 × 8 code and transposed convolutions paint it back at full size. It teaches the learned alternative to pooling and upsampling.',
  graph: graphOf([
    input(),
    toImage,
    conv('conv1', 16, 'relu', 'encoder conv 1', 2),
    conv('conv2', 8, 'relu', 'code', 2),
    {
      id: 'deconv1',
      kind: 'Conv2DTranspose',
      name: 'decoder deconv 1',
      params: { filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
    },
    {
      id: 'deconv2',
      kind: 'Conv2DTranspose',
      name: 'decoder deconv 2',
      params: { filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' },
    },
    toFlat,
    output(),
  ]),
  settings: settings(),
  data: data(),
};
