import { MESSAGES, type Diagnostic } from '../graph/messages';
import type { GraphIndex } from './structure';
import type { NodeAnalysis } from './types';

/**
 * The largest design the app builds. Measured on a 2-core, 24 GB machine (the smallest the app
 * is built on), wasm backend: a 49.6 million weight dense autoencoder (784-6300-6300-784) trains
 * one Adam step of 32 digits in 16 to 41 s at 3.5 GB resident. That still trains, slowly; four
 * times as many weights would need about 14 GB and minutes a step, and 2.4·10^8 weights blocked
 * the host for over 120 s at 4.9 GB during a tfjs export. Activations get the same figure: 5·10^7
 * floats are 200 MB for each sample in a batch, which a batch of a few samples can still hold.
 */
export const DESIGN_BUDGET = {
  /** Weights (trainable and not) of the whole design. */
  params: 50_000_000,
  /** Values all layers give for one sample (the sum of their output sizes). */
  activationsPerSample: 50_000_000,
} as const;

/** Bytes of float32 weights. */
export const weightBytes = (params: number): number => params * 4;

/** What a design costs, as the budget measures it. */
export interface DesignSize {
  params: number;
  activationsPerSample: number;
  weightBytes: number;
}

/** Size of a shape; Infinity rather than a wrong number when it is beyond exact integers. */
const valuesOf = (shape: readonly number[]): number => {
  const n = shape.reduce((a, b) => a * b, 1);
  return Number.isSafeInteger(n) ? n : Infinity;
};

const exact = (n: number): number => (Number.isSafeInteger(n) ? n : Infinity);

/** "20,000,000,000"; a count beyond exact integers is said as "more than 9,007,199,254,740,991". */
export const formatCount = (n: number): string =>
  Number.isSafeInteger(n)
    ? n.toLocaleString('en-US')
    : `more than ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}`;

/** "about 200 MB", "about 80 GB". */
export const formatBytes = (bytes: number): string => {
  if (!Number.isFinite(bytes)) return 'far more memory than any computer has';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `about ${Math.round(value).toLocaleString('en-US')} ${units[unit]}`;
};

/** The design's weights and activations per sample, from the per-node analysis. O(nodes). */
export function measureDesign(nodes: Record<string, NodeAnalysis>, kinds: Map<string, string>) {
  let params = 0;
  let activationsPerSample = 0;
  for (const [id, node] of Object.entries(nodes)) {
    params = exact(params + node.trainableParams + node.nonTrainableParams);
    // Output adds no layer: it names the tensor of the layer before it.
    if (node.shape && kinds.get(id) !== 'Output')
      activationsPerSample = exact(activationsPerSample + valuesOf(node.shape));
  }
  return { params, activationsPerSample, weightBytes: weightBytes(params) } satisfies DesignSize;
}

/** The (up to three) nodes that hold the most of a measure, largest first. */
function largest(index: GraphIndex, measure: Map<string, number>): [string, number][] {
  return [...measure.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .filter(([id]) => index.labels.has(id));
}

const listed = (index: GraphIndex, top: [string, number][], verb: string): string =>
  top.map(([id, n]) => `${index.labels.get(id)} ${verb} ${formatCount(n)}`).join(', ');

/**
 * Adds E_TOO_LARGE when the design is over the budget, naming the figure, the limit and the
 * layers to make smaller. Pure arithmetic on the analysis: nothing is allocated per weight, so a
 * 10^20 weight design is refused as fast as a small one.
 */
export function checkBudget(
  index: GraphIndex,
  nodes: Record<string, NodeAnalysis>,
  diagnostics: Diagnostic[],
): DesignSize {
  const kinds = new Map([...index.nodes].map(([id, n]) => [id, n.kind]));
  const size = measureDesign(nodes, kinds);
  if (size.params > DESIGN_BUDGET.params) {
    const weights = new Map(
      Object.entries(nodes).map(([id, n]) => [id, exact(n.trainableParams + n.nonTrainableParams)]),
    );
    const top = largest(index, weights);
    diagnostics.push({
      code: 'E_TOO_LARGE',
      severity: 'error',
      nodeIds: top.map(([id]) => id),
      message: MESSAGES.E_TOO_LARGE_WEIGHTS(
        formatCount(size.params),
        formatCount(DESIGN_BUDGET.params),
        formatBytes(weightBytes(DESIGN_BUDGET.params)),
        listed(index, top, 'has'),
      ),
    });
  }
  if (size.activationsPerSample > DESIGN_BUDGET.activationsPerSample) {
    const values = new Map(
      Object.entries(nodes)
        .filter(([id, n]) => n.shape && kinds.get(id) !== 'Output')
        .map(([id, n]) => [id, valuesOf(n.shape!)]),
    );
    const top = largest(index, values);
    diagnostics.push({
      code: 'E_TOO_LARGE',
      severity: 'error',
      nodeIds: top.map(([id]) => id),
      message: MESSAGES.E_TOO_LARGE_VALUES(
        formatCount(size.activationsPerSample),
        formatCount(DESIGN_BUDGET.activationsPerSample),
        formatBytes(DESIGN_BUDGET.activationsPerSample * 4),
        listed(index, top, 'gives'),
      ),
    });
  }
  return size;
}

/** The first budget diagnostic of an analysis, if the design is over the budget. */
export const overBudget = (diagnostics: readonly Diagnostic[]): Diagnostic | null =>
  diagnostics.find((d) => d.code === 'E_TOO_LARGE') ?? null;
