import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A few real digits from the mnist package, flat [count, 784] in [0, 1], with their labels. */
export function loadDigits(perDigit: number, digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
  const root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  const values: number[] = [];
  const labels: number[] = [];
  for (const d of digits) {
    const file = JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8')) as {
      data: number[];
    };
    values.push(...file.data.slice(0, perDigit * 784));
    for (let i = 0; i < perDigit; i++) labels.push(d);
  }
  return { x: tf.tensor2d(values, [labels.length, 784]), labels };
}
