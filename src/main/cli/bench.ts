import type { EventPayload } from '../../shared/contract/events';
import { DEFAULT_TRAIN_SETTINGS } from '../../shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../../shared/presets';
import { takeRows, type PreparedData } from '../services/data/dataset';
import { loadMnist, MNIST_SHAPE } from '../services/data/mnist';
import { buildModel } from '../services/model';
import { initBackend } from '../services/tf/backend';
import { runTraining } from '../services/trainer/loop';
import { benchDecode } from './benchDecode';

const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** Trains the default preset for two epochs over all 10,000 digits with the app's own loop. */
async function benchAppLoop(): Promise<void> {
  const backend = await initBackend();
  const preset = getPreset(DEFAULT_PRESET_ID);
  if (!preset) throw new Error('The default preset is missing.');
  const all = await loadMnist();
  const data: PreparedData = {
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
  };
  const built = buildModel(preset.graph);
  if (!built.ok) throw new Error(built.error.message);
  const params = built.value.model.countParams();
  const epochs: EventPayload<'train.epoch'>[] = [];
  const settings = { ...DEFAULT_TRAIN_SETTINGS, ...preset.settings, epochs: 3, batchSize: 256 };
  await runTraining(
    { runId: 'bench', built: built.value, settings, data, inputShape: [784], backend },
    (name, payload) => {
      if (name === 'train.epoch') epochs.push(payload as EventPayload<'train.epoch'>);
    },
    { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
  );
  built.value.dispose();
  // The first epoch includes kernel warm-up; report the best of the others.
  const seconds = Math.min(...epochs.slice(1).map((e) => e.seconds));
  const samples = all.count;
  console.log(
    `app training loop, default model 784-128-32-128-784 (${params.toLocaleString('en-US')} params), ` +
      `${samples} digits, batch 256, backend ${backend.name}: ${fmt(seconds, 3)} s/epoch, ` +
      `${fmt(samples / seconds, 0)} samples/s, ${fmt((6 * params * samples) / seconds / 1e9)} GFLOP/s ` +
      `(first epoch ${fmt(epochs[0]?.seconds ?? NaN, 3)} s)`,
  );
}

/** `npm run bench`: prints speed figures, one line each. */
export async function runBench(trainerEntry: string): Promise<number> {
  await benchAppLoop();
  for (const line of await benchDecode(trainerEntry)) console.log(line);
  return 0;
}
