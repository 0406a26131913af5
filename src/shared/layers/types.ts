import type { DiagnosticCode } from '../graph/messages';
import type { GraphNode, NodeKind, ParamValue } from '../graph/document';

/** The palette groups. */
export const CATEGORIES = [
  'Data',
  'Layers',
  'Noise',
  'Regularize',
  'Convolution',
  'Variational',
  'Heads',
] as const;
export type Category = (typeof CATEGORIES)[number];

interface ParamBase {
  label: string;
  /** One sentence for the inspector's tooltip. */
  help: string;
}

/** A parameter as data the inspector renders. */
export type ParamSpec =
  | (ParamBase & {
      type: 'number';
      default: number;
      min: number;
      max: number;
      step: number;
      integer: boolean;
    })
  | (ParamBase & { type: 'choice'; default: string; options: readonly string[] })
  | (ParamBase & { type: 'boolean'; default: boolean })
  | (ParamBase & {
      type: 'intList';
      default: number[];
      minLength: number;
      maxLength: number;
      min: number;
      max: number;
    })
  /** The id of another node of the given kind (a TiedDense's partner Dense). */
  | (ParamBase & { type: 'nodeRef'; default: null; refKind: NodeKind });

/** Params after defaults are filled in and every value is checked against its spec. */
export type ResolvedParams = Record<string, ParamValue>;

/** What a shape rule may ask about another node (TiedDense asks about its partner). */
export interface NodeInfo {
  node: GraphNode;
  label: string;
  params: ResolvedParams;
  /** Shapes on its input ports, where known. */
  inputs: Record<string, number[]>;
  output: number[] | null;
}

export interface ShapeArgs {
  inputs: Record<string, number[]>;
  params: ResolvedParams;
  node: GraphNode;
  /** "Dense 'decoder 2'" */
  label: string;
  lookup: (id: string) => NodeInfo | null;
}

export type ShapeOutcome =
  | { ok: true; shape: number[] }
  | { ok: false; code: DiagnosticCode; message: string; nodeIds?: string[] };

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

export interface KerasArgs {
  params: ResolvedParams;
  inputs: Record<string, number[]>;
  output: number[];
  /** The Keras layer name given to another node (TiedDense names its partner). */
  layerNameOf: (nodeId: string) => string;
}

/** A layer as Keras writes it in model JSON: class name plus snake_case config (no name). */
export interface KerasLayerConfig {
  className: string;
  config: Record<string, unknown>;
}

/** Everything the app knows about one node kind. */
export interface LayerDescriptor {
  kind: NodeKind;
  category: Category;
  /** One sentence a non-programmer understands. */
  explanation: string;
  params: Record<string, ParamSpec>;
  /** Input port names, in order. */
  ports: readonly string[];
  inferShape(args: ShapeArgs): ShapeOutcome;
  countParams(args: {
    inputs: Record<string, number[]>;
    output: number[];
    params: ResolvedParams;
  }): ParamCount;
  /** The Keras layer it becomes; null when it adds no layer (Output marks the model's end). */
  toKeras(args: KerasArgs): KerasLayerConfig | null;
}
