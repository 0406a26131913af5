/**
 * The greedy procedure's phases for the PyTorch script: the trainer's own planner
 * (src/shared/compiler/greedyPlan.ts) over the compiled spec and the analysis' shapes.
 */
import type { GraphAnalysis, KerasModelSpec } from '../../compiler';
import { planGreedy, shapesOf } from '../../compiler/greedyPlan';
import { fail, ok, type Result } from '../../contract/result';
import type { GreedyProcedure } from '../../contract/training';
import { greedyReason } from '../greedyReason';
import type { TorchPhase } from './module';

/** The phases of a greedy procedure, or a failure in the words the trainer would use. */
export function planGreedyPhases(
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  procedure: GreedyProcedure,
): Result<TorchPhase[]> {
  const plan = planGreedy(spec, shapesOf(spec, analysis), procedure);
  if (!plan.ok)
    return fail(
      'E_UNSUPPORTED',
      `The greedy training cannot be written as PyTorch code: ${greedyReason(plan.why)}.`,
    );
  return ok(plan.phases.map(({ layers, encoderCount }) => ({ layers, encoderCount })));
}
