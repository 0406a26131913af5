import { getPreset } from '../../../shared/presets';
import type { AppStore } from '../stores/appStore';
import type { GraphStore } from '../stores/graphStore';
import type { RunStore } from '../stores/runStore';
import { isActive } from '../stores/runState';

/** Switches to a preset: its graph on the canvas, its settings and data in the Train panel. */
export function pickPreset(
  id: string,
  stores: { graph: GraphStore; run: RunStore; app: AppStore },
) {
  const preset = getPreset(id);
  if (!preset) {
    stores.app.getState().showError('E_NOT_FOUND', `There is no preset called "${id}".`);
    return;
  }
  if (isActive(stores.run.getState().phase)) {
    stores.app
      .getState()
      .showError('E_BUSY', 'Stop the running training before you open another preset.');
    return;
  }
  stores.graph.getState().loadPreset(preset.id);
  stores.run.getState().useDefaults(preset.settings, preset.data);
}
