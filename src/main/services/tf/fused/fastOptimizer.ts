import * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../../../../shared/contract/training';
import { float32Memory, hostBackendName, newFloat32 } from './memory';
import { adamUpdate, momentumUpdate, rmspropUpdate } from './updateRules';
import { fastPathDecision, type FastPathDecision } from '../testedVersions';

/** A named tensor, as tf.Optimizer's getWeights and setWeights pass them. */
type NamedTensor = Awaited<ReturnType<tf.Optimizer['getWeights']>>[number];

/** The part of a run's settings an optimizer needs. */
export type FastOptimizerSettings = Pick<
  TrainSettings,
  'optimizer' | 'learningRate' | 'momentum'
> & {
  /** Adam's first-moment decay; 0.9 (tf.train.adam's default) unless a game's rules say (0.5). */
  beta1?: number;
};

/** tf.train.adam's and tf.train.rmsprop's defaults, which the trainer relies on. */
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const RMSPROP_DECAY = 0.9;

/** How many state buffers (moments) each rule keeps per variable. */
const SLOTS: Record<FastOptimizerSettings['optimizer'], number> = { adam: 2, sgd: 1, rmsprop: 2 };

/**
 * An optimizer that updates each variable and its state buffers in one loop over the backend's
 * memory (wasm heap or cpu arrays). Same rules and defaults as tf.train.adam,
 * tf.train.momentum and tf.train.rmsprop; on the wasm backend this takes a dense autoencoder's
 * update from about a hundred kernel calls per batch to eight loops.
 */
export class FusedOptimizer extends tf.Optimizer {
  private readonly slots = new Map<string, tf.Tensor[]>();
  /** State restored from a checkpoint, handed to the variables in the order they are first updated. */
  private restored: tf.Tensor[][] = [];
  private steps = 0;
  private readonly epsilon: number;

  constructor(private readonly settings: FastOptimizerSettings) {
    super();
    // tfjs takes epsilon from the backend (1e-7 in float32); keep the same.
    this.epsilon = tf.backend().epsilon();
  }

  /** Applies one step of the rule to every variable named in `variableGradients`. */
  applyGradients(variableGradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const pairs: Array<[string, tf.Tensor | undefined]> = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.entries(variableGradients);
    this.steps++;
    for (const [name, gradient] of pairs) {
      const variable = tf.engine().registeredVariables[name];
      if (gradient && variable) this.update(name, variable, gradient);
    }
    this.incrementIterations();
  }

  private update(name: string, variable: tf.Variable, gradient: tf.Tensor): void {
    const state = this.stateOf(name, variable);
    // The new values go to a fresh buffer, not over the old ones: the wasm backend keeps XNNPACK
    // operators with the weights packed inside, keyed by the tensor, and would go on using the old
    // weights. A new tensor is a new key; the old one is freed (and its operators with it).
    const fresh = newFloat32(tf.backend(), variable.shape);
    const next = tf.engine().makeTensorFromTensorInfo(fresh.info);
    // Views last: the allocation above may have moved the wasm heap.
    const out = float32Memory(next);
    const x = float32Memory(variable);
    const g = float32Memory(gradient);
    const s = state.map((t) => float32Memory(t));
    if (!out || !x || !g || s.some((v) => !v))
      throw new Error('The fused optimizer needs float32 tensors on the wasm or cpu backend.');
    const [s0, s1] = s as Float32Array[];
    const { learningRate, momentum, beta1 = ADAM_BETA1 } = this.settings;
    switch (this.settings.optimizer) {
      case 'adam':
        adamUpdate(out, x, s0, s1, g, {
          learningRate,
          beta1,
          beta2: ADAM_BETA2,
          epsilon: this.epsilon,
          correction1: 1 - beta1 ** this.steps,
          correction2: 1 - ADAM_BETA2 ** this.steps,
        });
        break;
      case 'sgd':
        momentumUpdate(out, x, s0, g, learningRate, momentum);
        break;
      case 'rmsprop':
        rmspropUpdate(out, x, s0, s1, g, {
          learningRate,
          decay: RMSPROP_DECAY,
          momentum: 0,
          epsilon: this.epsilon,
        });
        break;
    }
    variable.assign(next);
    next.dispose();
  }

  /** The variable's state buffers, zero at first (or restored); kept out of any tidy scope. */
  private stateOf(name: string, variable: tf.Variable): tf.Tensor[] {
    let state = this.slots.get(name);
    if (!state) {
      const next = this.restored.shift();
      state =
        next && next.every((t) => t.size === variable.size)
          ? next.map((t) => tf.keep(t.reshape(variable.shape)))
          : Array.from({ length: SLOTS[this.settings.optimizer] }, () =>
              tf.keep(tf.zeros(variable.shape, 'float32')),
            );
      if (next) tf.dispose(next);
      this.slots.set(name, state);
    }
    return state;
  }

  /**
   * The step count and copies of every state buffer, in the order the variables were first updated
   * (a checkpoint; variable names can differ in the process that restores it, the order does not).
   */
  override async getWeights(): Promise<NamedTensor[]> {
    const named: NamedTensor[] = [{ name: 'iter', tensor: tf.scalar(this.steps, 'float32') }];
    let v = 0;
    for (const state of this.slots.values()) {
      // Real copies: the buffers are updated in place, and a clone would share them.
      state.forEach((t, i) => named.push({ name: `var${v}/slot${i}`, tensor: copyOf(t) }));
      v++;
    }
    return named;
  }

  /** Restores what getWeights gave; the buffers are copied, the caller keeps its tensors. */
  override async setWeights(weights: NamedTensor[]): Promise<void> {
    const [iter, ...rest] = weights;
    this.steps = iter ? iter.tensor.dataSync()[0] : 0;
    const perVariable = SLOTS[this.settings.optimizer];
    tf.dispose(this.restored.flat());
    this.restored = [];
    for (let i = 0; i + perVariable <= rest.length; i += perVariable) {
      this.restored.push(rest.slice(i, i + perVariable).map((n) => tf.keep(copyOf(n.tensor))));
    }
  }

  /** Frees the state buffers. */
  override dispose(): void {
    for (const state of this.slots.values()) tf.dispose(state);
    this.slots.clear();
    tf.dispose(this.restored.flat());
    this.restored = [];
    super.dispose();
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...this.settings };
  }
}

/** A tensor with its own memory (tf.clone may share the buffer, which in-place updates would change). */
const copyOf = (t: tf.Tensor): tf.Tensor =>
  tf.tensor(Float32Array.from(t.dataSync()), t.shape, 'float32');

/** The tfjs optimizer the settings name, for backends whose memory JavaScript cannot reach. */
const stockOptimizer = (settings: FastOptimizerSettings): tf.Optimizer => {
  switch (settings.optimizer) {
    case 'adam':
      return tf.train.adam(settings.learningRate, settings.beta1 ?? ADAM_BETA1);
    case 'sgd':
      return tf.train.momentum(settings.learningRate, settings.momentum);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
  }
};

/**
 * The optimizer `settings` names: the fused in-place one on the wasm and cpu backends of the
 * tested tfjs release, the stock tf.train one elsewhere (tfjs-node, webgl, another release: the
 * fused one uses tfjs internals). Create it after the backend is chosen.
 */
export const createFastOptimizer = (
  settings: FastOptimizerSettings,
  decision: FastPathDecision = fastPathDecision(),
): tf.Optimizer =>
  hostBackendName() && decision.ok ? new FusedOptimizer(settings) : stockOptimizer(settings);
