/**
 * What the Generate view picks on its own: the two digits an interpolation starts with, and the
 * code values worth a slider.
 */

/**
 * The first sample, and the first after it with another label: an interpolation between two
 * copies of one digit teaches nothing. Without labels (or with one label only): the first two.
 */
export function defaultPair(labels: ArrayLike<number> | null, count: number): [number, number] {
  if (count < 2) return [0, 0];
  if (labels) {
    for (let i = 1; i < count; i++) if (labels[i] !== labels[0]) return [0, i];
  }
  return [0, 1];
}

/** The variance of each code value over the samples. */
export function codeVariances(codes: Float32Array, count: number, size: number): Float64Array {
  const mean = new Float64Array(size);
  const square = new Float64Array(size);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < size; j++) {
      const v = codes[i * size + j];
      mean[j] += v;
      square[j] += v * v;
    }
  }
  const out = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const m = mean[j] / Math.max(1, count);
    out[j] = Math.max(0, square[j] / Math.max(1, count) - m * m);
  }
  return out;
}

export interface SliderChoice {
  /** Code values with a slider in view, the most varied first. */
  shown: number[];
  /** The other held values, behind "More values". */
  more: number[];
}

/**
 * Sliders for the code values that matter: the held values (all but the varied dims) ordered by
 * how much they vary over the digits; the first `max` that vary at all are shown, the rest (and
 * any value that never changes, such as a dead unit) wait behind "More values".
 */
export function chooseSliders(
  variances: ArrayLike<number>,
  varied: readonly number[],
  max = 8,
): SliderChoice {
  const held = Array.from({ length: variances.length }, (_, i) => i).filter(
    (i) => !varied.includes(i),
  );
  const ranked = [...held].sort((a, b) => variances[b] - variances[a] || a - b);
  const shown = ranked.slice(0, max).filter((i) => variances[i] > 0);
  const more = held.filter((i) => !shown.includes(i));
  return { shown, more };
}
