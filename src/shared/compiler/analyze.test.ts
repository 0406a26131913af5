import { describe, expect, it } from 'vitest';
import { graphOf, input, output, dense, type Step } from '../presets/build';
import { getPreset, PRESETS } from '../presets';
import { analyzeGraph, compileGraph, formatSummaryText, summarize } from '.';

const conv = (id: string, params: Record<string, number | string>): Step => ({
  id,
  kind: 'Conv2D',
  params,
});

describe('parameter counts equal what Keras reports', () => {
  it('default 784-128-32-128-784: 209,968', () => {
    // 784·128+128 + 128·32+32 + 32·128+128 + 128·784+784
    expect(100480 + 4128 + 4224 + 101136).toBe(209968);
    expect(analyzeGraph(getPreset('default')!.graph).totals).toEqual({
      trainable: 209968,
      nonTrainable: 0,
      total: 209968,
    });
  });

  it('shallow 784-32-784: 50,992', () => {
    expect(784 * 32 + 32 + (32 * 784 + 784)).toBe(50992);
    expect(analyzeGraph(getPreset('shallow')!.graph).totals.total).toBe(50992);
  });

  it('tied 784-300-150-300-784: the tied layers count only their biases', () => {
    const hand = 784 * 300 + 300 + (300 * 150 + 150) + 300 + 784;
    expect(hand).toBe(281734);
    const a = analyzeGraph(getPreset('tied')!.graph);
    expect(a.totals.total).toBe(281734);
    expect(a.nodes.dec1.trainableParams).toBe(300);
  });

  it('BatchNormalization has 2C trainable and 2C non-trainable', () => {
    const a = analyzeGraph(
      graphOf([
        input(),
        dense('d', 64, 'relu'),
        { id: 'bn', kind: 'BatchNormalization' },
        dense('o', 784, 'sigmoid'),
        output(),
      ]),
    );
    expect(a.nodes.bn).toMatchObject({
      trainableParams: 128,
      nonTrainableParams: 128,
      shape: [64],
    });
  });

  it('convolutions, pooling and upsampling, with same and valid padding and strides', () => {
    const a = analyzeGraph(
      graphOf([
        input([28, 28, 1]),
        conv('c1', { filters: 8, kernelSize: 3, strides: 1, padding: 'valid' }),
        { id: 'p', kind: 'MaxPooling2D', params: { poolSize: 2 } },
        conv('c2', { filters: 4, kernelSize: 3, strides: 2, padding: 'same' }),
        {
          id: 't',
          kind: 'Conv2DTranspose',
          params: { filters: 2, kernelSize: 3, strides: 2, padding: 'valid' },
        },
        { id: 'u', kind: 'UpSampling2D', params: { size: 2 } },
        { id: 'f', kind: 'Flatten' },
        output(),
      ]),
    );
    expect(a.nodes.c1).toMatchObject({ shape: [26, 26, 8], trainableParams: 3 * 3 * 1 * 8 + 8 });
    expect(a.nodes.p.shape).toEqual([13, 13, 8]);
    expect(a.nodes.c2).toMatchObject({ shape: [7, 7, 4], trainableParams: 3 * 3 * 8 * 4 + 4 });
    expect(a.nodes.t).toMatchObject({ shape: [15, 15, 2], trainableParams: 3 * 3 * 4 * 2 + 2 });
    expect(a.nodes.u.shape).toEqual([30, 30, 2]);
  });

  it('a frozen encoder under a classifier counts as non-trainable', () => {
    const a = analyzeGraph(getPreset('classifier-reuse')!.graph);
    expect(a.totals).toEqual({ trainable: 330, nonTrainable: 104608, total: 104938 });
    expect(a.task).toBe('classify');
  });
});

describe('the code and the roles', () => {
  it('is the narrowest layer of the default model, Dense 32', () => {
    const a = analyzeGraph(getPreset('default')!.graph);
    expect(a.codeNodeId).toBe('enc2');
    expect(a.nodes.enc1.role).toBe('encoder');
    expect(a.nodes.dec1.role).toBe('decoder');
    expect(a.nodes.input.role).toBe('input');
  });

  it('is the Code node when there is one, and the Sampling node of a VAE', () => {
    expect(analyzeGraph(getPreset('stacked')!.graph).codeNodeId).toBe('code');
    const vae = analyzeGraph(getPreset('vae')!.graph);
    expect(vae.codeNodeId).toBe('sampling');
    expect(vae.nodes.logVar.role).toBe('encoder');
  });
});

describe('summary', () => {
  it('writes a Keras-like model.summary()', () => {
    const text = formatSummaryText(summarize(getPreset('default')!.graph));
    expect(text).toContain('code (Dense)');
    expect(text).toContain('(None, 32)');
    expect(text).toContain('4,128');
    expect(text).toContain('Total params: 209,968');
    expect(text).toContain('Non-trainable params: 0');
  });
});

describe('compiler', () => {
  it('emits a Keras functional spec with unique layer names and inbound nodes', () => {
    const compiled = compileGraph(getPreset('vae')!.graph);
    if (!compiled.ok) throw new Error('invalid');
    const names = compiled.spec.config.layers.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    const sampling = compiled.spec.config.layers.find((l) => l.class_name === 'Sampling')!;
    expect(sampling.inbound_nodes[0].map((n) => n[0])).toEqual(['mean', 'log_variance']);
    expect(compiled.spec.studio.codeLayer).toBe('sampling');
  });

  it('every preset compiles', () => {
    for (const p of PRESETS) expect(compileGraph(p.graph).ok).toBe(true);
  });
});
