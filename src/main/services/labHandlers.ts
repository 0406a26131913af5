import type { StudioHandlers } from '../../shared/contract/dispatch';
import { fail } from '../../shared/contract/result';
import { checkpointWeights } from './trainer/checkpointWeights';
import type { TrainerSupervisor } from './trainer/supervisor';

type LabHandlers = Pick<
  StudioHandlers,
  'model.unitLayers' | 'model.unit' | 'model.advise' | 'run.views'
>;

/**
 * The host's side of the unit inspector, runs side by side and the advisor: each asks the trainer
 * (which checks its message and the host checks the reply, both with zod).
 */
export function labHandlers(supervisor: TrainerSupervisor, dataDir: string): LabHandlers {
  return {
    'model.unitLayers': ({ runId }) => supervisor.ask({ type: 'unitLayers', requestId: 0, runId }),
    'model.unit': (request) => supervisor.ask({ type: 'unit', requestId: 0, ...request }),
    'model.advise': (request) => supervisor.ask({ type: 'advise', requestId: 0, ...request }),
    'run.views': async ({ runId, images, count }) => {
      const saved = await checkpointWeights(dataDir, await supervisor.checkpointOf(runId));
      if (!saved.ok) return saved;
      try {
        await supervisor.ensureStarted();
      } catch {
        return fail('E_TRAINER_CRASHED', 'The trainer could not start; try again.');
      }
      const { graph, weights } = saved.value;
      return supervisor.ask({
        type: 'runViews',
        requestId: 0,
        graph,
        tensors: weights.tensors,
        weights: weights.data,
        images,
        count,
      });
    },
  };
}
