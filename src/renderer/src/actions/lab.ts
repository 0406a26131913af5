import type { CommandReply, CommandRequest } from '../../../shared/contract/commands';
import type { Result } from '../../../shared/contract/result';
import { applyParamPatches, type SuggestedChange } from '../../../shared/advisor';
import { graphStore } from '../stores/graphStore';
import { runStore } from '../stores/runStore';
import { session } from './session';

/** The lab's questions to the host: a model's units, the advisor's measures, a saved run's views. */

export const listUnitLayers = (runId: string): Promise<Result<CommandReply<'model.unitLayers'>>> =>
  session().client.invoke('model.unitLayers', { runId });

export const inspectUnit = (
  request: CommandRequest<'model.unit'>,
): Promise<Result<CommandReply<'model.unit'>>> => session().client.invoke('model.unit', request);

export const measureRun = (
  request: CommandRequest<'model.advise'>,
): Promise<Result<CommandReply<'model.advise'>>> =>
  session().client.invoke('model.advise', request);

export const loadRunViews = (
  request: CommandRequest<'run.views'>,
): Promise<Result<CommandReply<'run.views'>>> => session().client.invoke('run.views', request);

/**
 * The advisor's one-click change: the design's params in one undoable step, then the settings
 * the next run uses.
 */
export function applySuggestedChange(change: SuggestedChange): void {
  if (change.graph.length > 0) {
    const graph = graphStore.getState();
    graph.apply(applyParamPatches(graph.doc, change.graph), null);
  }
  if (Object.keys(change.settings).length > 0) runStore.getState().editSettings(change.settings);
}
