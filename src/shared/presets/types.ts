import type { DataSpec, TrainSettings } from '../contract/training';
import type { GraphDocument } from '../graph/document';

/** Train one autoencoder at a time, outside in, then fine-tune the whole stack. */
export interface GreedyProcedure {
  kind: 'greedy';
  phases: {
    label: string;
    /** The encoder and decoder layers (node ids) trained in this phase. */
    encoderNodeId: string;
    decoderNodeId: string;
    epochs: number;
  }[];
  fineTuneEpochs: number;
}

/** Pretrain the encoder as an autoencoder on all data, then train the head on a few labels. */
export interface ReuseEncoderProcedure {
  kind: 'reuse-encoder';
  /** The preset whose encoder is pretrained (same encoder layer names). */
  pretrainPresetId: string;
  /** How many labelled samples the classifier learns from. */
  labelledCount: number;
}

export type Procedure = GreedyProcedure | ReuseEncoderProcedure;

/** A model of the lecture notes, ready to train. */
export interface Preset {
  id: string;
  title: string;
  /** Two sentences: what it is and what it teaches. */
  description: string;
  graph: GraphDocument;
  settings: TrainSettings;
  data: DataSpec;
  procedure?: Procedure;
}
