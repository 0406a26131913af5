import * as tf from '@tensorflow/tfjs';

/** The stacked autoencoder of the lecture notes: 784-128-32-128-784, relu, sigmoid out. */
export const denseAutoencoder = (): tf.Sequential =>
  tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 784, activation: 'sigmoid' }),
    ],
  });

const conv = (filters: number, activation: 'relu' | 'sigmoid', inputShape?: number[]) =>
  tf.layers.conv2d({
    filters,
    kernelSize: 3,
    padding: 'same',
    activation,
    ...(inputShape ? { inputShape } : {}),
  });

/** The convolutional autoencoder: 16-8 conv with pooling down to 7x7x8, then upsampling back. */
export const convAutoencoder = (): tf.Sequential =>
  tf.sequential({
    layers: [
      conv(16, 'relu', [28, 28, 1]),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      conv(8, 'relu'),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      conv(8, 'relu'),
      tf.layers.upSampling2d({ size: [2, 2] }),
      conv(16, 'relu'),
      tf.layers.upSampling2d({ size: [2, 2] }),
      conv(1, 'sigmoid'),
    ],
  });
