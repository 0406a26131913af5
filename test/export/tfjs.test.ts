import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTfjsModel } from '../../src/main/services/export/tfjs';
import { importModelFile } from '../../src/main/services/export/importModel';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { buildModel } from '../../src/main/services/model';
import { PRESETS } from '../../src/shared/presets';
import { analyzeGraph } from '../../src/shared/compiler';
import type { GraphDocument } from '../../src/shared/graph/document';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules so the bundle finds @tensorflow/tfjs the way an installed script would.
const LOADER = join(ROOT, 'node_modules/.cache/autoencoder-studio-tests/loadAndPredict.mjs');
const run = promisify(execFile);
let workDir = '';

beforeAll(async () => {
  await tf.setBackend('cpu');
  mkdirSync(join(ROOT, 'node_modules/.cache/autoencoder-studio-tests'), { recursive: true });
  await build({
    input: fileURLToPath(new URL('./loadAndPredict.ts', import.meta.url)),
    platform: 'node',
    external: [/^@tensorflow\//, /^node:/],
    output: { file: LOADER, format: 'esm' },
    logLevel: 'silent',
  });
  workDir = mkdtempSync(join(tmpdir(), 'tfjs-export-'));
});

/** Same graph, ignoring what a round trip cannot know: nothing, when the metadata matched. */
const structure = (doc: GraphDocument) => ({
  nodes: [...doc.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...doc.edges].map((e) => `${e.source}->${e.target}:${e.targetPort}`).sort(),
});

/** A few real digits shaped as the model's input (every preset reads 784 pixels, flat or 28x28). */
async function realDigits(shape: number[]): Promise<tf.Tensor> {
  const digits = await loadBalancedDigits(shape[0]);
  return tf.tensor(digits.images, shape);
}

describe('TensorFlow.js export', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'writes preset %s so stock tfjs in a separate process loads every part and predicts what the app predicts',
    async (id, preset) => {
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      try {
        const dir = join(workDir, id);
        const written = await writeTfjsModel(m, preset.graph, dir, preset.settings);
        expect(written.ok).toBe(true);
        // The README says where the design is kept and what a VAE's encoder gives at inference.
        const readme = readFileSync(join(dir, 'README.md'), 'utf8');
        expect(readme).toContain('`design/`');
        if (preset.graph.nodes.some((n) => n.kind === 'Sampling'))
          expect(readme).toContain('`Sampling` (the variational autoencoder) outputs the mean');

        const shape = [3, ...(m.model.inputs[0].shape.slice(1) as number[])];
        const x = await realDigits(shape);
        const codeShape = [3, ...(m.encoder.outputs[0].shape.slice(1) as number[])];
        const code = tf.randomNormal(codeShape, 0, 1, 'float32', 8);
        const inputFile = join(workDir, `${id}-input.json`);
        writeFileSync(
          inputFile,
          JSON.stringify({
            input: Array.from(x.dataSync()),
            shape,
            code: Array.from(code.dataSync()),
            codeShape,
          }),
        );
        const { stdout } = await run(process.execPath, [LOADER, dir, inputFile], {
          maxBuffer: 64 << 20,
        });
        const got = JSON.parse(stdout) as Record<string, number[]>;

        const expected: Record<string, tf.Tensor> = {
          model: m.model.predict(x) as tf.Tensor,
          encoder: m.encoder.predict(x) as tf.Tensor,
        };
        if (m.decoder) expected.decoder = m.decoder.predict(code) as tf.Tensor;
        expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
        for (const [part, tensor] of Object.entries(expected)) {
          const want = tensor.dataSync();
          const diff = Math.max(...got[part].map((v, i) => Math.abs(v - want[i])));
          expect(diff, `${id}/${part}`).toBeLessThan(1e-5);
          tensor.dispose();
        }
        x.dispose();
        code.dispose();

        // Its design/ folder opens again as the same project, weights included.
        const imported = await importModelFile(join(dir, 'design', 'model.json'));
        if (!imported.ok) throw new Error(imported.error.message);
        expect(structure(imported.value.graph)).toEqual(structure(preset.graph));
        expect(Object.keys(imported.value.weights).length).toBe(m.model.weights.length);
      } finally {
        m.dispose();
      }
    },
  );

  it('imports an exported design model.json without its metadata as the same structure', async () => {
    const preset = PRESETS.find((p) => p.id === 'vae')!;
    const dir = join(workDir, 'vae');
    const json = JSON.parse(readFileSync(join(dir, 'design', 'model.json'), 'utf8'));
    delete json.userDefinedMetadata;
    const bare = join(dir, 'design', 'bare.json');
    writeFileSync(bare, JSON.stringify(json));
    const imported = await importModelFile(bare);
    if (!imported.ok) throw new Error(imported.error.message);
    const g = imported.value.graph;
    expect(g.nodes.map((n) => n.kind).sort()).toEqual(preset.graph.nodes.map((n) => n.kind).sort());
    expect(g.edges).toHaveLength(preset.graph.edges.length);
    const analysis = analyzeGraph(g);
    expect(analysis.valid).toBe(true);
    expect(analysis.totals).toEqual(analyzeGraph(preset.graph).totals);
  });
});
