import { convTransposePreset, convUpsamplingPreset } from './conv';
import {
  classifierReusePreset,
  defaultPreset,
  greedyPreset,
  latent2dPreset,
  linearPcaPreset,
  shallowPreset,
  stackedPreset,
  tiedPreset,
} from './dense';
import {
  contractivePreset,
  denoisingDropoutPreset,
  denoisingGaussianPreset,
  sparseKlPreset,
  sparseL1Preset,
} from './regularized';
import { denoisingChainPreset, wtaPreset } from './generative';
import { aaePreset, dcganPreset, ganDensePreset } from './adversarial';
import type { Preset } from './types';
import { vaePreset } from './variational';

export type * from './types';
export * from './procedurePhases';

export const DEFAULT_PRESET_ID = 'default';

/** Every autoencoder of the lecture notes, in the order a course meets them. */
export const PRESETS: readonly Preset[] = [
  defaultPreset,
  shallowPreset,
  stackedPreset,
  latent2dPreset,
  linearPcaPreset,
  tiedPreset,
  denoisingGaussianPreset,
  denoisingDropoutPreset,
  sparseL1Preset,
  sparseKlPreset,
  contractivePreset,
  vaePreset,
  convUpsamplingPreset,
  convTransposePreset,
  greedyPreset,
  classifierReusePreset,
  wtaPreset,
  denoisingChainPreset,
  ganDensePreset,
  dcganPreset,
  aaePreset,
];

/** A fresh copy of a preset (the caller may edit it), or undefined for an unknown id. */
export function getPreset(id: string): Preset | undefined {
  const preset = PRESETS.find((p) => p.id === id);
  return preset ? structuredClone(preset) : undefined;
}
