import { data, dense, graphOf, input, output, settings } from '../../src/shared/presets/build';
import { PRESETS, type Preset } from '../../src/shared/presets';

/**
 * A design no preset has: both noise layers of the app and Dense layers with each non-default
 * initializer, so every custom layer and initializer reaches real Keras.
 */
export const noiseAndInitializers: Preset = {
  id: 'noise-and-initializers',
  title: 'Masking and salt-and-pepper noise, He and random normal initializers',
  description: 'A test design.',
  graph: graphOf([
    input(),
    { id: 'mask', kind: 'MaskingNoise', name: 'masking', params: { rate: 0.3 } },
    { id: 'salt', kind: 'SaltAndPepperNoise', name: 'salt and pepper', params: { rate: 0.1 } },
    withParams(dense('enc1', 64, 'relu', 'encoder 1'), { kernelInitializer: 'heNormal' }),
    withParams(dense('enc2', 16, 'relu', 'code'), {
      kernelInitializer: 'randomNormal',
      initStddev: 0.1,
    }),
    withParams(dense('dec1', 784, 'sigmoid', 'decoder'), { kernelInitializer: 'zeros' }),
    output(),
  ]),
  settings: settings(),
  data: data(),
};

function withParams<T extends { params?: Record<string, unknown> }>(
  step: T,
  params: Record<string, unknown>,
): T {
  return { ...step, params: { ...step.params, ...params } };
}

/** Every preset and the extra design: what the Keras tests export. */
export const KERAS_CASES: Preset[] = [...PRESETS, noiseAndInitializers];
