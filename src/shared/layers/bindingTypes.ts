/**
 * The shapes of what a descriptor hands the diagram, the importer, the script writers and the ONNX
 * exporter. Kept apart from types.ts so each reads as one idea.
 */
import type { KerasLayerSpec } from '../compiler/spec';
import type { NodeKind, ParamValue } from '../graph/document';

/** A texture for the no-colour print mode (see diagram/patterns.ts). */
export type Texture = 'none' | 'diag' | 'antidiag' | 'cross' | 'dots' | 'horiz' | 'vert' | 'grid';

export interface KindStyle {
  fill: string;
  texture: Texture;
}

/** How the diagram draws a kind. */
export interface KindDiagram {
  /** The detail line under a layer: what a reader of the slide needs to rebuild it. */
  detail(params: Record<string, ParamValue>): string;
  /** Its fill under the default (Tableau-like) and colour-blind-safe (Okabe-Ito) palettes. */
  colors: { default: string; colorblind: string; print: KindStyle };
  /** It keeps the shape of what it receives: drawn as a thin slab, so the eye skips it. */
  slab?: boolean;
}

/** A layer of a saved Keras or tfjs model, as the importer reads it. */
export interface KerasTopologyLayer {
  className: string;
  name: string;
  config: Record<string, unknown>;
  /** The names of the layers feeding it, in call order. */
  inputs: string[];
}

export type KerasImport =
  | { ok: true; kind: NodeKind; params: Record<string, ParamValue> }
  /** E_MODEL_FILE when the setting is unreadable; otherwise the app lacks what the layer uses. */
  | { ok: false; message: string; unreadable?: boolean };

/** The ONNX converters src/main/services/export/onnxLayers.ts keeps, one per layer family. */
export const ONNX_CONVERTERS = [
  'dense',
  'activation',
  'conv',
  'convTranspose',
  'maxPool',
  'upSample',
  'batchNorm',
  'flatten',
  'reshape',
  'winners',
] as const;
export type OnnxConverterName = (typeof ONNX_CONVERTERS)[number];

export type OnnxAttributeValue =
  | { name: string; f: number }
  | { name: string; i: number }
  | { name: string; s: string }
  | { name: string; ints: number[] };

/** How a layer becomes ONNX. */
export type OnnxRule =
  /** One of the exporter's converters, which reads the layer's weights. */
  | { converter: OnnxConverterName }
  /** One elementwise ONNX operator without weights, keeping the value's layout. */
  | { elementwise: string; attributes(config: Record<string, unknown>): OnnxAttributeValue[] }
  /** Training-only: at inference it passes its first input on. */
  | { passFirst: true }
  /** It never reaches the exporter in this form; the words say why, should one arrive. */
  | { unsupported: string };

/** What a Keras-script emitter knows about the layer it writes. */
export interface PythonArgs {
  layer: KerasLayerSpec;
  /** The Python variable of another layer's object (a tied partner, a contractive code's Dense). */
  objectVar(layerName: string): string;
  /** The spec of the layer feeding input `k`. */
  sourceOf(k: number): KerasLayerSpec | undefined;
}

export interface TorchLayerArgs {
  layer: KerasLayerSpec;
  /** The layer's module, `self.<attribute>`. */
  self: string;
  /** Python expressions of its inputs, in port order. */
  inputs: string[];
  /** Shapes of its inputs and output, without the batch dimension. */
  inShapes: number[][];
  outShape: number[];
  /** The module of another layer (a tied partner), by its Keras name. */
  selfOf(layerName: string): string | null;
  /** The spec of the layer feeding input `k`, when it belongs to the same model or phase. */
  sourceOf(k: number): KerasLayerSpec | undefined;
}

/** One weight: its suffix in the app's name (`<layer>/<suffix>`), torch's name and axis order. */
export interface TorchWeight {
  suffix: string;
  param: string;
  order: number[];
}

export interface TorchLayerCode {
  /** The constructor of the layer's module; absent for layers without state. */
  module?: string;
  /** The output as a Python expression of the inputs. */
  value: string;
  /** Statements adding the layer's extra loss terms to `terms`. */
  terms?: string[];
  weights?: TorchWeight[];
  /** Statements initializing the module's weights. */
  init?: string[];
}
