import type { z } from 'zod';
import type { KerasLayerSpec } from '../compiler/spec';
import type { Result } from '../contract/result';
import type { DiagnosticCode } from '../graph/messages';
import type { GraphNode, NodeKind, ParamValue } from '../graph/document';
import type {
  KerasImport,
  KerasTopologyLayer,
  KindDiagram,
  OnnxRule,
  PythonArgs,
  TorchLayerArgs,
  TorchLayerCode,
} from './bindingTypes';

export type * from './bindingTypes';
export { ONNX_CONVERTERS } from './bindingTypes';

/** The palette groups. */
export const CATEGORIES = [
  'Data',
  'Layers',
  'Noise',
  'Regularize',
  'Convolution',
  'Variational',
  'Adversarial',
  'Heads',
] as const;
export type Category = (typeof CATEGORIES)[number];

interface ParamBase<T> {
  label: string;
  /** One sentence for the inspector's tooltip. */
  help: string;
  /** The zod schema of one value: the check every loaded or edited value passes. */
  schema: z.ZodType<T>;
}

export type NumberParam = ParamBase<number> & {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
};
export type ChoiceParam<O extends string = string> = ParamBase<O> & {
  type: 'choice';
  default: O;
  options: readonly O[];
};
export type BooleanParam = ParamBase<boolean> & { type: 'boolean'; default: boolean };
export type IntListParam = ParamBase<number[]> & {
  type: 'intList';
  default: number[];
  minLength: number;
  maxLength: number;
  min: number;
  max: number;
};
/** The id of another node of the given kind (a TiedDense's partner Dense). */
export type NodeRefParam = ParamBase<string | null> & {
  type: 'nodeRef';
  default: null;
  refKind: NodeKind;
};

/** A parameter as data the inspector renders, with the zod schema that checks its values. */
export type ParamSpec = NumberParam | ChoiceParam | BooleanParam | IntListParam | NodeRefParam;

/** The params of a kind, typed from its specs: `{units: number, activation: 'relu' | ...}`. */
export type ParamsOf<S extends Record<string, ParamSpec>> = {
  [K in keyof S]: S[K] extends ParamBase<infer T> ? T : never;
};

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

export interface ShapeArgs<P = ResolvedParams> {
  inputs: Record<string, number[]>;
  params: P;
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

export interface KerasArgs<P = ResolvedParams> {
  params: P;
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

/**
 * A param migration: lifts the params a design saved earlier into today's form. Nodes carry no
 * version, so each step recognises the old form itself and leaves any other params unchanged.
 */
export interface ParamMigration {
  /** Why the step exists, for the reader of the descriptor. */
  why: string;
  up(params: Record<string, ParamValue>): Record<string, ParamValue>;
}

/**
 * The Keras class a kind owns, and everything that reads or writes a layer of that class: the
 * Keras script, the PyTorch script, the ONNX file, the tfjs build and the model importer.
 */
export interface KerasClassBinding {
  className: string;
  /**
   * The app's own class (not in Keras or tfjs): the tfjs class of the same name is registered in
   * src/main/services/model/layers, and `pythonClass` is its Keras source.
   */
  pythonClass?: string;
  /** It reads another layer's kernel, so a loaded Keras model must link it again by name. */
  linked?: boolean;
  /**
   * What it does outside training: 'keep' runs it, 'passFirst' passes its first input on (noise,
   * penalties, the VAE's sampling), so inference exports drop it.
   */
  inference: 'keep' | 'passFirst';
  /** A 'passFirst' class that, with this config, still changes values at inference (a top-k code). */
  keepsAtInference?(config: Record<string, unknown>): boolean;
  /** It corrupts its input while training (the denoising views show its output). */
  noise?: boolean;
  /**
   * Layers this one refers to as objects (a tied partner): the Keras script keeps each in a
   * variable before calling it.
   */
  references?(layer: KerasLayerSpec, sourceOf: (k: number) => KerasLayerSpec | undefined): string[];
  /**
   * Its weights' suffixes (`<layer>/<suffix>`) in Keras' set_weights order, which tfjs keeps;
   * absent for a layer without weights.
   */
  weights?(config: Record<string, unknown>): string[];
  /** The kernel's shape from the config and its number of values; null when they disagree. */
  kernelShape?(config: Record<string, unknown>, size: number): number[] | null;
  /** The Keras constructor call: callee and arguments (name and trainable are added). */
  python(args: PythonArgs): [string, string[]];
  /** The PyTorch module and forward expression. */
  torch(args: TorchLayerArgs): Result<TorchLayerCode>;
  /** How the ONNX exporter writes it (src/main/services/export/onnxLayers.ts). */
  onnx: OnnxRule;
  /**
   * The config tfjs' deserializer reads, when the Keras config alone would lose something (tfjs
   * camel-cases every string value but a `name`, so a layer name it must keep is wrapped).
   */
  tfjsConfig?(config: Record<string, unknown>): Record<string, unknown>;
  /** The node a layer of this class becomes when a saved model is opened. */
  fromKeras(layer: KerasTopologyLayer, isLast: boolean): KerasImport;
}

/** Everything the app knows about one node kind. */
export interface LayerDescriptor {
  kind: NodeKind;
  /** Where it sits in its palette category, smallest first. */
  order: number;
  category: Category;
  /** How the diagram's legend names it: words a slide reader knows. */
  title: string;
  /** One sentence a non-programmer understands. */
  explanation: string;
  params: Record<string, ParamSpec>;
  /** The zod schema of all params, each with its default. */
  paramsSchema: z.ZodType<Record<string, ParamValue>>;
  migrations: readonly ParamMigration[];
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
  /**
   * The Keras class it owns; absent when it emits no layer (Output) or a layer of another kind's
   * class (a ClassifierHead is a softmax Dense, read and written as Dense).
   */
  kerasClass?: KerasClassBinding;
  diagram: KindDiagram;
}
