import type { GraphNode } from '../graph/document';
import { formatShape } from '../graph/messages';
import { resolveParams } from '../layers/resolve';

const LOSS_NAMES: Record<string, string> = {
  binaryCrossentropy: 'binary cross-entropy',
  mse: 'mean squared error',
  categoricalCrossentropy: 'cross-entropy',
};

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** A parameter as a reader wants it: 0.00128, not 0.0012755102040816326. */
export const short = (v: unknown): string =>
  typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v);

/**
 * The detail line under a layer: what a reader of the slide needs to rebuild it (units or
 * filters, window, activation), not every parameter.
 */
export function detailLine(node: GraphNode): string {
  const p = resolveParams(node).params;
  const act = (a: unknown) => (a === 'linear' ? 'linear' : String(a));
  switch (node.kind) {
    case 'Input':
      return 'input';
    case 'Output':
      return LOSS_NAMES[String(p.loss)] ?? String(p.loss);
    case 'Dense':
      return `${p.units} · ${act(p.activation)}`;
    case 'TiedDense':
      return `tied · ${act(p.activation)}`;
    case 'ClassifierHead':
      return `${p.classes} classes · softmax`;
    case 'Conv2D':
    case 'Conv2DTranspose': {
      const step = (p.strides as number) > 1 ? ` /${p.strides}` : '';
      return `${p.filters} × ${p.kernelSize}×${p.kernelSize}${step} · ${act(p.activation)}`;
    }
    case 'MaxPooling2D':
      return `max ${p.poolSize}×${p.poolSize}`;
    case 'UpSampling2D':
      return `× ${p.size}`;
    case 'Flatten':
      return 'flatten';
    case 'Reshape':
      return `to ${formatShape(p.targetShape as number[])}`;
    case 'GaussianNoise':
      return `noise σ ${short(p.stddev)}`;
    case 'MaskingNoise':
      return `mask ${pct(p.rate as number)}`;
    case 'SaltAndPepperNoise':
      return `salt & pepper ${pct(p.rate as number)}`;
    case 'Dropout':
      return `dropout ${pct(p.rate as number)}`;
    case 'BatchNormalization':
      return 'batch norm';
    case 'Activation':
      return act(p.activation);
    case 'Code': {
      const parts: string[] = [];
      if (p.sparsity === 'l1') parts.push(`L1 ${short(p.sparsityWeight)}`);
      if (p.sparsity === 'kl') parts.push(`KL ρ ${short(p.targetRate)}`);
      if ((p.contractiveWeight as number) > 0)
        parts.push(`contractive ${short(p.contractiveWeight)}`);
      return parts.length > 0 ? parts.join(' · ') : 'code';
    }
    case 'Sampling':
      return `sample z · β ${short(p.beta)}`;
  }
}

/** The name line: the picture-only label when given, else the node's name, else its kind. */
export const nameLine = (node: GraphNode, override?: string): string =>
  override?.trim() || node.name.trim() || node.kind;

/** The shape line: "28×28×16", or "?" when the graph cannot know it yet. */
export const shapeLine = (shape: readonly number[] | null): string =>
  shape ? formatShape(shape) : '?';
