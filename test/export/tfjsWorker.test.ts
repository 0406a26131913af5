import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { exportTfjsModel } from '../../src/main/services/export/tfjs';
import { exportTfjsInWorker, exportTfjsZip } from '../../src/main/services/export/tfjsInWorker';
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

/** The files of a zip by their path inside it. */
const filesOf = (zip: string): Record<string, Uint8Array> =>
  unzipSync(new Uint8Array(readFileSync(zip)));

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
  it.each(['inference', 'training'] as const)(
    'writes the same %s zip, byte for byte, as the in-process builder',
    async (kind) => {
      const preset = getPreset('tied')!;
      const weights = fixedWeights(preset.graph);
      const options = { settings: preset.settings, weights, kind };
      const here = join(workDir, `here-${kind}`, 'tied-tfjs.zip');
      const there = join(workDir, `there-${kind}`, 'tied-tfjs.zip');
      rmSync(join(here, '..'), { recursive: true, force: true });
      await import('node:fs/promises').then((fs) =>
        Promise.all([fs.mkdir(join(here, '..')), fs.mkdir(join(there, '..'))]),
      );
      const a = await exportTfjsModel(preset.graph, here, options);
      const b = await exportTfjsInWorker({ doc: preset.graph, zip: there, ...options });
      expect(a).toEqual({
        ok: true,
        value: kind === 'inference' ? ['model', 'encoder', 'decoder'] : ['model'],
      });
      expect(b).toEqual(a);
      expect(readFileSync(there).equals(readFileSync(here))).toBe(true);
      const names = Object.keys(filesOf(here));
      expect(names).toContain(
        kind === 'inference' ? 'tied-tfjs/decoder/weights.bin' : 'tied-tfjs/custom-layers.js',
      );
    },
  );

  it('keeps the host event loop answering while a 10^7-weight model is exported', async () => {
    // Warm: the exporters' modules are loaded, so only the export itself runs below.
    const small = await exportTfjsZip(getPreset('shallow')!.graph, workDir, 'small', 'inference');
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
      // The host's path: exportProject's tfjs case writes the zip through the worker.
      const written = await exportTfjsZip(tenMillion, workDir, 'ten-million', 'inference');
      ticksWhileBuilding = ticks;
      if (!written.ok) throw new Error(written.error.message);
      const bin = filesOf(written.value[0])['ten-million-tfjs/model/weights.bin'];
      expect(bin.byteLength).toBe(10_042_384 * 4);
    } finally {
      clearInterval(ticker);
    }
    // Measured here: built on the host's thread, the loop turned only while files were written
    // (190 ticks) and the host's tfjs made 8 tensors; in the worker, 4,378 ticks and none.
    expect(ticksWhileBuilding).toBeGreaterThan(500);
    expect(tensorId() - firstId).toBe(1);
  });

  it('stops a worker that runs past its time limit with E_TIMEOUT', async () => {
    const result = await exportTfjsInWorker({ doc: tenMillion, zip: join(workDir, 'late.zip') }, 1);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_TIMEOUT' } });
  });
});
