/**
 * The phases of greedy layer-wise training for the Keras script: the trainer's own planner
 * (src/shared/compiler/greedyPlan.ts) over the compiled spec and the analysis' shapes.
 */
import type { GraphAnalysis, KerasModelSpec } from '../compiler';
import { planGreedy, shapesOf, type GreedyPhase } from '../compiler/greedyPlan';
import type { GreedyProcedure } from '../contract/training';
import { greedyReason } from './greedyReason';

export type KerasPhase = GreedyPhase;

export type KerasPhasePlan = { ok: true; phases: KerasPhase[] } | { ok: false; reason: string };

/** The phases of `procedure`, or why the graph cannot be trained that way (said in the script). */
export function planKerasPhases(
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  procedure: GreedyProcedure,
): KerasPhasePlan {
  const plan = planGreedy(spec, shapesOf(spec, analysis), procedure);
  return plan.ok ? plan : { ok: false, reason: greedyReason(plan.why) };
}
