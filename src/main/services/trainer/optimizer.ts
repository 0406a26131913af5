import * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../../../shared/contract/training';

/** The optimizer a run's settings name. */
export function makeOptimizer(settings: TrainSettings): tf.Optimizer {
  switch (settings.optimizer) {
    case 'adam':
      return tf.train.adam(settings.learningRate);
    case 'sgd':
      return tf.train.momentum(settings.learningRate, settings.momentum);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
  }
}
