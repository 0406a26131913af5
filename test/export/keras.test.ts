import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportKerasScript } from '../../src/shared/export/keras';
import { getPreset, PRESETS } from '../../src/shared/presets';

const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));
const PINNED = ['default', 'tied', 'vae'];

const scriptOf = (id: string) => {
  const preset = getPreset(id)!;
  const result = exportKerasScript(preset.graph, preset.settings, { title: preset.title });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('exportKerasScript', () => {
  it('writes a script for every preset that python3 -m py_compile accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keras-export-'));
    const files = PRESETS.map((p) => {
      const file = join(dir, `${p.id.replace(/-/g, '_')}.py`);
      writeFileSync(file, scriptOf(p.id));
      return file;
    });
    // One interpreter for all scripts: compile each, fail loudly on the first syntax error.
    const check =
      'import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True)\n';
    expect(() => execFileSync('python3', ['-c', check, ...files], { stdio: 'pipe' })).not.toThrow();
  });

  it.each(PINNED)('matches the golden script of preset %s', (id) => {
    const file = join(GOLDEN, `keras-${id}.py`);
    const script = scriptOf(id);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, script);
    expect(script).toBe(readFileSync(file, 'utf8'));
  });

  it('names the layers after the graph and compiles with the project settings', () => {
    const preset = getPreset('latent2d')!;
    const script = scriptOf('latent2d');
    expect(script).toContain(`learning_rate=${preset.settings.learningRate}`);
    expect(script).toContain(`batch_size=${preset.settings.batchSize}`);
    expect(script).toContain('loss="mse"');
    expect(script).toMatch(/name="[a-z0-9_]+"/);
  });

  it('defines only the custom layers the model uses', () => {
    expect(scriptOf('default')).not.toContain('class ');
    expect(scriptOf('vae')).toContain('class Sampling(layers.Layer)');
    expect(scriptOf('vae')).toContain('self.add_loss');
    expect(scriptOf('tied')).toContain('class TiedDense(layers.Layer)');
    expect(scriptOf('sparse-kl')).toContain('class Code(layers.Layer)');
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
