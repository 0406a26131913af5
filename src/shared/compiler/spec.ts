import type { NodeRole } from './types';

/** A Keras functional model in the JSON form Keras and tfjs write (model.to_json()). */
export type InboundNode = [
  layerName: string,
  nodeIndex: number,
  tensorIndex: number,
  kwargs: Record<string, never>,
];

export interface KerasLayerSpec {
  class_name: string;
  name: string;
  /** snake_case config as Keras writes it, with name and trainable. */
  config: Record<string, unknown>;
  /** One call of the layer: its inputs, in port order. */
  inbound_nodes: InboundNode[][];
}

/** What the app needs beyond Keras' own fields, kept apart so exports can drop it. */
export interface StudioModelInfo {
  /** The Keras layer each graph node became (Output maps to the layer feeding it). */
  layerOfNode: Record<string, string>;
  /** The node each layer came from. */
  nodeOfLayer: Record<string, string>;
  inputLayer: string;
  outputLayer: string;
  /** The layer whose output is the code; null when the graph has none. */
  codeLayer: string | null;
  task: 'reconstruct' | 'classify';
  loss: 'mse' | 'binaryCrossentropy' | 'categoricalCrossentropy';
  /** The model's input shape without the batch dimension. */
  inputShape: number[];
  /** How many classes a classifier tells apart; null for a model that reconstructs. */
  classes: number | null;
  /** What each layer is in the model (encoder, code, decoder, head ...), from the analysis. */
  roleOfLayer: Record<string, NodeRole | null>;
  /** The name a person gave each layer's node (or its id), for messages. */
  labelOfLayer: Record<string, string>;
}

export interface KerasModelSpec {
  class_name: 'Functional';
  config: {
    name: string;
    layers: KerasLayerSpec[];
    input_layers: [string, number, number][];
    output_layers: [string, number, number][];
  };
  keras_version: string;
  backend: 'tensorflow';
  studio: StudioModelInfo;
}
