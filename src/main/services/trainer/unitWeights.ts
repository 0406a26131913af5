import type * as tf from '@tensorflow/tfjs';
import type { UnitReply } from '../../../shared/contract/labQueries';
import type { BuiltModel } from '../model';

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

/**
 * A unit's weights as pictures, where that makes sense: the weights into it from the pixels (a
 * first Dense or Conv2D), and the weights from it to the pixels (when a Dense after it gives the
 * output's values). The caller disposes nothing: the values are copied out.
 */
export function unitWeightPictures(
  built: BuiltModel,
  layerName: string,
  unit: number,
): WeightPicture[] {
  const pictures: WeightPicture[] = [];
  const entries = built.spec.config.layers;
  const entry = entries.find((l) => l.name === layerName);
  const fromInput = sourcesOf(built, layerName).some(
    (s) =>
      entries.find((l) => l.name === s)?.class_name === 'InputLayer' || isFlattenOfInput(built, s),
  );
  const shape = pictureShape(built.inputShape);
  if (entry && fromInput && shape) {
    const kernel = kernelOf(built, layerName);
    if (entry.class_name === 'Dense' && kernel?.rank === 2 && kernel.shape[0] === built.inputSize) {
      const values = column(kernel.dataSync(), kernel.shape[1] ?? 1, unit, built.inputSize);
      pictures.push({ direction: 'in', values, shape });
    } else if (entry.class_name === 'Conv2D' && kernel?.rank === 4) {
      const [kh, kw, cin, cout] = kernel.shape;
      const values = column(kernel.dataSync(), cout, unit, kh * kw * cin);
      pictures.push({ direction: 'in', values, shape: cin === 1 ? [kh, kw] : [kh, kw, cin] });
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
    if (kernel?.rank !== 2 || kernel.shape[1] !== built.inputSize) continue;
    const values = kernel.dataSync().slice(unit * built.inputSize, (unit + 1) * built.inputSize);
    pictures.push({ direction: 'out', values: Float32Array.from(values), shape });
    break;
  }
  return pictures;
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
