import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { renderExport } from '../../src/main/services/export/render';
import { exportTfjsModel } from '../../src/main/services/export/tfjs';
import { exportTfjsInWorker } from '../../src/main/services/export/tfjsInWorker';
import { buildModel } from '../../src/main/services/model';
import type { GraphDocument } from '../../src/shared/graph/document';
import { getPreset } from '../../src/shared/presets';
import { dense, graphOf, input, output } from '../../src/shared/presets/build';

let workDir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.enableProdMode();
  workDir = mkdtempSync(join(tmpdir(), 'tfjs-worker-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Every file below a folder, by its path relative to it. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** Fixed, distinct values for every weight of the graph's model, so two builds can be compared. */
function fixedWeights(doc: GraphDocument): Record<string, Float32Array> {
  const built = buildModel(doc);
  if (!built.ok) throw new Error(built.error.message);
  const out: Record<string, Float32Array> = {};
  built.value.model.weights.forEach((w, k) => {
    const n = w.shape.reduce((a, b) => a! * b!, 1)!;
    out[w.originalName] = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + k));
  });
  built.value.dispose();
  return out;
}

/** 784 -> Dense 6400 -> Dense 784: 10,042,384 weights, 40 MB of float32. */
const tenMillion: GraphDocument = graphOf([
  input([784]),
  dense('d1', 6400, 'linear', 'wide'),
  dense('d2', 784, 'linear', 'back'),
  output('mse'),
]);

describe('the TensorFlow.js export in a worker', () => {
  it('writes the same model.json and weights.bin bytes as the in-process builder', async () => {
    const preset = getPreset('tied')!;
    const weights = fixedWeights(preset.graph);
    const options = { settings: preset.settings, weights };
    const here = await exportTfjsModel(preset.graph, join(workDir, 'here'), options);
    const there = await exportTfjsInWorker({
      doc: preset.graph,
      dir: join(workDir, 'there'),
      ...options,
    });
    expect(here).toEqual({ ok: true, value: ['model', 'encoder', 'decoder'] });
    expect(there).toEqual(here);
    const a = filesOf(join(workDir, 'here'));
    const b = filesOf(join(workDir, 'there'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a.keys()]).toContain('decoder/weights.bin');
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
  });

  it('keeps the host event loop answering while a 10^7-weight model is exported', async () => {
    // Warm: the exporters' modules are loaded, so only the export itself runs below.
    const small = await renderExport(
      { graph: getPreset('shallow')!.graph, format: 'tfjs', scale: 2, weightsOfRun: null },
      undefined,
    );
    expect(small.ok).toBe(true);
    const tensorId = () => {
      const t = tf.scalar(0);
      t.dispose();
      return t.id;
    };
    const firstId = tensorId();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    let ticksWhileBuilding: number;
    try {
      // The host's path: export.render writes into a temporary folder and returns the files.
      const rendering = renderExport(
        { graph: tenMillion, format: 'tfjs', scale: 2, weightsOfRun: null },
        undefined,
      );
      const rendered = await rendering;
      ticksWhileBuilding = ticks;
      expect(rendered.ok).toBe(true);
      if (!rendered.ok) return;
      const bin = rendered.value.files.find((f) => f.name.endsWith('model/weights.bin'))!;
      expect(bin.data.byteLength).toBe(10_042_384 * 4);
    } finally {
      clearInterval(ticker);
    }
    // Measured here: built on the host's thread, the loop turned only while files were written
    // (190 ticks) and the host's tfjs made 8 tensors; in the worker, 4,378 ticks and none.
    expect(ticksWhileBuilding).toBeGreaterThan(500);
    expect(tensorId() - firstId).toBe(1);
  });

  it('stops a worker that runs past its time limit with E_TIMEOUT', async () => {
    const result = await exportTfjsInWorker({ doc: tenMillion, dir: join(workDir, 'late') }, 1);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_TIMEOUT' } });
  });
});
