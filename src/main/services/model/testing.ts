import * as tf from '@tensorflow/tfjs';
import { loadBalancedDigits } from '../data/mnist';

/** A few real digits of the embedded set, flat [count, 784] in [0, 1], with their labels. */
export async function loadDigits(perDigit: number, digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
  const set = await loadBalancedDigits(perDigit * digits.length, digits);
  return { x: tf.tensor2d(set.images, [set.count, 784]), labels: Array.from(set.labels) };
}
