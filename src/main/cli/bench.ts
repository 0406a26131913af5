import type { EventPayload } from '../../shared/contract/events';
import { DEFAULT_TRAIN_SETTINGS } from '../../shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../../shared/presets';
import type { PreparedData } from '../services/data/dataset';
import { takeRows } from '../services/data/dataset';
import { loadMnist, MNIST_SHAPE } from '../services/data/mnist';
import { buildModel } from '../services/model';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { initBackend } from '../services/tf/backend';
import { availableCores, MAX_WASM_THREADS } from '../services/tf/threads';
import { runTraining } from '../services/trainer/loop';
import { benchDense, type BenchFigure } from '../bench/bench';
import { profileBatches } from '../bench/profile';
import { benchDecode } from './benchDecode';

const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** All 10,000 embedded digits as the training set, with 500 of them for the validation pass. */
async function allDigits(): Promise<PreparedData> {
  const all = await loadMnist();
  return {
    name: 'MNIST',
    sampleShape: MNIST_SHAPE,
    sampleSize: 784,
    train: all,
    validation: takeRows(
      all,
      Array.from({ length: 500 }, (_, i) => i * 20),
      784,
    ),
    labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    notes: [],
  };
}

/**
 * Trains a preset over all 10,000 digits at batch 256 with the app's own training loop (the same
 * code a run in the app uses) and prints seconds per epoch, samples per second and GFLOP/s.
 */
async function benchPreset(presetId: string, epochs: number, threads = 0): Promise<number> {
  const backend = await initBackend();
  const preset = getPreset(presetId);
  if (!preset) throw new Error(`The preset ${presetId} is missing.`);
  const data = await allDigits();
  const built = buildModel(preset.graph);
  if (!built.ok) throw new Error(built.error.message);
  const input = preset.graph.nodes.find((n) => n.kind === 'Input');
  const inputShape = (input?.params.shape as number[] | undefined) ?? [784];
  const params = built.value.model.countParams();
  const seen: EventPayload<'train.epoch'>[] = [];
  const settings = {
    ...DEFAULT_TRAIN_SETTINGS,
    ...preset.settings,
    epochs,
    batchSize: 256,
    threads,
  };
  let ranThreads = 1;
  let products = 'XNNPACK';
  await runTraining(
    { runId: 'bench', built: built.value, settings, data, inputShape, backend, snapshots: false },
    (name, payload) => {
      if (name === 'train.epoch') seen.push(payload as EventPayload<'train.epoch'>);
      if (name === 'train.started') {
        const ran = (payload as EventPayload<'train.started'>).backend;
        ranThreads = ran.threads ?? 1;
        products = ran.blas ?? products;
      }
    },
    { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
  );
  built.value.dispose();
  // The first epoch includes kernel warm-up; report the median of the others, and the best.
  const times = seen
    .slice(1)
    .map((e) => e.seconds)
    .sort((a, b) => a - b);
  const seconds = times[Math.floor((times.length - 1) / 2)];
  const samples = data.train.count;
  console.log(
    `app training loop, preset ${presetId} (${params.toLocaleString('en-US')} params), ${samples} digits, ` +
      `batch 256, backend ${backend.name} (products on ${products}), ${ranThreads} thread(s): ${fmt(seconds, 3)} s/epoch (median of ${times.length}; best ${fmt(times[0], 3)}), ` +
      `${fmt(samples / seconds, 0)} samples/s, ${fmt((6 * params * samples) / seconds / 1e9)} GFLOP/s ` +
      `(6 x params x samples; first epoch ${fmt(seen[0]?.seconds ?? NaN, 3)} s)`,
  );
  return seconds;
}

/**
 * The bare training loop (no events, no checks) on the same dense model: tfjs's stock wasm kernels
 * with the composed loss and tf.train.adam ("before"), then the app's kernels, fused loss and
 * fused optimizer ("after"), and where a batch's time goes now.
 */
async function benchKernels(): Promise<void> {
  const line = (label: string, f: BenchFigure) =>
    console.log(
      `bare loop, dense 784-128-32-128-784, ${label} (${f.backend}): ${fmt(f.secondsPerEpoch, 3)} s/epoch, ` +
        `${fmt(f.samplesPerSecond, 0)} samples/s, ${fmt(f.gflops)} GFLOP/s`,
    );
  line('before', await benchDense({ stockKernels: true, unfused: true }));
  line('after', await benchDense());
  const p = await profileBatches('dense');
  console.log(
    `where a dense batch goes (ms): total ${fmt(p.total)}, matmul ${fmt(p.matmul)}, loss ${fmt(p.loss)}, ` +
      `optimizer ${fmt(p.optimizer)}, other kernels ${fmt(p.otherKernels)}, tfjs dispatch ${fmt(p.dispatch)}`,
  );
}

/** The figures `bench <part>` can print alone, to measure one change without the whole run. */
export const BENCH_PARTS = ['decode', 'torch', 'dense', 'conv', 'profile'] as const;

/** `npm run bench`: prints speed figures, one line each; `part` prints only that figure. */
export async function runBench(trainerEntry: string, part?: string): Promise<number> {
  if (part !== undefined && !(BENCH_PARTS as readonly string[]).includes(part)) {
    console.error(`bench knows these parts: ${BENCH_PARTS.join(', ')} (not "${part}").`);
    return 2;
  }
  if (part === 'decode') {
    for (const line of await benchDecode(trainerEntry)) console.log(line);
    return 0;
  }
  if (part === 'dense' || part === 'conv') {
    await benchPreset(
      part === 'dense' ? DEFAULT_PRESET_ID : 'conv-upsampling',
      part === 'dense' ? 6 : 4,
    );
    return 0;
  }
  if (part === 'profile') {
    for (const which of ['dense', 'conv'] as const) {
      const p = await profileBatches(which, which === 'dense' ? 30 : 8);
      const top = p.kernels.slice(0, 10).map(([k, ms]) => `${k} ${fmt(ms)}`);
      console.log(`where a ${which} batch goes (ms): total ${fmt(p.total)}; ${top.join(', ')}`);
    }
    return 0;
  }
  if (part === 'torch') {
    const torch = torchFigures(availableCores(), trainerEntry);
    console.log(torch.ok ? JSON.stringify(torch.value) : `PyTorch: not measured (${torch.reason})`);
    return torch.ok ? 0 : 1;
  }
  const cores = availableCores();
  const dense = await benchPreset(DEFAULT_PRESET_ID, 6);
  const conv = await benchPreset('conv-upsampling', 4);
  await benchKernels();
  for (const line of await benchDecode(trainerEntry)) console.log(line);
  const sweep: string[] = [];
  for (const threads of threadCounts(cores))
    sweep.push(`${threads}: ${fmt(await benchPreset(DEFAULT_PRESET_ID, 4, threads), 3)} s`);
  console.log(`dense epoch against wasm threads (${cores} cores here): ${sweep.join(', ')}`);
  const torch = torchFigures(cores, trainerEntry);
  if (!torch.ok) console.log(`PyTorch: not measured (${torch.reason})`);
  else {
    const t = torch.value;
    const vs = (app: number, py: number) =>
      `${fmt(app, 3)} s vs PyTorch ${fmt(py, 3)} s (${fmt(app / py)}x)`;
    console.log(
      `PyTorch ${t.torch} (${t.blas ?? 'BLAS unknown'}), ${t.threads} threads, same models, 10,000 samples, batch 256, Adam:`,
    );
    console.log(`  default dense epoch: app ${vs(dense, t.dense)}`);
    console.log(`  conv-upsampling epoch: app ${vs(conv, t.conv)}`);
    console.log(`  20x20 latent2d grid decode, compute only: PyTorch ${fmt(t.decodeMs)} ms`);
  }
  return 0;
}

/** 1, 2, 4, 8 up to the pool's limit, and the core count itself. */
const threadCounts = (cores: number): number[] => {
  const top = Math.min(cores, MAX_WASM_THREADS);
  const counts = [1, 2, 4, 8].filter((n) => n < top);
  return [...counts, top];
};

interface TorchFigures {
  torch: string;
  /** The BLAS library torch multiplied with (the reference BLAS makes PyTorch far slower). */
  blas?: string;
  threads: number;
  dense: number;
  conv: number;
  decodeMs: number;
}

/** PyTorch's figures from bench/torch_epoch.py under Debian's python3-torch, or why there are none. */
function torchFigures(
  threads: number,
  /** out/main/trainer.js: the script lies in the repository's bench folder, two levels up. */
  trainerEntry: string,
): { ok: true; value: TorchFigures } | { ok: false; reason: string } {
  const script = path.join(path.dirname(trainerEntry), '..', '..', 'bench', 'torch_epoch.py');
  const python = process.env.STUDIO_BENCH_PYTHON ?? '/usr/bin/python3';
  const run = spawnSync(python, [script, String(threads)], {
    encoding: 'utf8',
    timeout: 1_200_000,
  });
  if (run.status !== 0)
    return {
      ok: false,
      reason: `${python} ${script}: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`,
    };
  try {
    return {
      ok: true,
      value: JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as TorchFigures,
    };
  } catch {
    return { ok: false, reason: `unreadable output: ${run.stdout.slice(0, 200)}` };
  }
}
