import type { DataSpec, Procedure, TrainSettings } from '../contract/training';
import type { GraphDocument } from '../graph/document';

// The procedure types come from the contract's schemas: one definition, checked where it arrives.
export type { GreedyProcedure, Procedure, ReuseEncoderProcedure } from '../contract/training';

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
