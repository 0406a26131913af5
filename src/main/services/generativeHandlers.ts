import type { StudioHandlers } from '../../shared/contract/dispatch';
import type { TrainerSupervisor } from './trainer/supervisor';

type GenerativeHandlers = Pick<StudioHandlers, 'model.chainWalk' | 'model.winners'>;

/**
 * The host's side of the denoising chain's walk and the winner-take-all code's win counts: each
 * asks the trainer (which checks its message, and the host checks the reply, both with zod).
 */
export function generativeHandlers(supervisor: TrainerSupervisor): GenerativeHandlers {
  return {
    'model.chainWalk': (request) => supervisor.ask({ type: 'chainWalk', requestId: 0, ...request }),
    'model.winners': (request) => supervisor.ask({ type: 'winners', requestId: 0, ...request }),
  };
}
