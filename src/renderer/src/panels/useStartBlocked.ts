import { useMemo } from 'react';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { startBlockedReason, type StartBlocked } from './startBlocked';

/**
 * Why Start cannot run now, or null. Selects only the phase's activity, the data choice and the
 * design's checks, so a progress event (10 a second while training) does not re-render its users.
 */
export function useStartBlocked(): StartBlocked | null {
  const active = useRun((s) => isActive(s.phase));
  const data = useRun((s) => s.data);
  const diagnostics = useGraph((s) => s.analysis.diagnostics);
  const nodeCount = useGraph((s) => s.doc.nodes.length);
  return useMemo(
    () => (active ? null : startBlockedReason(diagnostics, data, nodeCount)),
    [active, diagnostics, data, nodeCount],
  );
}
