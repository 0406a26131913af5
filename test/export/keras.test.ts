import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportKerasScript, kerasWeightsArrays } from '../../src/shared/export/keras';
import type { GraphDocument } from '../../src/shared/graph/document';
import { getPreset, PRESETS } from '../../src/shared/presets';
import { noiseAndInitializers } from './kerasCases';

const scriptOf = (id: string, weightsFile?: string) => {
  const preset = id === noiseAndInitializers.id ? noiseAndInitializers : getPreset(id)!;
  const result = exportKerasScript(preset.graph, preset.settings, {
    title: preset.title,
    procedure: preset.procedure,
    weightsFile,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** The script of a preset whose Dense layers start from another initializer. */
function withInitializer(id: string, params: Record<string, unknown>): string {
  const preset = getPreset(id)!;
  const graph: GraphDocument = {
    ...preset.graph,
    nodes: preset.graph.nodes.map((n) =>
      n.kind === 'Dense' ? { ...n, params: { ...n.params, ...params } as typeof n.params } : n,
    ),
  };
  const result = exportKerasScript(graph, preset.settings);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('exportKerasScript', () => {
  it('writes a script for every preset, with and without weights, that python3 parses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keras-export-'));
    const files = PRESETS.flatMap((p) =>
      [undefined, 'w.npz'].map((weights, i) => {
        const file = join(dir, `${p.id.replace(/-/g, '_')}_${i}.py`);
        writeFileSync(file, scriptOf(p.id, weights));
        return file;
      }),
    );
    // One interpreter for all scripts: parse each, fail loudly on the first syntax error.
    const check = 'import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f).read(), f)\n';
    expect(() => execFileSync('python3', ['-c', check, ...files], { stdio: 'pipe' })).not.toThrow();
  });

  it('names the layers after the graph and trains with the project settings', () => {
    const preset = getPreset('latent2d')!;
    const script = scriptOf('latent2d');
    expect(script).toContain(`learning_rate=${preset.settings.learningRate}`);
    expect(script).toContain(`batch_size=${preset.settings.batchSize}`);
    expect(script).toContain('loss="mse"');
    expect(script).toMatch(/name="[a-z0-9_]+"/);
    expect(script).toContain('def train(x_train, y_train');
    expect(script).toContain('if __name__ == "__main__":');
  });

  it('defines only the custom layers the model uses, each with get_config and from_config', () => {
    expect(scriptOf('default')).not.toContain('class ');
    expect(scriptOf('default')).toContain('autoencoder = keras.Model(');
    for (const [id, cls] of [
      ['vae', 'Sampling'],
      ['tied', 'TiedDense'],
      ['sparse-kl', 'Code'],
      ['contractive', 'Code'],
      [noiseAndInitializers.id, 'MaskingNoise'],
      [noiseAndInitializers.id, 'SaltAndPepperNoise'],
    ]) {
      const script = scriptOf(id);
      const body = script.slice(script.indexOf(`class ${cls}(layers.Layer)`));
      expect(body.length, `${id} defines ${cls}`).toBeLessThan(script.length);
      const end = body.indexOf('\n\n\n');
      expect(body.slice(0, end)).toContain('def get_config(self)');
      expect(body.slice(0, end)).toContain('def from_config(cls, config)');
    }
  });

  it('saves a tied partner and a contractive Dense by name and links them again on loading', () => {
    const tied = scriptOf('tied');
    expect(tied).toContain('config.update(partner=self.linked_name');
    expect(tied).toContain('autoencoder = StudioModel(inputs');
    expect(tied).toContain('link_layers(model)');
    expect(tied).toContain('keep_untracked(self, "partner"');
    const contractive = scriptOf('contractive');
    expect(contractive).toContain('dense=self.linked_name');
    expect(contractive).toMatch(/Code\([^)]*dense=[a-z_0-9]+_layer/);
  });

  it('writes the greedy procedure as phases one after another, then fine-tuning', () => {
    const script = scriptOf('greedy');
    const p1 = script.indexOf('# Phase 1: outer pair');
    const p2 = script.indexOf('# Phase 2: inner pair');
    const fine = script.indexOf('# Fine-tune the whole stack');
    expect(p1).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(p1);
    expect(fine).toBeGreaterThan(p2);
    expect(script).toContain('phase_model(("encoder_1", "decoder_2"), (784,), "phase_1")');
    expect(script).toContain('encode = phase_model(("encoder_1",), (784,), "phase_1_encoder")');
    expect(script).toContain('phase_model(("code", "decoder_1"), (128,), "phase_2")');
    // Inner phases learn the codes with MSE, as the trainer does.
    expect(script.slice(p2, fine)).toContain('loss="mse"');
  });

  it('says in a comment when the greedy procedure does not fit the graph', () => {
    const preset = getPreset('greedy')!;
    const procedure = {
      ...preset.procedure!,
      phases: [{ label: 'backwards', encoderNodeId: 'dec2', decoderNodeId: 'enc1' }],
    } as typeof preset.procedure;
    const result = exportKerasScript(preset.graph, preset.settings, { procedure });
    expect(result.ok && result.value).toContain(
      "# The project trains greedily, layer by layer, but phase 'backwards' is not nested",
    );
    expect(result.ok && result.value).toContain('trains the whole model at once instead');
  });

  it('pretrains the autoencoder, then trains the classifier on its frozen encoder', () => {
    const script = scriptOf('classifier-reuse');
    const pretrain = script.indexOf("# 1. Pretrain the autoencoder (preset 'default')");
    const copy = script.indexOf('layer.set_weights(pretrain.get_layer(layer.name).get_weights())');
    const classifier = script.indexOf('# 2. Classifier on the pretrained encoder');
    const scratch = script.indexOf('# 3. Same classifier from scratch');
    expect(pretrain).toBeGreaterThan(0);
    expect([copy, classifier, scratch]).toEqual(
      [...[copy, classifier, scratch]].sort((a, b) => a - b),
    );
    expect(copy).toBeGreaterThan(pretrain);
    expect(script).toMatch(/name="encoder_1", trainable=False/);
    expect(script).toContain('pretrain = keras.Model(');
    expect(script).toContain('labelled=100');
  });

  it('emits kernel_initializer from the layer config, leaving out the Glorot default', () => {
    expect(scriptOf('default')).not.toContain('kernel_initializer');
    expect(withInitializer('default', { kernelInitializer: 'heNormal' })).toContain(
      'kernel_initializer=keras.initializers.HeNormal()',
    );
    expect(
      withInitializer('default', { kernelInitializer: 'randomNormal', initStddev: 0.1 }),
    ).toContain('kernel_initializer=keras.initializers.RandomNormal(mean=0, stddev=0.1)');
    expect(withInitializer('default', { kernelInitializer: 'zeros' })).toContain(
      'kernel_initializer="zeros"',
    );
  });

  it('loads the trained weights from the .npz beside it when a weights file is given', () => {
    expect(scriptOf('default')).not.toContain('load_trained_weights');
    const script = scriptOf('tied', 'tied "x".npz');
    expect(script).toContain('WEIGHTS_FILE = "tied \\"x\\".npz"');
    expect(script).toContain('"decoder_1": ("decoder_1/bias",)');
    expect(script).toContain('"encoder_1": ("encoder_1/kernel", "encoder_1/bias")');
    expect(script).toContain('    load_trained_weights()');
  });

  it('gives each trained weight its Keras shape, and refuses weights that do not fit', () => {
    const preset = getPreset('conv-transpose')!;
    const zeros = (n: number) => new Float32Array(n);
    const dense = getPreset('tied')!;
    const weights = {
      'encoder_1/kernel': zeros(784 * 300),
      'encoder_1/bias': zeros(300),
      'code/kernel': zeros(300 * 150),
      'code/bias': zeros(150),
      'decoder_1/bias': zeros(300),
      'decoder_2/bias': zeros(784),
    };
    const arrays = kerasWeightsArrays(dense.graph, weights);
    expect(arrays.ok && arrays.value['encoder_1/kernel'].shape).toEqual([784, 300]);
    expect(arrays.ok && arrays.value['decoder_1/bias'].shape).toEqual([300]);
    const missing = kerasWeightsArrays(dense.graph, { ...weights, 'code/kernel': zeros(7) });
    expect(missing.ok ? '' : missing.error.message).toContain("weight 'code/kernel'");
    expect(kerasWeightsArrays(preset.graph, {}).ok).toBe(false);
  });

  it('keeps a title with triple quotes and a newline inside the docstring', () => {
    const preset = getPreset('default')!;
    const title = `"""+__import__('os').system('x')+"""\nprint("pwned")`;
    const result = exportKerasScript(preset.graph, preset.settings, { title });
    if (!result.ok) throw new Error(result.error.message);
    const [open, line, ...rest] = result.value.split('\n');
    expect(open).toBe('"""');
    expect(line).toBe(
      String.raw`\"\"\"+__import__('os').system('x')+\"\"\"\nprint(\"pwned\"): exported from Autoencoder Studio.`,
    );
    expect(rest.filter((l) => l.includes('pwned'))).toEqual([]);
  });

  it('refuses an invalid graph with the graph message', () => {
    const preset = getPreset('default')!;
    preset.graph.edges = [];
    const result = exportKerasScript(preset.graph, preset.settings);
    expect(result.ok).toBe(false);
  });
});
