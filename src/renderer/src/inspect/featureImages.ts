/**
 * Scales each image to its own range: a unit's incoming weights are small numbers of either
 * sign, and only their pattern matters, so each is stretched to 0..1 on its own (as the lecture
 * notes draw first-layer features).
 */
export function scaleEach(values: Float32Array, count: number, size: number): Float32Array {
  const out = new Float32Array(count * size);
  for (let i = 0; i < count; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < size; j++) {
      const v = values[i * size + j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi - lo;
    for (let j = 0; j < size; j++) {
      out[i * size + j] = span > 0 ? (values[i * size + j] - lo) / span : 0.5;
    }
  }
  return out;
}

/** The images of one page: units from page*perPage, at most perPage of them. */
export function pageOf(
  values: Float32Array,
  units: number,
  size: number,
  page: number,
  perPage: number,
) {
  const first = Math.min(units, page * perPage);
  const count = Math.min(perPage, units - first);
  return { first, count, values: values.subarray(first * size, (first + count) * size) };
}

/** The mean squared difference of each sample pair: the reconstruction error under each image. */
export function sampleErrors(
  a: Float32Array,
  b: Float32Array,
  count: number,
  size: number,
): number[] {
  return Array.from({ length: count }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < size; j++) sum += (a[i * size + j] - b[i * size + j]) ** 2;
    return sum / Math.max(1, size);
  });
}
