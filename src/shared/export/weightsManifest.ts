import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';

/** Refused before any byte is read or allocated: 2 GiB of float32 weights, far beyond the presets. */
export const MAX_WEIGHT_BYTES = 2 ** 31;
const MAX_WEIGHTS = 100_000;

/** One weight as its manifest declares it, checked. */
export interface WeightSpec {
  name: string;
  shape: number[];
  /** Bytes from the start of the joined weight files. */
  offset: number;
  count: number;
}

/** The weight files (in order) and weights a manifest declares, with their total size. */
export interface WeightsManifest {
  paths: string[];
  specs: WeightSpec[];
  totalBytes: number;
}

const groupSchema = z.object({
  paths: z.array(z.string()).max(10_000),
  weights: z.array(z.unknown()).max(MAX_WEIGHTS),
});
const manifestSchema = z.array(groupSchema).max(10_000);
const dimSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const specSchema = z.object({
  name: z.string().min(1).max(500),
  shape: z.array(dimSchema).max(8),
  dtype: z.string().optional(),
  quantization: z.unknown().optional(),
});

const modelFile = (message: string) => fail<WeightsManifest>('E_MODEL_FILE', message);

/** Names that are properties of every object; a weight or layer under one could reach them. */
export const isReservedName = (name: string): boolean =>
  name === '__proto__' || name in Object.prototype;

/** Why a manifest path may point outside model.json's folder; null when it is a plain name. */
export function outsidePathReason(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'it is not a readable file name';
  }
  for (const p of [path, decoded]) {
    // eslint-disable-next-line no-control-regex
    if (p === '' || /[\u0000-\u001f\\:]/.test(p)) return 'it is not a plain file name';
    if (p.startsWith('/')) return 'it starts at the top of the disk';
    if (p.split('/').some((s) => s === '..' || s === '.' || s === ''))
      return 'it leaves the folder of model.json';
  }
  return null;
}

/** Why a spec's raw value is unreadable, naming the weight when it has a name. */
function specProblem(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name;
  const which = typeof name === 'string' ? `'${name.slice(0, 100)}'` : `number ${index + 1}`;
  const shape = (raw as { shape?: unknown } | null)?.shape;
  if (typeof name !== 'string' || name === '') return `The weight ${which} has no name.`;
  if (!Array.isArray(shape)) return `The weight ${which} has no shape (a list of sizes).`;
  return `The weight ${which} has a shape that is not a list of whole numbers from 0 to 2,147,483,647: [${shape.map(String).join(', ').slice(0, 100)}].`;
}

/**
 * Checks a weights manifest (tfjs: [{paths, weights: [{name, shape, dtype}]}]) without reading a
 * byte: file names stay inside the folder, weights are float32, names are unique, and the declared
 * total is under the budget.
 */
export function readWeightsManifest(raw: unknown): Result<WeightsManifest> {
  if (raw === undefined || raw === null) return ok({ paths: [], specs: [], totalBytes: 0 });
  const groups = manifestSchema.safeParse(raw);
  if (!groups.success)
    return modelFile(
      "The model's list of weight files (weightsManifest) is unreadable: it must be a list of groups, each with 'paths' and 'weights'.",
    );
  const paths: string[] = [];
  const specs: WeightSpec[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const group of groups.data) {
    for (const path of group.paths) {
      const why = outsidePathReason(path);
      if (why)
        return fail(
          'E_PATH_NOT_ALLOWED',
          `The model names the weight file '${path.slice(0, 100)}', which was not read: ${why}.`,
        );
      paths.push(path);
    }
    for (const rawSpec of group.weights) {
      const spec = specSchema.safeParse(rawSpec);
      if (!spec.success) return modelFile(specProblem(rawSpec, specs.length));
      const { name, shape, dtype, quantization } = spec.data;
      if ((dtype ?? 'float32') !== 'float32' || quantization !== undefined)
        return modelFile(
          `The weight '${name}' is stored as ${quantization !== undefined ? 'quantized numbers' : dtype}; the app reads only float32 weights.`,
        );
      if (isReservedName(name))
        return modelFile(`The weight '${name}' has a name the app reserves; it was not read.`);
      if (seen.has(name)) return modelFile(`Two weights are both named '${name}'.`);
      seen.add(name);
      // Multiplied with the budget in view, so no product overflows into a wrong small number.
      let count = 1;
      for (const d of shape) {
        count *= d;
        if (count * 4 > MAX_WEIGHT_BYTES) break;
      }
      if (offset + count * 4 > MAX_WEIGHT_BYTES)
        return fail(
          'E_TOO_LARGE',
          `The model declares more than 2 GB of weights (at '${name}'); the app opens smaller models.`,
        );
      specs.push({ name, shape, offset, count });
      offset += count * 4;
    }
  }
  return ok({ paths, specs, totalBytes: offset });
}

/** The weights cut from the joined files: the sizes must agree and every value must be finite. */
export function splitWeights(
  manifest: WeightsManifest,
  data: ArrayBuffer,
): Result<Map<string, { shape: number[]; values: Float32Array }>> {
  if (data.byteLength !== manifest.totalBytes) {
    const which = data.byteLength < manifest.totalBytes ? 'shorter' : 'longer';
    return fail(
      'E_MODEL_FILE',
      `The weight files are ${which} than the model says (${data.byteLength} bytes, not ${manifest.totalBytes}): a file is missing, damaged or from another model.`,
    );
  }
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const spec of manifest.specs) {
    const values = new Float32Array(data.slice(spec.offset, spec.offset + spec.count * 4));
    let bad = 0;
    for (const v of values) if (!Number.isFinite(v)) bad++;
    if (bad > 0)
      return fail(
        'E_MODEL_FILE',
        `The weight '${spec.name}' has ${bad} value${bad > 1 ? 's that are' : ' that is'} not finite numbers (NaN or infinite); the file is damaged.`,
      );
    out.set(spec.name, { shape: [...spec.shape], values });
  }
  return ok(out);
}
