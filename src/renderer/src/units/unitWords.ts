/** What turning a unit off did, in words: the loss before and after, and how much it moved. */
export function ablationWords(unit: number, before: number, after: number): string {
  const change = before > 0 ? (after - before) / before : 0;
  const fmt = (v: number) => v.toPrecision(4);
  if (Math.abs(change) < 1e-6)
    return `Turning unit ${unit} off leaves the loss at ${fmt(before)}: the model does not use it.`;
  const way = change > 0 ? 'raises' : 'lowers';
  const percent = Math.abs(change) >= 0.01 ? (change * 100).toFixed(1) : (change * 100).toFixed(3);
  return `Turning unit ${unit} off ${way} the loss from ${fmt(before)} to ${fmt(after)} (${change > 0 ? '+' : ''}${percent}%).`;
}

/**
 * How much each pixel of a reconstruction moved when the unit was turned off, stretched so the
 * largest move is white: one unit of many changes little, and the picture shows where.
 */
export function changeImages(rebuilt: Float32Array, off: Float32Array): Float32Array {
  const out = new Float32Array(rebuilt.length);
  let most = 0;
  for (let i = 0; i < out.length; i++)
    most = Math.max(most, (out[i] = Math.abs(off[i] - rebuilt[i])));
  if (most > 0) for (let i = 0; i < out.length; i++) out[i] /= most;
  return out;
}

/** The title of a weight picture. */
export const weightsTitle = (direction: 'in' | 'out'): string =>
  direction === 'in' ? 'Weights from the pixels' : 'Weights to the pixels';
