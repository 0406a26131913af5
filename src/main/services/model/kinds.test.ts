/**
 * The per-kind table, tfjs side: each example of every kind's cases file
 * (src/shared/layers/kinds/<kind>.cases.ts) is built as tfjs builds it (its Keras config
 * deserialized), and must give the shape and parameter counts Keras gives, the forward pass of an
 * independent plain-JavaScript reference, and, saved as tfjs model JSON, open again as the same
 * node. A kind without cases fails the shared table (src/shared/layers/kinds.test.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KerasLayerSpec } from '../../../shared/compiler';
import { kerasWeightNames } from '../../../shared/export/kerasWeights';
import { importLayer } from '../../../shared/export/layerImport';
import { createNode, resolveParams } from '../../../shared/layers';
import { CASES, exampleNode, kerasOf } from '../../../shared/layers/testing/kindTable';
import { LAYER_DESCRIPTORS, NODE_KINDS } from '../../../shared/layers/registry';
import type { KindCase, KindExample } from '../../../shared/layers/testing/kindCase';
import { createLayer } from './layerFactory';
import type { TiedDense } from './layers/tiedDense';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Reproducible values in about [-1.5, 1.5] that are neither sorted nor symmetric. */
const wave = (n: number, phase: number) =>
  Float32Array.from({ length: n }, (_, i) => 1.5 * Math.sin(1.7 * i + phase) * Math.cos(0.3 * i));

const specOf = (
  className: string,
  name: string,
  config: Record<string, unknown>,
): KerasLayerSpec => ({
  class_name: className,
  name,
  config: { name, trainable: true, dtype: 'float32', ...config },
  inbound_nodes: [],
});

const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Every weight set to varied values (a variance kept positive), so no weight hides as 0 or 1. */
function varyWeights(layer: tf.layers.Layer, phase: number): void {
  layer.setWeights(
    layer.weights.map((w, k) => {
      const shape = w.shape as number[];
      const values = wave(sizeOf(shape), phase + k);
      const positive = w.originalName.endsWith('moving_variance');
      return tf.tensor(positive ? values.map((v) => Math.abs(v) + 0.2) : values, shape);
    }),
  );
}

interface Built {
  layer: tf.layers.Layer;
  partner: tf.layers.Layer | null;
  model: tf.LayersModel;
  inputs: tf.SymbolicTensor[];
}

/** The example's layer (and a tied layer's partner) in a small functional model. */
function buildExample(kindCase: KindCase, example: KindExample): Built {
  const { params } = resolveParams(exampleNode(kindCase, example));
  const keras = kerasOf(kindCase, example, params)!;
  const layer = createLayer(specOf(keras.className, 'layer', keras.config), 7);
  const inputs = Object.values(example.inputs).map((shape) => tf.input({ shape }));
  const outputs = [layer.apply(inputs.length === 1 ? inputs[0] : inputs) as tf.SymbolicTensor];
  let partner: tf.layers.Layer | null = null;
  if (example.partner) {
    const dense = LAYER_DESCRIPTORS.Dense.toKeras({
      params: resolveParams(createNode('Dense', 'partner', { x: 0, y: 0 })).params,
      inputs: {},
      output: [],
      layerNameOf: (id) => id,
    })!;
    partner = createLayer(
      specOf('Dense', 'partner', { ...dense.config, units: example.partner.units }),
    );
    const partnerInput = tf.input({ shape: [example.partner.inputSize] });
    outputs.push(partner.apply(partnerInput) as tf.SymbolicTensor);
    inputs.push(partnerInput);
    (layer as TiedDense).partner = partner;
  }
  return { layer, partner, model: tf.model({ inputs, outputs }), inputs };
}

const count = (weights: tf.LayerVariable[]) =>
  weights.reduce((n, w) => n + sizeOf(w.shape as number[]), 0);

// Input and Prior are a network's argument, Output and Adversary mark an end.
const LAYERLESS = new Set(['Input', 'Prior', 'Adversary', 'Output']);
// A kind without cases fails the shared table; here it is left to that one message.
const cases = NODE_KINDS.filter((k) => !LAYERLESS.has(k) && CASES.has(k)).map(
  (k) => [k, CASES.get(k)!] as const,
);

describe('kinds without a layer of their own', () => {
  it('are only the arguments (Input, Prior) and the ends (Output, Adversary)', () => {
    const layerless = NODE_KINDS.filter((k) => CASES.get(k)?.reference === null);
    expect(layerless.sort()).toEqual([...LAYERLESS].sort());
  });

  it('Input saved as tfjs model JSON opens again with its shape', () => {
    for (const example of CASES.get('Input')!.examples) {
      const input = tf.input({ shape: example.output, name: 'layer' });
      const model = tf.model({
        inputs: input,
        outputs: tf.layers.activation({ activation: 'linear' }).apply(input) as tf.SymbolicTensor,
      });
      const json = model.toJSON(null, false) as {
        config: { layers: { class_name: string; name: string; config: Record<string, unknown> }[] };
      };
      const saved = json.config.layers.find((l) => l.name === 'layer')!;
      const back = importLayer(
        { className: saved.class_name, name: saved.name, config: saved.config, inputs: [] },
        false,
      );
      expect(back).toEqual({ ok: true, kind: 'Input', params: { shape: example.output } });
    }
  });
});

describe.each(cases)('%s built by tfjs', (kind, kindCase) => {
  const examples = kindCase.examples.map((e, i) => [i, e] as const);

  it.each(examples)('symbolic %i: has the shape and counts Keras gives', (_i, example) => {
    const { layer } = buildExample(kindCase, example);
    // The weights the Keras script and the .npz name, in set_weights order, are tfjs' own.
    const spec = { class_name: layer.getClassName(), name: 'layer', config: {}, inbound_nodes: [] };
    const { params } = resolveParams(exampleNode(kindCase, example));
    spec.config = { name: 'layer', ...kerasOf(kindCase, example, params)!.config };
    expect(layer.weights.map((w) => w.originalName)).toEqual(kerasWeightNames(spec));
    const out = layer.getOutputAt(0) as tf.SymbolicTensor;
    expect(out.shape.slice(1)).toEqual(example.output);
    expect({
      trainable: count(layer.trainableWeights),
      nonTrainable: count(layer.nonTrainableWeights),
    }).toEqual(example.count);
  });

  it.each(examples)('numeric %i: computes what the plain-JS reference computes', (_i, example) => {
    const { layer, partner } = buildExample(kindCase, example);
    varyWeights(layer, 0.4);
    if (partner) varyWeights(partner, 1.1);
    const { params } = resolveParams(exampleNode(kindCase, example));
    const shapes = Object.values(example.inputs);
    const weights: Record<string, Float32Array> = {};
    // tfjs makes a repeated weight name unique ('layer/kernel_3'); the original keeps the suffix.
    for (const w of layer.weights)
      weights[w.originalName.split('/').at(-1)!] = w.read().dataSync() as Float32Array;
    if (partner) weights['partner/kernel'] = partner.weights[0].read().dataSync() as Float32Array;
    const samples = [0, 1].map((s) => shapes.map((shape, p) => wave(sizeOf(shape), 2.3 * s + p)));
    const batch = shapes.map((shape, p) =>
      tf.tensor([...samples[0][p], ...samples[1][p]], [2, ...shape]),
    );
    const got = (
      layer.apply(batch.length === 1 ? batch[0] : batch, { training: false }) as tf.Tensor
    ).dataSync();
    const n = sizeOf(example.output);
    for (const [s, inputs] of samples.entries()) {
      const want = kindCase.reference!({
        inputs,
        shapes,
        outShape: example.output,
        params,
        weights,
      });
      expect(want).toHaveLength(n);
      const worst = Math.max(
        ...[...want].map((v, i) => Math.abs(v - got[s * n + i]) / (1 + Math.abs(v))),
      );
      expect(
        worst,
        `want ${[...want].slice(0, 4)} got ${[...got].slice(s * n, s * n + 4)}`,
      ).toBeLessThan(1e-4);
    }
  });

  it.each(examples)(
    'round trip %i: saved as tfjs model JSON, opens again as the same node',
    (_i, example) => {
      const { model } = buildExample(kindCase, example);
      const json = model.toJSON(null, false) as {
        config: { layers: { class_name: string; name: string; config: Record<string, unknown> }[] };
      };
      const saved = json.config.layers.find((l) => l.name === 'layer')!;
      const back = importLayer(
        { className: saved.class_name, name: saved.name, config: saved.config, inputs: [] },
        true,
      );
      if (!back.ok) throw new Error(back.message);
      expect(back.kind).toBe(kind);
      const node = exampleNode(kindCase, example);
      expect(resolveParams({ ...node, params: back.params })).toEqual(resolveParams(node));
    },
  );
});
