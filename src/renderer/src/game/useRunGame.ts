import { useMemo } from 'react';
import { EMPTY_GAME, type RunGame } from '../../../shared/project/gameRecord';
import { useRunHistory } from '../stores/runHistory';
import { useRun } from '../stores/runStore';

const isEmpty = (g: RunGame): boolean => g.epochs.length === 0 && g.generated === null;

/**
 * The current run's game figures. A run shown again after a reload (its curve from the host's
 * report) has none of its own until the next epoch: then its run record's, kept in the history
 * and the project file, stand in, so the figures survive the reload.
 */
export function useRunGame(): RunGame {
  const own = useRun((s) => s.game);
  const runId = useRun((s) => s.runId);
  const kept = useRunHistory((s) =>
    runId ? (s.runs.find((r) => r.runId === runId)?.game ?? null) : null,
  );
  return useMemo(
    () => (!isEmpty(own) || !kept ? own : { ...kept, collapse: own.collapse ?? kept.collapse }),
    [own, kept],
  );
}

export { EMPTY_GAME };
