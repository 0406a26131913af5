/**
 * How codes (or pixels) are scaled before they are projected: the lecture notes' StandardScaler
 * and normalize cells. A projection reads distances, so a code value with a large range would
 * otherwise decide the picture alone.
 */
export type Scaling = 'none' | 'standardize' | 'normalize';

export const SCALINGS: readonly Scaling[] = ['none', 'standardize', 'normalize'];

/** Words for each scaling, for a menu. */
export const scalingLabel: Record<Scaling, string> = {
  none: 'As they are',
  standardize: 'Standardized (each value to mean 0, sd 1)',
  normalize: 'Normalized (each row to length 1)',
};

/**
 * A scaled copy of count rows of dim values: 'standardize' gives every column mean 0 and
 * standard deviation 1 (a column that never varies becomes 0), 'normalize' gives every row
 * length 1 (a row of zeros stays zeros).
 */
export function scaleRows(
  values: Float32Array,
  count: number,
  dim: number,
  scaling: Scaling,
): Float32Array {
  const out = Float32Array.from(values.subarray(0, count * dim));
  if (scaling === 'standardize') {
    for (let j = 0; j < dim; j++) {
      let sum = 0;
      for (let i = 0; i < count; i++) sum += out[i * dim + j];
      const mean = sum / Math.max(1, count);
      let squares = 0;
      for (let i = 0; i < count; i++) squares += (out[i * dim + j] - mean) ** 2;
      const sd = Math.sqrt(squares / Math.max(1, count));
      // A column with (almost) no spread carries no information: 0, not noise blown up.
      const scale = sd > 1e-12 ? 1 / sd : 0;
      for (let i = 0; i < count; i++) out[i * dim + j] = (out[i * dim + j] - mean) * scale;
    }
  } else if (scaling === 'normalize') {
    for (let i = 0; i < count; i++) {
      let squares = 0;
      for (let j = 0; j < dim; j++) squares += out[i * dim + j] ** 2;
      const norm = Math.sqrt(squares);
      if (norm === 0) continue;
      for (let j = 0; j < dim; j++) out[i * dim + j] /= norm;
    }
  }
  return out;
}
