import { useMemo } from 'react';
import type { GraphDocument } from '../../../shared/graph/document';
import { matchDesign, runLabel, type DesignMatch } from '../stores/designMatch';
import { useGraph } from '../stores/graphStore';
import { useRunHistory } from '../stores/runHistory';
import { useRun } from '../stores/runStore';

export interface DesignMatchView {
  match: DesignMatch;
  /** "run 3": how the loss chart's legend names the run. */
  label: string;
  /** The design the run trained, for "Go back to that design". */
  design: GraphDocument | null;
}

/**
 * How the current run's results stand against the design on the canvas. With `runId`, only that
 * run is compared (the export's weights); another run's results count as nothing to compare.
 */
export function useDesignMatch(runId?: string | null): DesignMatchView {
  const current = useRun((s) => s.runId);
  const design = useRun((s) => s.design ?? null);
  const doc = useGraph((s) => s.doc);
  const analysis = useGraph((s) => s.analysis);
  const past = useRunHistory((s) => s.runs);
  const asked = runId === undefined ? current : runId;
  const known = asked !== null && asked === current ? design : null;
  const match = useMemo(
    () => matchDesign({ runId: asked, design: known }, doc, analysis),
    [asked, known, doc, analysis],
  );
  const label = useMemo(() => (asked ? runLabel(asked, past) : ''), [asked, past]);
  return { match, label, design: known };
}
