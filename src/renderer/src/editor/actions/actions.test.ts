import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../../shared/compiler';
import { graphDocumentSchema, type GraphDocument } from '../../../../shared/graph/document';
import { getPreset, PRESETS } from '../../../../shared/presets';
import { remove } from '../../stores/graphEdits';
import { makeDenoising } from './denoise';
import { mirrorEncoder } from './mirror';
import { makeSparse } from './sparse';
import { makeVariational } from './variational';

const preset = (id: string): GraphDocument => getPreset(id)!.graph;
/** The default model cut after its code layer: Input, Dense 128, Dense 32. */
const encoderOnly = (): GraphDocument => remove(preset('default'), ['dec1', 'dec2', 'output'], []);
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('Mirror encoder', () => {
  it('turns the 784-128-32 encoder into the default 209,968-parameter autoencoder', () => {
    const doc = unwrap(mirrorEncoder(encoderOnly(), { tied: false }));
    const analysis = analyzeGraph(doc);
    expect(analysis.valid).toBe(true);
    expect(analysis.totals.total).toBe(209968);
    const decoder = doc.nodes.filter((n) => n.name.startsWith('decoder'));
    expect(decoder.map((n) => [n.params.units, n.params.activation])).toEqual([
      [128, 'relu'],
      [784, 'sigmoid'],
    ]);
    expect(graphDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('ties the decoder to the encoder, learning only biases there', () => {
    const doc = unwrap(mirrorEncoder(encoderOnly(), { tied: true }));
    const analysis = analyzeGraph(doc);
    expect(analysis.valid).toBe(true);
    expect(doc.nodes.filter((n) => n.kind === 'TiedDense').map((n) => n.params.partner)).toEqual([
      'enc2',
      'enc1',
    ]);
    expect(analysis.totals.total).toBe(100480 + 4128 + 128 + 784);
  });

  it('rebuilds the decoder of a finished model and of the convolutional presets', () => {
    for (const id of ['default', 'stacked', 'conv-upsampling', 'conv-transpose']) {
      const doc = unwrap(mirrorEncoder(preset(id), { tied: false }));
      expect(analyzeGraph(doc).valid, id).toBe(true);
    }
  });

  it('explains why it cannot mirror a design that branches', () => {
    const result = mirrorEncoder(preset('vae'), { tied: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/branches at Dense 'encoder 2'/);
  });
});

describe('Make denoising, sparse and variational', () => {
  it('puts noise right after the Input and refuses to do it twice', () => {
    const doc = unwrap(makeDenoising(preset('default'), 'GaussianNoise'));
    const analysis = analyzeGraph(doc);
    expect(analysis.valid).toBe(true);
    const first = doc.edges.find((e) => e.source === 'input')!;
    expect(doc.nodes.find((n) => n.id === first.target)?.kind).toBe('GaussianNoise');
    expect(makeDenoising(doc, 'Dropout').ok).toBe(false);
  });

  it('marks the bottleneck with a sparse Code node (L1) or sets its KL sparsity', () => {
    const l1 = unwrap(makeSparse(preset('default'), 'l1'));
    expect(analyzeGraph(l1).valid).toBe(true);
    expect(l1.nodes.find((n) => n.kind === 'Code')?.params.sparsity).toBe('l1');
    const kl = unwrap(makeSparse(preset('stacked'), 'kl'));
    expect(analyzeGraph(kl).valid).toBe(true);
    expect(kl.nodes.filter((n) => n.kind === 'Code')).toHaveLength(1);
    expect(kl.nodes.find((n) => n.id === 'enc2')?.params.activation).toBe('sigmoid');
  });

  it('splits the code layer into mean and log-variance with a Sampling node', () => {
    for (const id of ['default', 'stacked', 'shallow']) {
      const doc = unwrap(makeVariational(preset(id)));
      const analysis = analyzeGraph(doc);
      expect(analysis.valid, id).toBe(true);
      expect(doc.nodes.find((n) => n.id === analysis.codeNodeId)?.kind).toBe('Sampling');
    }
    expect(makeVariational(preset('vae')).ok).toBe(false);
  });

  it('gives every preset that can take an action a valid result', () => {
    for (const p of PRESETS) {
      for (const result of [
        makeDenoising(p.graph),
        makeSparse(p.graph),
        makeVariational(p.graph),
      ]) {
        if (result.ok) expect(analyzeGraph(result.value).valid, p.id).toBe(true);
      }
    }
  });
});
