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

/** The players of a game design, found by the analysis (compiler/game.ts says what each is). */
export interface GameAnalysis {
  kind: 'gan' | 'aae';
  adversary: string;
  /** Null while the design lacks one (the diagnostics say so). */
  prior: string | null;
  /** Where the discriminator's real samples come from: the Input (GAN) or the Prior (AAE). */
  realSource: string | null;
  /** The layers feeding the Adversary's 'score' and 'fake' inputs; null while unconnected. */
  scoreSource: string | null;
  fakeSource: string | null;
  /** GAN: the layers from the Prior to 'fake'; AAE: the encoder's, up to and with the code. */
  generator: string[];
  /** The layers from the real samples' source to 'score' (the source itself left out). */
  discriminator: string[];
  /** AAE: every node from Input to Output (both included); empty for a GAN. */
  autoencoder: string[];
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
  /** Present only for a design with an Adversary node: its players, as far as they are wired. */
  game?: GameAnalysis;
}
