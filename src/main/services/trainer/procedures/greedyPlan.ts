import type * as tf from '@tensorflow/tfjs';
import {
  planGreedy as planPhases,
  type GreedyPhase,
  type GreedyPlanFailure,
} from '../../../../shared/compiler/greedyPlan';
import type { GreedyProcedure } from '../../../../shared/contract/training';
import { assertNever } from '../../../../shared/util/assertNever';
import type { BuiltModel } from '../../model';
import { PROCEDURE_MESSAGES as M } from './messages';

/** One phase of greedy layer-wise training: which layers of the full model it trains, in order. */
export type PhasePlan = GreedyPhase;

export type PlanResult = { ok: true; phases: PhasePlan[] } | { ok: false; message: string };

/** The planner's reason in the trainer's words, layers named as the person named their nodes. */
function explain(why: GreedyPlanFailure, nameOf: (layer: string) => string): string {
  switch (why.code) {
    case 'task':
      return M.E_PHASE_TASK();
    case 'chain':
      return M.E_PHASE_CHAIN(nameOf(why.at));
    case 'node':
      return M.E_PHASE_NODE(why.phase, why.side, why.nodeId);
    case 'order':
      return M.E_PHASE_ORDER(why.phase, why.previous);
    case 'mirror':
      return M.E_PHASE_MIRROR(
        why.phase,
        nameOf(why.first),
        why.takes,
        nameOf(why.decoder),
        why.gives,
      );
    default:
      return assertNever(why, 'greedy plan failure');
  }
}

/**
 * Splits a straight-line autoencoder into the nested pairs a greedy procedure names, outside in
 * (the shared planner, src/shared/compiler/greedyPlan.ts), with the built model's shapes.
 */
export function planGreedy(built: BuiltModel, procedure: GreedyProcedure): PlanResult {
  // Node 0 of every layer is its call in the full model, made first when it was assembled.
  const outputShape = (name: string): number[] =>
    (built.model.getLayer(name).getOutputAt(0) as tf.SymbolicTensor).shape.slice(1) as number[];
  const plan = planPhases(built.spec, outputShape, procedure);
  return plan.ok ? plan : { ok: false, message: explain(plan.why, built.labelOf) };
}
