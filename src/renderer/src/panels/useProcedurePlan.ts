import { useMemo } from 'react';
import { procedurePhases, type PhaseEpochs } from '../../../shared/presets/procedurePhases';
import { procedureFor } from '../app/training';
import { useProject } from '../project/projectStore';
import { useGraph } from '../stores/graphStore';

/**
 * The phases Start would train, with each one's epochs, for a design trained in phases (greedy
 * layer-wise, encoder reuse); null for one trained in one go. The same plan the trainer runs.
 */
export function useProcedurePlan(epochs: number): PhaseEpochs[] | null {
  const given = useProject((s) => s.procedure);
  const doc = useGraph((s) => s.doc);
  const presetId = useGraph((s) => s.presetId);
  const procedure = useMemo(() => procedureFor(presetId, doc, given), [presetId, doc, given]);
  return useMemo(
    () => (procedure ? procedurePhases(procedure, epochs) : null),
    [procedure, epochs],
  );
}
