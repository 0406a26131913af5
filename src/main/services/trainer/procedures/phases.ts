import type { GraphDocument } from '../../../../shared/graph/document';
import type { RunStatus } from '../../../../shared/contract/events';
import type { Emit, RunArgs, RunControl, RunOutcome } from '../loop';
import { runTraining } from '../loop';

/** What a procedure gets: a plain run's arguments (built is the design's model) and the design itself. */
export type ProcedureArgs = RunArgs & { graph: GraphDocument };

/** What differs between the phases of a procedure. */
export type PhaseOverrides = Pick<RunArgs, 'built' | 'data' | 'inputShape' | 'settings'> & {
  snapshots: boolean;
};

/**
 * Runs the phases of one procedure in turn, announcing each, and adds up their epochs. Every
 * phase is the ordinary training loop, so pause, stop and divergence work the same in each.
 */
export class PhaseRunner {
  epochs = 0;
  private index = 0;

  constructor(
    private readonly args: ProcedureArgs,
    private readonly emit: Emit,
    private readonly control: RunControl,
    private readonly count: number,
  ) {}

  /** Trains one phase; null when it completed, the run's outcome when the run must end here. */
  async run(label: string, overrides: PhaseOverrides): Promise<RunOutcome | null> {
    if (this.control.stopRequested) return this.end('stopped');
    this.index++;
    this.emit('train.phase', {
      runId: this.args.runId,
      index: this.index,
      count: this.count,
      label,
    });
    // A resumed optimizer, a start epoch and checkpoints belong to one plain run, not to a phase.
    const { runId, backend, classes, onDiverged } = this.args;
    const outcome = await runTraining(
      { runId, backend, classes, onDiverged, ...overrides, phase: this.index },
      this.emit,
      this.control,
    );
    this.epochs += outcome.epochsCompleted;
    return outcome.status === 'completed' ? null : this.end(outcome.status, outcome.message);
  }

  /** The run's outcome with the epochs of every phase so far. */
  end(status: RunStatus, message: string | null = null): RunOutcome {
    return { status, message, epochsCompleted: this.epochs };
  }
}
