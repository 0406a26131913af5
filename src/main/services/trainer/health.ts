import * as tf from '@tensorflow/tfjs';
import type { EventPayload } from '../../../shared/contract/events';
import type { TrainSettings } from '../../../shared/contract/training';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { stalledMessage, deadUnitsMessage, zeroGradientsMessage } from './healthMessages';
import { readScoped } from './scope';

export type RunWarning = Omit<EventPayload<'train.warning'>, 'runId'>;

/** Relative change of the epoch loss under which it counts as not moving. */
const STALL_TOLERANCE = 1e-3;
/**
 * How far above the lowest batch loss of the run a stalled loss must sit to be a dead run rather
 * than a converged one. Measured on 512 digits, default model: lr 1e3 stalls at 2.10 after a first
 * batch of 0.69 (3x); lr 1e-3 never stalls in its first epochs.
 */
const STALL_ABOVE_LOWEST = 1.5;
/** Share of a layer's units that must be dead or saturated for every sample before it is said. */
const DEAD_SHARE = 0.9;
/** Samples the once-per-epoch activation probe looks at. */
const PROBE_SAMPLES = 256;
const SATURATED = 1e-6;

/** What one epoch of training measured, for the health checks. */
export interface EpochMeasures {
  epoch: number;
  trainLoss: number;
  /** The lowest batch loss of the run so far. */
  lowestBatchLoss: number;
  /** The largest gradient value (absolute) seen in this epoch's batches. */
  gradientPeak: number;
}

/**
 * Notices a run that goes on but learns nothing (a dead model): once per epoch, from what the loop
 * measured anyway, plus one small inference pass over a few validation samples. Each kind of
 * warning is given once per run.
 */
export class RunHealth {
  private readonly given = new Set<RunWarning['kind']>();
  private previousLoss: number | null = null;

  constructor(private readonly settings: TrainSettings) {}

  async check(
    m: EpochMeasures,
    built: BuiltModel,
    data: PreparedData,
    inputShape: number[],
  ): Promise<RunWarning[]> {
    const found: RunWarning[] = [];
    const previous = this.previousLoss;
    this.previousLoss = m.trainLoss;
    const lr = this.settings.learningRate;
    if (
      previous !== null &&
      Math.abs(m.trainLoss - previous) <= STALL_TOLERANCE * Math.abs(previous) &&
      m.trainLoss > STALL_ABOVE_LOWEST * m.lowestBatchLoss
    )
      found.push({ epoch: m.epoch, kind: 'stalled', message: stalledMessage(m, lr) });
    if (m.gradientPeak === 0)
      found.push({
        epoch: m.epoch,
        kind: 'zero-gradients',
        message: zeroGradientsMessage(m.epoch, lr),
      });
    if (!this.given.has('dead-units')) {
      const dead = await deadLayer(built, data, inputShape);
      if (dead)
        found.push({ epoch: m.epoch, kind: 'dead-units', message: deadUnitsMessage(dead, lr) });
    }
    return found.filter((w) => !this.given.has(w.kind) && this.given.add(w.kind));
  }
}

/** A layer most of whose units give the same dead or saturated value for every sample. */
export interface DeadLayer {
  layer: string;
  dead: number;
  units: number;
  activation: 'relu' | 'sigmoid' | 'tanh';
}

const probes = new WeakMap<
  BuiltModel,
  { model: tf.LayersModel; layers: tf.layers.Layer[] } | null
>();

/** A model giving the outputs of every layer with a relu, sigmoid or tanh activation (cached). */
function probeOf(built: BuiltModel): { model: tf.LayersModel; layers: tf.layers.Layer[] } | null {
  if (probes.has(built)) return probes.get(built) ?? null;
  const layers = built.model.layers.filter((l) =>
    ['relu', 'sigmoid', 'tanh'].includes(String(l.getConfig().activation)),
  );
  // Output 0 is the layer's call in this model (the decoder model calls it again). A procedure's
  // model can hold layers first called on another input (greedy phases): those are left out.
  const reachable = (ls: tf.layers.Layer[]) =>
    tf.model({
      inputs: built.model.inputs,
      outputs: ls.map((l) => l.getOutputAt(0) as tf.SymbolicTensor),
    });
  const attempt = (ls: tf.layers.Layer[]) => {
    try {
      return reachable(ls);
    } catch {
      return null;
    }
  };
  let probed = layers;
  let model = layers.length === 0 ? null : attempt(layers);
  if (!model && layers.length > 0) {
    probed = layers.filter((l) => attempt([l]) !== null);
    model = probed.length === 0 ? null : attempt(probed);
  }
  const probe = model ? { model, layers: probed } : null;
  probes.set(built, probe);
  return probe;
}

async function deadLayer(
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
): Promise<DeadLayer | null> {
  const count = Math.min(PROBE_SAMPLES, data.validation.count);
  const probe = count > 0 ? probeOf(built) : null;
  if (!probe) return null;
  let shapes: number[][] = [];
  const outputs = await readScoped(() => {
    const x = tf.tensor(data.validation.images.subarray(0, count * data.sampleSize), [
      count,
      ...inputShape,
    ]);
    const out = probe.model.predict(x, { batchSize: count });
    const list = Array.isArray(out) ? out : [out];
    shapes = list.map((t) => t.shape);
    return list;
  });
  for (let i = 0; i < outputs.length; i++) {
    const [shape, values] = [shapes[i], outputs[i]];
    const units = shape[shape.length - 1] ?? 1;
    const activation = String(probe.layers[i].getConfig().activation) as DeadLayer['activation'];
    const dead = countDead(values, units, activation);
    if (units > 1 && dead >= DEAD_SHARE * units)
      return { layer: probe.layers[i].name.replace(/_/g, ' '), dead, units, activation };
  }
  return null;
}

/** Units whose value is, for every sample (and position), zero (relu) or one same extreme (sigmoid, tanh). */
function countDead(
  values: ArrayLike<number>,
  units: number,
  activation: DeadLayer['activation'],
): number {
  const low = activation === 'tanh' ? -1 : 0;
  const state = new Int8Array(units); // 0 unseen, 1 low, 2 high, 3 alive
  for (let i = 0; i < values.length; i++) {
    const u = i % units;
    if (state[u] === 3) continue;
    const v = values[i];
    const at =
      activation === 'relu'
        ? v === 0
          ? 1
          : 3
        : v <= low + SATURATED
          ? 1
          : v >= 1 - SATURATED
            ? 2
            : 3;
    state[u] = state[u] === 0 || state[u] === at ? at : 3;
  }
  let dead = 0;
  for (const s of state) if (s === 1 || s === 2) dead++;
  return dead;
}
