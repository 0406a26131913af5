import type { Result } from '../../../../shared/contract/result';
import { dataProblems } from './messages';
import type { ImportedDataset, RawDataset, Scaling } from './types';

const featureCount = (ds: ImportedDataset): number => ds.sampleShape.reduce((a, b) => a * b, 1);

/** Refuses NaN and infinities: one of them turns every loss and every scaled value into NaN. */
function checkFinite(ds: RawDataset): Result<null> {
  const { images } = ds;
  for (let i = 0; i < images.length; i += 1) {
    if (!Number.isFinite(images[i])) {
      const d = featureCount(ds);
      return dataProblems.notFinite(ds.name, Math.floor(i / d), i % d, images[i]);
    }
  }
  return { ok: true, value: null };
}

/**
 * Into [0, 1]: bytes divide by 255; other values already inside stay as they are; the rest
 * are min-max scaled over the whole data set (not per feature, which would distort pictures).
 */
function toUnit(images: Float32Array, byteValued: boolean): void {
  if (byteValued) {
    for (let i = 0; i < images.length; i += 1) images[i] /= 255;
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < images.length; i += 1) {
    const v = images[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min >= 0 && max <= 1) return;
  const range = max - min;
  for (let i = 0; i < images.length; i += 1) images[i] = range > 0 ? (images[i] - min) / range : 0;
}

/** Zero mean and unit variance per feature; a constant feature is only centred. */
function standardize(images: Float32Array, count: number, d: number): void {
  const mean = new Float64Array(d);
  const square = new Float64Array(d);
  for (let n = 0; n < count; n += 1) {
    for (let j = 0, at = n * d; j < d; j += 1, at += 1) mean[j] += images[at];
  }
  for (let j = 0; j < d; j += 1) mean[j] /= count;
  for (let n = 0; n < count; n += 1) {
    for (let j = 0, at = n * d; j < d; j += 1, at += 1) {
      const c = images[at] - mean[j];
      square[j] += c * c;
    }
  }
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j += 1) {
    const std = Math.sqrt(square[j] / count);
    scale[j] = std > 1e-12 ? 1 / std : 1;
  }
  for (let n = 0; n < count; n += 1) {
    for (let j = 0, at = n * d; j < d; j += 1, at += 1)
      images[at] = (images[at] - mean[j]) * scale[j];
  }
}

/** Scales a read data set in place (no second copy of a large array) and drops reader details. */
export function applyScaling(raw: RawDataset, scaling: Scaling): Result<ImportedDataset> {
  if (!raw.byteValued) {
    const finite = checkFinite(raw);
    if (!finite.ok) return finite;
  }
  if (scaling === 'unit') toUnit(raw.images, raw.byteValued);
  else if (scaling === 'standardize') standardize(raw.images, raw.count, featureCount(raw));
  const { name, images, sampleShape, count, labels, labelNames, notes } = raw;
  const value = { name, images, sampleShape, count, labels, labelNames };
  return { ok: true, value: notes && notes.length > 0 ? { ...value, notes } : value };
}
