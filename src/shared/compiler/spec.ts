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
