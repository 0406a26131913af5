import { loadBalancedDigits } from '../services/data/mnist';

/** Pixels of one MNIST digit in the `mnist` package: 28 x 28 floats in [0, 1]. */
export const DIGIT_SIZE = 784;

/** `count` embedded digits, balanced over the ten classes, one after another. */
export const loadDigits = async (count = 10_000): Promise<Float32Array> =>
  (await loadBalancedDigits(count)).images;
