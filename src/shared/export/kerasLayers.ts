/**
 * The app's own layers written as small Keras layers, each computing what the trainer computes
 * (src/main/services/model/layers): the same formulas, so a script trains the same model. Each has
 * get_config/from_config and is registered, so `model.save("m.keras")` and
 * `keras.models.load_model` round-trip a model that uses them (Keras 3).
 */

import { LAYER_DESCRIPTORS, NODE_KINDS } from '../layers/registry';
import { PY_REGISTER as REGISTER } from '../layers/scriptHelpers';

/**
 * Layers that read another layer's kernel (a tied partner, a contractive code's Dense). A config
 * holds names, not layers: they save the other layer's name and StudioModel links them again by
 * name when a model loads, so tied weights stay one variable (no copy).
 */
const LINKING = `def keep_untracked(layer, attribute, value):
    """Sets an attribute that Keras does not track: the layer it points to belongs to the model,
    and a tracked one would be saved twice and loaded as a copy (the weights no longer tied)."""
    object.__setattr__(layer, attribute, value)


def link_layers(model):
    """Links every layer that reads another layer's kernel to that layer, by its saved name."""
    for layer in model.layers:
        linked_name = getattr(layer, "linked_name", None)
        if linked_name:
            layer.link(model.get_layer(linked_name))


${REGISTER}
class StudioModel(keras.Model):
    """A functional model that links TiedDense and Code layers again when it is loaded."""

    @classmethod
    def from_config(cls, config, custom_objects=None):
        model = super().from_config(config, custom_objects=custom_objects)
        link_layers(model)
        return model
`;

export const PY_LINKING = LINKING;

/**
 * The Keras source of each of the app's own classes, by class name, from the kinds' descriptors,
 * in palette order.
 */
export function pyCustomLayers(): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of NODE_KINDS) {
    const binding = LAYER_DESCRIPTORS[kind].kerasClass;
    if (binding?.pythonClass) out.set(binding.className, binding.pythonClass);
  }
  return out;
}
