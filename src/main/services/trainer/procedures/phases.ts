import type { GraphDocument } from '../../../../shared/graph/document';
import type { RunStatus } from '../../../../shared/contract/events';
import type { PhaseEpochs } from '../../../../shared/presets';
import type { Emit, RunArgs, RunControl, RunOutcome } from '../loop';
import { runTraining } from '../loop';

/** What a procedure gets: a plain run's arguments (built is the design's model) and the design itself. */
export type ProcedureArgs = RunArgs & { graph: GraphDocument };

/** What differs between the phases of a procedure. */
export type PhaseOverrides = Pick<RunArgs, 'built' | 'data' | 'inputShape' | 'settings'> & {
  snapshots: boolean;
};

/** What a phase may set on its own: the epochs come from the procedure's plan, not the caller. */
export type PhaseRun = Omit<PhaseOverrides, 'settings'> & {
  settings: Omit<RunArgs['settings'], 'epochs'>;
};

/**
 * Runs the phases of one procedure in turn, announcing each with the whole plan, and adds up their
 * epochs. Each phase trains the epochs the plan gives it (procedurePhases: the Epochs setting per
 * phase), so the panels, which read the same plan, count what runs. Every phase is the ordinary
 * training loop, so pause, stop and divergence work the same in each.
 */
export class PhaseRunner {
  epochs = 0;
  private index = 0;

  constructor(
    private readonly args: ProcedureArgs,
    private readonly emit: Emit,
    private readonly control: RunControl,
    private readonly plan: readonly PhaseEpochs[],
  ) {}

  /** Trains the next phase of the plan; null when it completed, the run's outcome when it must end. */
  async run(overrides: PhaseRun): Promise<RunOutcome | null> {
    if (this.control.stopRequested) return this.end('stopped');
    const phase = this.plan[this.index];
    if (!phase) return this.end('failed', 'The procedure ran more phases than it planned.');
    this.index++;
    this.emit('train.phase', {
      runId: this.args.runId,
      index: this.index,
      count: this.plan.length,
      label: phase.label,
      phases: this.plan.map(({ label, epochs }) => ({ label, epochs })),
    });
    // A resumed optimizer, a start epoch and checkpoints belong to one plain run, not to a phase.
    const { runId, backend, onDiverged } = this.args;
    const outcome = await runTraining(
      {
        runId,
        backend,
        onDiverged,
        ...overrides,
        settings: { ...overrides.settings, epochs: phase.epochs },
        phase: this.index,
      },
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
