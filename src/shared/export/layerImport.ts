import { descriptorOfClass } from '../layers/registry';
import type { KerasImport, KerasTopologyLayer } from '../layers/types';

export type LayerImport = KerasImport;

/**
 * The node kind and params a Keras layer becomes, read by the kind that owns its class
 * (src/shared/layers/kinds); a message for a layer the app lacks.
 */
export function importLayer(layer: KerasTopologyLayer, isLast: boolean): LayerImport {
  const binding = descriptorOfClass(layer.className)?.kerasClass;
  if (!binding)
    return {
      ok: false,
      message: `This model uses a layer the app does not have: ${layer.className} '${layer.name}'.`,
    };
  return binding.fromKeras(layer, isLast);
}
