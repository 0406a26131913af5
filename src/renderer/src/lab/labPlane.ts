import type { Codes } from '../stores/runState';
import { pca } from '../inspect/pca';
import { axisPlane, placeAll, type PlaneBasis } from '../../../shared/lab/plane';
import type { Extent } from '../inspect/planeFrame';

/** The Lab's plane of a run's codes: where each view sample lands and what the axes are. */
export interface LabPlane {
  basis: PlaneBasis;
  xy: Float32Array;
  axes: [string, string];
  extent: Extent;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * A 2-value code is its own plane; a longer one is seen along its first two principal components,
 * so a drawing's code lands where the codes spread most (the same picture as Inspect's PCA).
 */
export function labPlaneOf(codes: Codes): LabPlane {
  const { codeSize: size, count } = codes;
  let basis: PlaneBasis;
  let axes: [string, string];
  if (size <= 2) {
    basis = axisPlane(size, [0, size > 1 ? 1 : 0]);
    axes = ['code 1', size > 1 ? 'code 2' : '—'];
  } else {
    const result = pca(codes.codes, count, size, { k: 2 });
    const centre = new Float64Array(size);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < size; j++) centre[j] += codes.codes[i * size + j];
    for (let j = 0; j < size; j++) centre[j] /= Math.max(1, count);
    basis = { centre, directions: result.components, size };
    axes = [
      `PC 1 (${percent(result.explained[0])})`,
      `PC 2 (${percent(result.explained[1] ?? 0)})`,
    ];
  }
  const xy = placeAll(basis, codes.codes, count);
  return { basis, xy, axes, extent: extentOf(xy, count) };
}

/** The points' box with 8 % room on each side (a flat axis gets a unit width). */
function extentOf(xy: Float32Array, count: number): Extent {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    x0 = Math.min(x0, xy[i * 2]);
    x1 = Math.max(x1, xy[i * 2]);
    y0 = Math.min(y0, xy[i * 2 + 1]);
    y1 = Math.max(y1, xy[i * 2 + 1]);
  }
  const room = (lo: number, hi: number): [number, number] => {
    if (!Number.isFinite(lo)) return [-1, 1];
    const pad = hi > lo ? (hi - lo) * 0.08 : 0.5;
    return [lo - pad, hi + pad];
  };
  [x0, x1] = room(x0, x1);
  [y0, y1] = room(y0, y1);
  return { x0, x1, y0, y1 };
}
