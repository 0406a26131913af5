import type { Diagnostic } from '../graph/messages';

export type NodeRole =
  | 'input'
  | 'encoder'
  | 'code'
  | 'decoder'
  | 'output'
  | 'head'
  /** An adversarial game's parts (see compiler/game.ts). */
  | 'prior'
  | 'generator'
  | 'discriminator'
  | 'adversary';

export interface NodeAnalysis {
  /** Output shape without the batch dimension; null when it cannot be known. */
  shape: number[] | null;
  trainableParams: number;
  nonTrainableParams: number;
  role: NodeRole | null;
}

/** Everything the editor shows about a graph, recomputed on every edit. */
export interface GraphAnalysis {
  nodes: Record<string, NodeAnalysis>;
  /** Node ids in topological order (nodes on a loop are left out). */
  order: string[];
  diagnostics: Diagnostic[];
  totals: { trainable: number; nonTrainable: number; total: number };
  codeNodeId: string | null;
  /** 'classify' when the Output follows a ClassifierHead. */
  task: 'reconstruct' | 'classify';
  valid: boolean;
}
