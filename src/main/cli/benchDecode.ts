import { StudioClient } from '../../shared/contract/client';
import type { PixelFormat } from '../../shared/contract/commands';
import { memoryTransport } from '../../shared/contract/memory';
import { getPreset } from '../../shared/presets';
import { createStudioHost } from '../services/host';
import { spawnNodeTrainer } from '../services/trainer/spawnNode';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/**
 * Decoding latency of the 2-D latent preset through the real host and trainer process: a 20x20
 * grid (400 points in one request) and a single point, 50 times each after a warm-up.
 */
export async function benchDecode(trainerEntry: string): Promise<string[]> {
  const preset = getPreset('latent2d');
  if (!preset) throw new Error('The latent2d preset is missing.');
  const dataDir = await mkdtemp(join(tmpdir(), 'studio-bench-'));
  const host = createStudioHost({
    shell: 'memory',
    version: 'bench',
    spawnTrainer: spawnNodeTrainer(trainerEntry),
    dataDir,
  });
  const client = new StudioClient(memoryTransport(host.handlers, (l) => host.onEvent(l)));
  try {
    const ended = new Promise((resolve) => client.on('train.ended', resolve));
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 1 },
      data: { ...preset.data, limit: 300 },
    });
    if (!started.ok) throw new Error(started.error.message);
    await ended;
    const runId = started.value.runId;
    const grid = new Float32Array(800);
    for (let i = 0; i < 400; i++)
      [grid[2 * i], grid[2 * i + 1]] = [((i % 20) / 19) * 6 - 3, (Math.floor(i / 20) / 19) * 6 - 3];
    // Each round asks once for every kind of request, so warm-up and the machine's drift fall on
    // all alike: the grid as the Generate view asks (pixels as bytes), as floats (what other views
    // ask), and one point.
    const kinds: { points: Float32Array<ArrayBuffer>; count: number; pixels: PixelFormat }[] = [
      { points: grid, count: 400, pixels: 'byte' },
      { points: grid, count: 400, pixels: 'float' },
      { points: new Float32Array([0.5, -0.5]), count: 1, pixels: 'float' },
    ];
    const samples = kinds.map((): number[] => []);
    for (let round = 0; round < 65; round++) {
      for (const [k, { points, count, pixels }] of kinds.entries()) {
        const t0 = performance.now();
        const r = await client.invoke('model.decode', { runId, points, count, pixels });
        if (!r.ok) throw new Error(r.error.message);
        if (round >= 15) samples[k].push(performance.now() - t0);
      }
    }
    const [g, gf, one] = samples.map((s) => s.sort((a, b) => a - b));
    return [
      `decode 20x20 grid (latent2d, through host + trainer process, pixels as bytes as the grid view asks): median ${percentile(g, 0.5).toFixed(2)} ms, p95 ${percentile(g, 0.95).toFixed(2)} ms (50 requests)`,
      `decode 20x20 grid, pixels as float32: median ${percentile(gf, 0.5).toFixed(2)} ms, p95 ${percentile(gf, 0.95).toFixed(2)} ms (50 requests)`,
      `decode one latent point (latent2d, same path): median ${percentile(one, 0.5).toFixed(2)} ms, p95 ${percentile(one, 0.95).toFixed(2)} ms (50 requests)`,
    ];
  } finally {
    host.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}
