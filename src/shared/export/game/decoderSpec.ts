/**
 * The decoder of an autoencoder spec as a model of its own (code -> output): what an adversarial
 * autoencoder generates with. Its input keeps the code layer's name, so shapes and weights are
 * found by the names the autoencoder uses.
 */
import type { KerasModelSpec } from '../../compiler';

/** The decoder's spec, or null when a layer after the code also reads something before it. */
export function decoderSpec(spec: KerasModelSpec, codeShape: number[]): KerasModelSpec | null {
  const code = spec.studio.codeLayer;
  if (!code || code === spec.studio.outputLayer) return null;
  const after = new Set([code]);
  const layers: KerasModelSpec['config']['layers'] = [];
  for (const layer of spec.config.layers) {
    const sources = (layer.inbound_nodes[0] ?? []).map((n) => n[0]);
    if (!sources.some((s) => after.has(s))) continue;
    if (!sources.every((s) => after.has(s))) return null;
    after.add(layer.name);
    layers.push(layer);
  }
  if (!after.has(spec.studio.outputLayer)) return null;
  const input = {
    class_name: 'InputLayer',
    name: code,
    config: { name: code, batch_input_shape: [null, ...codeShape], dtype: 'float32' },
    inbound_nodes: [],
  };
  return {
    ...spec,
    config: {
      ...spec.config,
      name: 'decoder',
      layers: [input, ...layers],
      input_layers: [[code, 0, 0]],
    },
    studio: { ...spec.studio, inputLayer: code, codeLayer: null, inputShape: codeShape },
  };
}

/** The layers before the code and the code itself: what plays the generator in an AAE. */
export function encoderLayers(spec: KerasModelSpec): string[] {
  const code = spec.studio.codeLayer;
  if (!code) return [];
  const names: string[] = [];
  for (const layer of spec.config.layers) {
    if (layer.class_name !== 'InputLayer') names.push(layer.name);
    if (layer.name === code) return names;
  }
  return names;
}
