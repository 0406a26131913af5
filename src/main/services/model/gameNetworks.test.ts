/**
 * Each network of a game preset, as the compiler writes it, builds with the same assembly as any
 * model (tfjs' deserializer, assemble.ts) and has the parameter counts the analysis gives its
 * player: so the trainer, the views and the exports all read one set of numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph, type GraphAnalysis, type KerasModelSpec } from '../../../shared/compiler';
import { PRESETS } from '../../../shared/presets';
import { assemble } from './assemble';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const GAMES = PRESETS.filter((p) => p.graph.nodes.some((n) => n.kind === 'Adversary'));

const sizeOf = (shape: readonly (number | null)[]) =>
  shape.reduce((a: number, b) => a * (b ?? 1), 1);
const weightsOf = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + sizeOf(w.shape), 0);

/** What the analysis counts for the nodes a network's layers came from. */
function analysed(spec: KerasModelSpec, analysis: GraphAnalysis) {
  const ids = Object.values(spec.studio.nodeOfLayer);
  const sum = (key: 'trainableParams' | 'nonTrainableParams') =>
    ids.reduce((n, id) => n + analysis.nodes[id][key], 0);
  return { trainable: sum('trainableParams'), nonTrainable: sum('nonTrainableParams') };
}

function networks(id: string) {
  const preset = PRESETS.find((p) => p.id === id)!;
  const compiled = compileGraph(preset.graph);
  if (!compiled.ok || !compiled.game) throw new Error(`${id} does not compile to a game`);
  const { game, analysis } = compiled;
  const nets: [string, KerasModelSpec][] =
    game.kind === 'gan'
      ? [
          ['generator', game.generator],
          ['discriminator', game.discriminator],
        ]
      : [
          ['autoencoder', game.autoencoder],
          ['discriminator', game.discriminator],
        ];
  return { compiled, analysis, nets };
}

describe('the game presets', () => {
  it('are gan-dense, dcgan and aae', () => {
    expect(GAMES.map((p) => p.id)).toEqual(['gan-dense', 'dcgan', 'aae']);
  });
});

describe.each(GAMES.map((p) => [p.id] as const))('%s', (id) => {
  it('builds each network in tfjs with the counts the analysis gives its layers', () => {
    const { analysis, nets } = networks(id);
    let total = 0;
    for (const [name, spec] of nets) {
      const { model } = assemble(spec, 7);
      const counts = {
        trainable: weightsOf(model.trainableWeights),
        nonTrainable: weightsOf(model.nonTrainableWeights),
      };
      expect(counts, name).toEqual(analysed(spec, analysis));
      total += model.countParams();
      model.dispose();
    }
    // The two networks share no layer, so together they are the design.
    expect(total).toBe(analysis.totals.total);
  });

  it('gives each network the input and output shapes the analysis gives', () => {
    const { analysis, nets } = networks(id);
    for (const [name, spec] of nets) {
      const { model } = assemble(spec, 7);
      const inNode = spec.studio.nodeOfLayer[spec.studio.inputLayer];
      const outNode = spec.studio.nodeOfLayer[spec.studio.outputLayer];
      expect(model.inputs[0].shape.slice(1), name).toEqual(analysis.nodes[inNode].shape);
      expect(model.outputs[0].shape.slice(1), name).toEqual(analysis.nodes[outNode].shape);
      const out = model.predict(tf.zeros([2, ...analysis.nodes[inNode].shape!])) as tf.Tensor;
      expect(out.shape, name).toEqual([2, ...analysis.nodes[outNode].shape!]);
      tf.dispose(out);
      model.dispose();
    }
  });

  it('names every layer once across the whole design', () => {
    const { nets } = networks(id);
    const names = nets.flatMap(([, spec]) => spec.config.layers.map((l) => l.name));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('a GAN generator', () => {
  it("runs as the decoder of its spec, from the Prior's noise", () => {
    const { compiled } = networks('gan-dense');
    if (!compiled.ok) throw new Error('invalid');
    const { decoder, model } = assemble(compiled.spec, 7);
    expect(decoder).not.toBeNull();
    const z = tf.randomNormal([3, 100], 0, 1, 'float32', 1);
    const a = model.predict(z) as tf.Tensor;
    const b = decoder!.predict(z) as tf.Tensor;
    expect(b.shape).toEqual([3, 784]);
    expect(Math.max(...(tf.sub(a, b).abs().dataSync() as Float32Array))).toBeLessThan(1e-6);
    tf.dispose([z, a, b]);
  });
});
