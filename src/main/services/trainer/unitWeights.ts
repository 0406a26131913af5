import * as tf from '@tensorflow/tfjs';
import type { UnitReply } from '../../../shared/contract/labQueries';
import type { BuiltModel } from '../model';
import { readScoped } from './scope';

type WeightPicture = UnitReply['weights'][number];

/** How a flat picture of `shape` (without the batch) is drawn: [h, w] or [h, w, c]. */
export function pictureShape(shape: number[]): number[] | null {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 1) {
    const side = Math.round(Math.sqrt(size));
    return side * side === size ? [side, side] : null;
  }
  if (shape.length === 2) return shape;
  if (shape.length === 3) return shape[2] === 1 ? shape.slice(0, 2) : shape;
  return null;
}

const sourcesOf = (built: BuiltModel, name: string): string[] =>
  (built.spec.config.layers.find((l) => l.name === name)?.inbound_nodes[0] ?? []).map((n) => n[0]);

const kernelOf = (built: BuiltModel, name: string): tf.Tensor | null =>
  built.model.getLayer(name).getWeights()[0] ?? null;

/** Where one of a unit's weight pictures comes from: a kernel, and how to cut the unit's values out. */
export interface WeightPicturePlan {
  direction: WeightPicture['direction'];
  shape: number[];
  /** The layer's kernel: the model's own weight, never to be disposed. */
  kernel: tf.Tensor;
  /** How many values one unit's picture has. */
  size: number;
  /** The unit's values from the kernel's (row-major) values. */
  cut: (kernel: tf.TypedArray, unit: number) => Float32Array<ArrayBuffer>;
}

/**
 * Which of a layer's units' weights make pictures, without reading any weight: the weights into
 * a unit from the pixels (a first Dense or Conv2D), and the weights from it to the pixels (when a
 * Dense after it gives the output's values).
 */
export function unitWeightPlans(built: BuiltModel, layerName: string): WeightPicturePlan[] {
  const plans: WeightPicturePlan[] = [];
  const entries = built.spec.config.layers;
  const entry = entries.find((l) => l.name === layerName);
  const fromInput = sourcesOf(built, layerName).some(
    (s) =>
      entries.find((l) => l.name === s)?.class_name === 'InputLayer' || isFlattenOfInput(built, s),
  );
  const shape = pictureShape(built.inputShape);
  const size = built.inputSize;
  if (entry && fromInput && shape) {
    const kernel = kernelOf(built, layerName);
    if (entry.class_name === 'Dense' && kernel?.rank === 2 && kernel.shape[0] === size) {
      const columns = kernel.shape[1] ?? 1;
      const cut = (k: tf.TypedArray, unit: number) => column(k, columns, unit, size);
      plans.push({ direction: 'in', shape, kernel, size, cut });
    } else if (entry.class_name === 'Conv2D' && kernel?.rank === 4) {
      const [kh, kw, cin, cout] = kernel.shape;
      const rows = kh * kw * cin;
      const cut = (k: tf.TypedArray, unit: number) => column(k, cout, unit, rows);
      const picture = cin === 1 ? [kh, kw] : [kh, kw, cin];
      plans.push({ direction: 'in', shape: picture, kernel, size: rows, cut });
    }
  }
  // Through a Code node, a unit of the layer feeding it is the same value.
  const next = entries.filter((l) => sourcesOf(built, l.name).includes(layerName));
  const consumers = next.flatMap((l) =>
    l.class_name === 'Code'
      ? entries.filter((c) => sourcesOf(built, c.name).includes(l.name))
      : [l],
  );
  for (const c of consumers) {
    if (c.class_name !== 'Dense' || !shape) continue;
    const kernel = kernelOf(built, c.name);
    if (kernel?.rank !== 2 || kernel.shape[1] !== size) continue;
    const cut = (k: tf.TypedArray, unit: number) =>
      Float32Array.from(k.slice(unit * size, (unit + 1) * size));
    plans.push({ direction: 'out', shape, kernel, size, cut });
    break;
  }
  return plans;
}

/**
 * A unit's weights as pictures (see unitWeightPlans), read asynchronously (WebGPU in Node as
 * wasm). The caller disposes nothing: the values are copied out.
 */
export async function unitWeightPictures(
  built: BuiltModel,
  layerName: string,
  unit: number,
): Promise<WeightPicture[]> {
  const plans = unitWeightPlans(built, layerName);
  // Clones share the kernels' memory; reading them leaves the model's own weights alone.
  const kernels = await readScoped(() => plans.map((p) => tf.clone(p.kernel)));
  return plans.map((p, i) => ({
    direction: p.direction,
    values: p.cut(kernels[i], unit),
    shape: p.shape,
  }));
}

function isFlattenOfInput(built: BuiltModel, name: string): boolean {
  const entry = built.spec.config.layers.find((l) => l.name === name);
  if (entry?.class_name !== 'Flatten') return false;
  return sourcesOf(built, name).some(
    (s) => built.spec.config.layers.find((l) => l.name === s)?.class_name === 'InputLayer',
  );
}

/** Column `unit` of a row-major [rows, columns] array. */
function column(
  data: ArrayLike<number>,
  columns: number,
  unit: number,
  rows: number,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = data[r * columns + unit];
  return out;
}
