import type { Procedure } from '../../../../shared/contract/training';
import type { Emit, RunControl, RunOutcome } from '../loop';
import { runGreedy } from './greedy';
import type { ProcedureArgs } from './phases';
import { runReuseEncoder } from './reuse';

export type { ProcedureArgs } from './phases';
export { FINE_TUNE_LABEL } from './greedy';
export { REUSE_LABELS } from './reuse';
export { PROCEDURE_CODES, PROCEDURE_MESSAGES } from './messages';

/**
 * Trains a design with a multi-phase procedure instead of one fit: greedy layer-wise, or an
 * encoder pretrained as an autoencoder and reused under a classifier. Every phase runs the
 * ordinary training loop; a design the procedure cannot use ends the run as failed, with words.
 */
export function runProcedure(
  procedure: Procedure,
  args: ProcedureArgs,
  emit: Emit,
  control: RunControl,
): Promise<RunOutcome> {
  switch (procedure.kind) {
    case 'greedy':
      return runGreedy(procedure, args, emit, control);
    case 'reuse-encoder':
      return runReuseEncoder(procedure, args, emit, control);
    default: {
      const unknown: never = procedure;
      return Promise.resolve({
        status: 'failed',
        message: `Unknown procedure ${String(unknown)}.`,
        epochsCompleted: 0,
      });
    }
  }
}
