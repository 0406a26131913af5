import type { GreedyPlanFailure } from '../compiler/greedyPlan';
import { assertNever } from '../util/assertNever';

/** Why greedy training does not fit a design, as the Keras and PyTorch scripts say it. */
export function greedyReason(why: GreedyPlanFailure): string {
  switch (why.code) {
    case 'task':
      return 'greedy training needs an autoencoder, not a classifier';
    case 'chain':
      return `the layers are not one straight line (at '${why.at}')`;
    case 'node':
      return `phase '${why.phase}' names a layer the model does not have`;
    case 'order':
      return `phase '${why.phase}' is not nested inside the one before`;
    case 'mirror':
      return `phase '${why.phase}' does not give back what it takes in`;
    default:
      return assertNever(why, 'greedy plan failure');
  }
}
