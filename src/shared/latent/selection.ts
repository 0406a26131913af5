/**
 * Which points a lasso or a box encloses. Works on pixel positions (the scatter's current view),
 * so a selection means what the person saw when they drew it.
 */

/** Whether (x, y) lies inside the polygon [x0, y0, x1, y1, …] (even-odd rule). */
export function insidePolygon(x: number, y: number, polygon: ArrayLike<number>): boolean {
  let inside = false;
  const n = polygon.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = polygon[i * 2];
    const yi = polygon[i * 2 + 1];
    const xj = polygon[j * 2];
    const yj = polygon[j * 2 + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The indices of the points (pixel positions, x and y after each other) inside a lasso. */
export function selectInPolygon(
  pixels: Float32Array,
  count: number,
  polygon: ArrayLike<number>,
): Int32Array {
  if (polygon.length < 6) return new Int32Array(0);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < polygon.length; i += 2) {
    x0 = Math.min(x0, polygon[i]);
    x1 = Math.max(x1, polygon[i]);
    y0 = Math.min(y0, polygon[i + 1]);
    y1 = Math.max(y1, polygon[i + 1]);
  }
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = pixels[i * 2];
    const y = pixels[i * 2 + 1];
    // The bounding box first: most points of a small lasso fail it at once.
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    if (insidePolygon(x, y, polygon)) chosen.push(i);
  }
  return Int32Array.from(chosen);
}

/** The indices of the points inside the box between two corners, drawn in any direction. */
export function selectInBox(
  pixels: Float32Array,
  count: number,
  a: [number, number],
  b: [number, number],
): Int32Array {
  const [x0, x1] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y0, y1] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = pixels[i * 2];
    const y = pixels[i * 2 + 1];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) chosen.push(i);
  }
  return Int32Array.from(chosen);
}

/** The mean of the chosen rows: a selection's code, for latent arithmetic and interpolation. */
export function meanOfRows(
  values: Float32Array,
  dim: number,
  indices: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(dim);
  if (indices.length === 0) return out;
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * dim;
    for (let j = 0; j < dim; j++) out[j] += values[base + j];
  }
  for (let j = 0; j < dim; j++) out[j] /= indices.length;
  return out;
}
