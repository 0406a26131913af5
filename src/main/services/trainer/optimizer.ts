import type * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../../../shared/contract/training';
import { createFastOptimizer } from '../tf/fused/fastOptimizer';

/**
 * The optimizer a run's settings name: the fused one (one loop per variable) where the backend's
 * memory is reachable from JavaScript, tfjs's own elsewhere. Create it after the backend is chosen.
 */
export function makeOptimizer(settings: TrainSettings): tf.Optimizer {
  return createFastOptimizer(settings);
}
