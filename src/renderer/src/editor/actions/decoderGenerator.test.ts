import { describe, expect, it } from 'vitest';
import { analyzeGraph, compileGraph } from '../../../../shared/compiler';
import { layerNames } from '../../../../shared/compiler/names';
import { graphDocumentSchema, type GraphDocument } from '../../../../shared/graph/document';
import { getPreset } from '../../../../shared/presets';
import { decoderAsGenerator } from './decoderGenerator';

const preset = (id: string): GraphDocument => getPreset(id)!.graph;

/** Each decoder layer's name, kind, output shape and parameter count in a design. */
function layersOf(doc: GraphDocument, ids: string[]) {
  const analysis = analyzeGraph(doc);
  const names = layerNames(doc.nodes);
  return ids.map((id) => {
    const info = analysis.nodes[id];
    return {
      name: names.get(id),
      kind: doc.nodes.find((n) => n.id === id)?.kind,
      shape: info?.shape,
      params: (info?.trainableParams ?? 0) + (info?.nonTrainableParams ?? 0),
    };
  });
}

describe('Use this decoder as a generator', () => {
  it("turns the VAE's decoder into a GAN generator fed by an 8-value normal prior", () => {
    const made = decoderAsGenerator(preset('vae'));
    if (!made.ok) throw new Error(made.error.message);
    const { doc, decoderIds, layers, codeSize } = made.value;
    expect(graphDocumentSchema.safeParse(doc).success).toBe(true);
    expect(decoderIds).toEqual(['dec1', 'dec2', 'dec3']);
    expect(layers).toEqual(['decoder_1', 'decoder_2', 'decoder_3']);
    expect(codeSize).toBe(8);
    const prior = doc.nodes.find((n) => n.kind === 'Prior')!;
    expect(prior.params).toMatchObject({ size: 8, distribution: 'normal' });
    expect(doc.edges).toContainEqual(expect.objectContaining({ source: prior.id, target: 'dec1' }));
    const adversary = doc.nodes.find((n) => n.kind === 'Adversary')!;
    const into = (port: string) =>
      doc.edges.find((e) => e.target === adversary.id && e.targetPort === port)?.source;
    expect(into('fake')).toBe('dec3');
    const judge = doc.nodes.find((n) => n.id === into('score'))!;
    expect(judge.params).toMatchObject({ units: 1, activation: 'sigmoid' });
    expect(doc.nodes.some((n) => n.kind === 'LeakyReLU' && n.params.alpha === 0.2)).toBe(true);
    expect(doc.nodes.some((n) => n.kind === 'Output' || n.kind === 'Sampling')).toBe(false);
  });

  it("keeps the decoder's layer names, kinds, shapes and parameter counts, so its weights fit", () => {
    for (const id of ['vae', 'latent2d', 'default', 'conv-transpose']) {
      const before = preset(id);
      const made = decoderAsGenerator(before);
      if (!made.ok) throw new Error(`${id}: ${made.error.message}`);
      const { doc, decoderIds } = made.value;
      expect(layersOf(doc, decoderIds), id).toEqual(layersOf(before, decoderIds));
      expect(analyzeGraph(doc).nodes[decoderIds[0]].shape, id).not.toBeNull();
    }
  });

  it('makes a design the compiler reads as a GAN game', () => {
    const made = decoderAsGenerator(preset('vae'));
    if (!made.ok) throw new Error(made.error.message);
    const compiled = compileGraph(made.value.doc);
    const problems = compiled.analysis.diagnostics.map((d) => d.message);
    expect(problems).toEqual([]);
    expect(compiled.ok && compiled.game?.kind).toBe('gan');
  });

  it('refuses, in words, a design without a separable decoder', () => {
    const tied = decoderAsGenerator(preset('tied'));
    expect(!tied.ok && tied.error.message).toMatch(/borrows its weights from the encoder/);
    const classifier = decoderAsGenerator(preset('classifier-reuse'));
    expect(!classifier.ok && classifier.error.message).toMatch(/needs an autoencoder/);
    const made = decoderAsGenerator(preset('vae'));
    if (!made.ok) throw new Error(made.error.message);
    const again = decoderAsGenerator(made.value.doc);
    expect(!again.ok && again.error.message).toMatch(/already plays an adversarial game/);
  });
});
