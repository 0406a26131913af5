import type { TrainSettings } from '../contract/training';
import type { GraphDocument, ParamValue } from '../graph/document';
import type { RunMeasurements } from './measurements';

/** One parameter of one node to set: a change the advisor offers as a single click. */
export interface ParamPatch {
  nodeId: string;
  key: string;
  value: ParamValue;
}

/** What a click on a finding's button changes: the design, the training settings, or both. */
export interface SuggestedChange {
  /** The button's words ("Use cross-entropy"). */
  label: string;
  graph: ParamPatch[];
  settings: Partial<TrainSettings>;
}

export const FINDING_KINDS = [
  'mse-on-binary',
  'dead-code-units',
  'kl-collapse',
  'copies-input',
  'code-too-small',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Something that holds a run back, said in words, with the change to try. */
export interface Finding {
  kind: FindingKind;
  title: string;
  message: string;
  change: SuggestedChange | null;
}

/** One epoch's losses, as the run history keeps them. */
export interface EpochLosses {
  trainLoss: number;
  valLoss: number | null;
}

/** Everything the advisor reads about a finished run. */
export interface AdvisorInput {
  /** The design the run trained. */
  graph: GraphDocument;
  settings: TrainSettings;
  epochs: EpochLosses[];
  measurements: RunMeasurements;
}
