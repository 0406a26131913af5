import * as tf from '@tensorflow/tfjs';
import type { KerasLayerSpec } from '../../../shared/compiler';
import { descriptorOfClass } from '../../../shared/layers/registry';
import { TRUNCATED_SPREAD } from '../../../shared/layers/params';
import { registerCustomLayers } from './layers/register';

type Config = Record<string, unknown>;

/** A stable seed per layer, so layers of one model differ and a given run seed repeats them. */
export function layerSeed(seed: number, name: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A Keras initializer entry as tfjs builds it, seeded. Without a seed tfjs draws from
 * Math.random, so two builds of one design would start from different weights.
 */
function seededInitializer(entry: unknown, seed: number | undefined): unknown {
  if (!entry || typeof entry !== 'object') return entry;
  const { class_name: name, config = {} } = entry as { class_name?: string; config?: Config };
  switch (name) {
    case 'HeNormal':
      // Keras widens the normal so that, cut at two deviations, it keeps a spread of
      // sqrt(2 / fan in); tfjs' HeNormal does not (its spread measures 0.88 of that).
      return {
        class_name: 'VarianceScaling',
        config: { scale: 2 / TRUNCATED_SPREAD ** 2, mode: 'fan_in', distribution: 'normal', seed },
      };
    case 'GlorotUniform':
    case 'RandomNormal':
      return { class_name: name, config: { ...config, seed } };
    default:
      return entry;
  }
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());

/**
 * A Keras (snake_case) config as tfjs' deserializer reads it, the way tfjs itself converts a saved
 * model: keys and string values camel-cased (channels_last -> channelsLast), a `name` kept as is.
 */
export function tfjsConfigOf(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key === 'name' ? value : camel(value);
  if (Array.isArray(value)) return value.map((v) => tfjsConfigOf(v, key));
  if (value === null || typeof value !== 'object') return value;
  const out: Config = {};
  for (const [k, v] of Object.entries(value as Config)) {
    out[k === 'class_name' ? 'className' : camel(k)] = tfjsConfigOf(v, k);
  }
  return out;
}

/**
 * Makes the tfjs layer a spec entry describes (InputLayer is handled by the builder) the way tfjs
 * loads a saved model: its Keras config deserialized by the class registered under its name (the
 * app's own classes registered first). With a seed its starting weights repeat on every build.
 */
export function createLayer(spec: KerasLayerSpec, seed?: number): tf.layers.Layer {
  registerCustomLayers();
  const binding = descriptorOfClass(spec.class_name)?.kerasClass;
  if (!binding) throw new Error(`No layer kind owns the Keras class '${spec.class_name}'.`);
  const layerSeedOf = seed === undefined ? undefined : layerSeed(seed, spec.config.name as string);
  let config: Config = { ...spec.config };
  if ('kernel_initializer' in config)
    config.kernel_initializer = seededInitializer(config.kernel_initializer, layerSeedOf);
  if (binding.tfjsConfig) config = binding.tfjsConfig(config);
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[spec.class_name];
  if (!entry) throw new Error(`tfjs has no layer class '${spec.class_name}'.`);
  const [cls, fromConfig] = entry;
  return fromConfig(cls, tfjsConfigOf(config) as tf.serialization.ConfigDict) as tf.layers.Layer;
}
