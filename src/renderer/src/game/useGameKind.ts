import type { GameKind } from '../../../shared/compiler/game';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { gameKindOf } from './gameKind';

/**
 * The game the views show: the run's design when there is a run (its results are what the views
 * draw), the design on the canvas before any run. Null for a design that plays no game.
 */
export function useGameKind(): GameKind | null {
  const runDesign = useRun((s) => (s.runId ? (s.design ?? null) : null));
  const doc = useGraph((s) => s.doc);
  return gameKindOf(runDesign ?? doc);
}
