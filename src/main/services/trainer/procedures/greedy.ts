import type { GreedyProcedure } from '../../../../shared/contract/training';
import { FINE_TUNE_LABEL, procedurePhases } from '../../../../shared/presets';
import type { PreparedData } from '../../data/dataset';
import { evaluateAsync, snapshotAsync } from '../evaluate';
import type { Emit, RunControl, RunOutcome } from '../loop';
import { encodeData } from './codes';
import { planGreedy } from './greedyPlan';
import { stackedSummary } from './messages';
import { PhaseRunner, type ProcedureArgs } from './phases';
import { phaseModel } from './phaseModel';

export { FINE_TUNE_LABEL };

/**
 * Greedy layer-wise training (Hands-On ML ch. 15): the outer encoder and decoder pair learns to
 * reconstruct the images, each inner pair the codes of the pairs outside it (with MSE, as codes are
 * not in [0, 1]); the trained layers stacked are the full autoencoder, optionally fine-tuned.
 */
export async function runGreedy(
  procedure: GreedyProcedure,
  args: ProcedureArgs,
  emit: Emit,
  control: RunControl,
): Promise<RunOutcome> {
  const { built, settings } = args;
  const plan = planGreedy(built, procedure);
  const phases = procedurePhases(procedure, settings.epochs);
  // The plan ends with fine-tuning unless the procedure turns it off (fineTuneEpochs 0).
  const fineTune = phases.length > procedure.phases.length;
  const runner = new PhaseRunner(args, emit, control, phases);
  if (!plan.ok) return runner.end('failed', plan.message);

  let data: PreparedData = args.data;
  let inputShape = args.inputShape;
  for (const [k, phase] of plan.phases.entries()) {
    if (k > 0) {
      // The previous phase's encoder layers, now trained, turn its input into this phase's.
      const previous = plan.phases[k - 1];
      const encoder = previous.layers
        .slice(0, previous.encoderCount)
        .map((name) => built.model.getLayer(name));
      data = await encodeData(data, encoder, inputShape);
      inputShape = phase.inputShape;
    }
    const model = phaseModel(built, phase, k === 0 ? built.loss : 'mse', k + 1);
    const ended = await runner.run({
      built: model,
      data,
      inputShape,
      settings,
      snapshots: k === 0,
    });
    if (ended) return ended;
  }

  const stacked = await evaluateAsync(built, args.data, args.inputShape);
  emit(
    'train.snapshot',
    await snapshotAsync(args.runId, runner.epochs, built, args.data, args.inputShape),
  );
  if (fineTune) {
    const ended = await runner.run({
      built,
      data: args.data,
      inputShape: args.inputShape,
      settings,
      snapshots: true,
    });
    if (ended) return ended;
  }
  return runner.end('completed', stackedSummary(stacked.loss, fineTune));
}
