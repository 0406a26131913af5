import type * as tf from '@tensorflow/tfjs';

type Layer = { class_name: string; config: Record<string, unknown>; name?: string };
type Topology = { config: { layers: Layer[] } };
/** Weights by their saved names ("encoder_1/kernel"). */
export type NamedWeights = Map<string, { shape: number[]; values: Float32Array }>;

/** Weight values by name, in the order of the artifacts' weight specs. */
export function decodeWeights(
  artifacts: tf.io.ModelArtifacts,
): Map<string, { shape: number[]; values: Float32Array }> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  const data = artifacts.weightData as ArrayBuffer;
  let offset = 0;
  for (const spec of artifacts.weightSpecs ?? []) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    out.set(spec.name, {
      shape: [...spec.shape],
      values: new Float32Array(data.slice(offset, offset + count * 4)),
    });
    offset += count * 4;
  }
  return out;
}

/** Packs named weights back into specs and one buffer. */
export function encodeWeights(weights: Map<string, { shape: number[]; values: Float32Array }>): {
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
} {
  const total = [...weights.values()].reduce((s, w) => s + w.values.length, 0);
  const data = new Float32Array(total);
  let at = 0;
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  for (const [name, w] of weights) {
    data.set(w.values, at);
    at += w.values.length;
    weightSpecs.push({ name, shape: w.shape, dtype: 'float32' });
  }
  return { weightSpecs, weightData: data.buffer };
}

const transpose = (values: Float32Array, rows: number, cols: number): Float32Array => {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return out;
};

/**
 * A saved sub-model (the decoder) whose TiedDense layers mirror a Dense outside it cannot load
 * alone. Each such layer becomes a plain Dense whose kernel is the partner's, transposed: the same
 * numbers, standing on their own. `kernels` holds the full model's weights.
 */
export function untieOrphans(
  artifacts: tf.io.ModelArtifacts,
  kernels: NamedWeights,
): tf.io.ModelArtifacts {
  const topology = artifacts.modelTopology as Topology;
  const names = new Set(topology.config.layers.map((l) => String(l.config.name ?? l.name)));
  return untie(artifacts, kernels, (partner) => !names.has(partner));
}

/**
 * Every TiedDense as a plain Dense with its partner's transposed kernel: what stock tfjs loads
 * (it knows no TiedDense) and predicts the same with. The artifacts given are left unchanged.
 */
export function untieAll(
  artifacts: tf.io.ModelArtifacts,
  kernels: NamedWeights,
): tf.io.ModelArtifacts {
  const copy = {
    ...artifacts,
    modelTopology: structuredClone(artifacts.modelTopology),
  } as tf.io.ModelArtifacts;
  return untie(copy, kernels, () => true);
}

function untie(
  artifacts: tf.io.ModelArtifacts,
  kernels: NamedWeights,
  wanted: (partner: string) => boolean,
): tf.io.ModelArtifacts {
  const topology = artifacts.modelTopology as Topology;
  const orphans = topology.config.layers.filter((l) => {
    if (l.class_name !== 'TiedDense') return false;
    const p = l.config.partner as string | { name: string };
    return wanted(typeof p === 'string' ? p : p.name);
  });
  if (orphans.length === 0) return artifacts;
  const weights = decodeWeights(artifacts);
  const rebuilt = new Map<string, { shape: number[]; values: Float32Array }>();
  const kernelFor = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const l of orphans) {
    const p = l.config.partner as string | { name: string };
    const partner = kernels.get(`${typeof p === 'string' ? p : p.name}/kernel`)!;
    const [rows, cols] = partner.shape;
    kernelFor.set(String(l.config.name), {
      shape: [cols, rows],
      values: transpose(partner.values, rows, cols),
    });
    const { partner: _partner, ...rest } = l.config;
    l.class_name = 'Dense';
    l.config = {
      ...rest,
      units: rows,
      kernel_initializer: { class_name: 'Zeros', config: {} },
      bias_initializer: { class_name: 'Zeros', config: {} },
    };
  }
  // Dense expects its kernel before its bias.
  for (const [name, w] of weights) {
    const layer = name.split('/')[0];
    const kernel = kernelFor.get(layer);
    if (kernel && !rebuilt.has(`${layer}/kernel`)) rebuilt.set(`${layer}/kernel`, kernel);
    rebuilt.set(name, w);
  }
  for (const [layer, kernel] of kernelFor)
    if (!rebuilt.has(`${layer}/kernel`)) rebuilt.set(`${layer}/kernel`, kernel);
  return {
    ...artifacts,
    modelTopology: topology as unknown as tf.io.ModelArtifacts['modelTopology'],
    ...encodeWeights(rebuilt),
  };
}
