import * as tf from '@tensorflow/tfjs';
import { Code } from './code';
import { MaskingNoise, SaltAndPepperNoise } from './noise';
import { Sampling } from './sampling';
import { TiedDense } from './tiedDense';

let registered = false;

/** Registers the studio's layers with tfjs so saved models load again; safe to call often. */
export function registerCustomLayers(): void {
  if (registered) return;
  for (const layer of [TiedDense, Sampling, MaskingNoise, SaltAndPepperNoise, Code]) {
    tf.serialization.registerClass(layer);
  }
  registered = true;
}
