import { codeTooSmall, copiesInput, deadCodeUnits, klCollapse, mseOnBinary } from './rules';
import type { AdvisorInput, Finding } from './types';

export { runMeasurementsSchema, type RunMeasurements } from './measurements';
export { applyParamPatches } from './graphFacts';
export * from './types';

/** The rules, most fundamental first: a model that copies or collapsed has nothing else worth fixing first. */
const RULES = [copiesInput, klCollapse, deadCodeUnits, mseOnBinary, codeTooSmall];

/** Reads a finished run and says what holds it back; an empty list when nothing does. */
export function advise(input: AdvisorInput): Finding[] {
  if (input.measurements.task !== 'reconstruct') return [];
  return RULES.map((rule) => rule(input)).filter((f): f is Finding => f !== null);
}
