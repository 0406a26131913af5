import type * as tf from '@tensorflow/tfjs';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import type { BuiltModel } from '../model';
import { APP_VERSION } from '../version';
import { disposeExportGame, exportGameOf, inferenceParts, type ExportGame } from './gameExport';
import { inferenceArtifacts } from './inferenceTopology';
import { artifactsOf } from './tfjsArtifacts';
import { GraphBuilder, safeName, type Value } from './onnxGraph';
import { convertLayer, OnnxUnsupported } from './onnxLayers';
import { encodeModel, type OnnxGraph } from './onnxProto';
import { decodeWeights, encodeWeights, type NamedWeights } from './tiedToDense';

/**
 * Opset 13 has every operator used here in its current form (Resize with scales, Softmax over one
 * axis); IR version 7 is the one released with it, which onnxruntime 1.30 reads.
 */
const OPSET = 13;
const IR_VERSION = 7;

export type OnnxPart = 'model' | 'encoder' | 'decoder' | 'generator' | 'discriminator';
export interface OnnxFile {
  part: OnnxPart;
  bytes: Uint8Array;
}

type Inbound = [string, number, number, unknown?];
type Layer = {
  class_name: string;
  name: string;
  config: Record<string, unknown>;
  inbound_nodes: Inbound[][];
};
type Topology = {
  config: { layers: Layer[]; input_layers: Inbound[]; output_layers: Inbound[] };
};

/** The artifacts with trained values put in place of the fresh ones, by weight name. */
function withWeights(a: tf.io.ModelArtifacts, trained: Record<string, Float32Array> | undefined) {
  if (!trained) return a;
  const named: NamedWeights = decodeWeights(a);
  for (const [name, w] of named) {
    const values = trained[name];
    if (!values) continue;
    if (values.length !== w.values.length)
      throw new WeightMismatch(
        `The trained weight '${name}' does not fit the model (the graph changed since training).`,
      );
    named.set(name, { shape: w.shape, values });
  }
  return { ...a, ...encodeWeights(named) };
}
class WeightMismatch extends Error {}

/** One inference topology (training-only layers already removed) as an ONNX graph. */
function toGraph(
  artifacts: tf.io.ModelArtifacts,
  graphName: string,
  outputNames: string[],
): OnnxGraph {
  const topology = artifacts.modelTopology as unknown as Topology;
  const weights = decodeWeights(artifacts);
  const b = new GraphBuilder();
  const byName = new Map(topology.config.layers.map((l) => [l.name, l]));
  const values = new Map<string, Value>();
  const inputs: OnnxGraph['inputs'] = [];
  for (const [name] of topology.config.input_layers) {
    const shape = (byName.get(name)!.config.batch_input_shape as number[]).slice(1);
    const onnxName = b.unique(name);
    inputs.push({ name: onnxName, dims: ['batch', ...shape] });
    values.set(
      name,
      shape.length <= 1 ? { shape, last: onnxName, first: onnxName } : { shape, last: onnxName },
    );
  }
  const visiting = new Set<string>();
  const valueOf = (name: string): Value => {
    const known = values.get(name);
    if (known) return known;
    const layer = byName.get(name);
    if (!layer || visiting.has(name)) throw new Error(`The layer '${name}' cannot be ordered.`);
    visiting.add(name);
    const args = (layer.inbound_nodes[0] ?? []).map((ref) => valueOf(ref[0]));
    const v = convertLayer(b, layer, args, weights);
    values.set(name, v);
    return v;
  };
  const outputs: OnnxGraph['outputs'] = [];
  for (const [i, [name]] of topology.config.output_layers.entries()) {
    const v = valueOf(name);
    let tensor = b.asLast(v, name);
    if (inputs.some((input) => input.name === tensor)) tensor = b.op('Identity', name, [tensor]);
    tensor = nameAfterLayer(b, tensor, outputNames[i] || name);
    outputs.push({ name: tensor, dims: ['batch', ...v.shape] });
  }
  return { name: graphName, nodes: b.nodes, initializers: b.initializers, inputs, outputs };
}

/**
 * The output carries its layer's name ("code", not "code_nhwc" or the layer before a removed Code
 * layer): the tensor takes the name, or swaps names with the tensor inside that holds it (the
 * channels-first result before the last Transpose).
 */
function nameAfterLayer(b: GraphBuilder, tensor: string, layer: string): string {
  const wanted = safeName(layer);
  if (tensor === wanted) return tensor;
  if (b.claim(wanted)) {
    b.rename(tensor, wanted);
    return wanted;
  }
  if (!b.nodes.some((n) => n.outputs.includes(wanted))) return tensor;
  b.rename(wanted, '\u0000');
  b.rename(tensor, wanted);
  b.rename('\u0000', tensor);
  return wanted;
}

/** What a part's output is called in the design: a removed Code layer's name, not a Sampling's. */
function designOutputNames(a: tf.io.ModelArtifacts): string[] {
  const topology = a.modelTopology as unknown as Topology;
  const classOf = new Map(topology.config.layers.map((l) => [l.name, l.class_name]));
  return topology.config.output_layers.map((o) => (classOf.get(o[0]) === 'Sampling' ? '' : o[0]));
}

/**
 * The inference models of a built design as ONNX files: the whole model, and its encoder (input to
 * code) and decoder (code to output) where the design has them; a GAN's generator (noise to
 * sample) and a game's discriminator (see inferenceParts). They compute what the app predicts
 * outside training, with the app's shapes (images channels last); `weights` are trained values by
 * name ("encoder_1/kernel", a discriminator's too), fresh ones when absent. A game's discriminator
 * is `game`'s, or a fresh one when absent.
 */
export async function onnxModels(
  built: BuiltModel,
  doc: GraphDocument,
  weights?: Record<string, Float32Array>,
  game?: ExportGame | null,
): Promise<Result<OnnxFile[]>> {
  const own = game === undefined ? exportGameOf(doc) : null;
  const parts = inferenceParts(built, game ?? own) as [OnnxPart, tf.LayersModel][];
  try {
    const full = withWeights(await artifactsOf(built.model), weights);
    const kernels = decodeWeights(full);
    const files: OnnxFile[] = [];
    for (const [part, model] of parts) {
      const a = model === built.model ? full : withWeights(await artifactsOf(model), weights);
      const graph = toGraph(inferenceArtifacts(a, kernels), part, designOutputNames(a));
      graph.docString = `The ${part} of an Autoencoder Studio design, for inference. Images are channels last (batch, height, width, channels), as in the app.`;
      const bytes = encodeModel({
        irVersion: IR_VERSION,
        opsetVersion: OPSET,
        producerName: 'Autoencoder Studio',
        producerVersion: APP_VERSION,
        graph,
        metadata: {
          'autoencoder_studio.part': part,
          'autoencoder_studio.graph': JSON.stringify(doc),
        },
      });
      files.push({ part, bytes });
    }
    return ok(files);
  } catch (error) {
    if (error instanceof WeightMismatch) return fail('E_DATA', error.message);
    if (error instanceof OnnxUnsupported) return fail('E_UNSUPPORTED', error.message);
    return fail('E_INTERNAL', `The ONNX model could not be written: ${String(error)}`);
  } finally {
    disposeExportGame(own);
  }
}
