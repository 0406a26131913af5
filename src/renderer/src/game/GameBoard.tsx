import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { epochNumber } from '../panels/runStatus';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { StaleMark } from '../views/StaleMark';
import { useDesignMatch } from '../views/useDesignMatch';
import { CollapseWarning } from './CollapseWarning';
import { priorOf } from './gameKind';
import { latestDiversity } from './gameChartModel';
import { GamePlayers } from './GamePlayers';
import { PriorCodes } from './PriorCodes';
import { SampleGrid } from './SampleGrid';
import { useGameKind } from './useGameKind';
import { useRunGame } from './useRunGame';
import './game.css';

interface Props {
  /** The Train tab shows its own stale state in the run panel; Inspect marks the results. */
  withStaleMark?: boolean;
}

/**
 * The views of an adversarial game, where the reconstructions are for an autoencoder: a GAN's
 * fixed-noise samples, the players' standing and losses, the mode-collapse warning, and for an
 * adversarial autoencoder its codes over the prior. Nothing for a design that plays no game.
 */
export function GameBoard({ withStaleMark = false }: Props) {
  const kind = useGameKind();
  const game = useRunGame();
  const { epochBase, totalEpochs, codes, runDesign, runId } = useRun(
    useShallow((s) => ({
      epochBase: s.epochBase,
      totalEpochs: s.totalEpochs,
      codes: s.codes,
      runDesign: s.design ?? null,
      runId: s.runId,
    })),
  );
  const doc = useGraph((s) => s.doc);
  const title = useGraph((s) => s.title);
  const { match, label } = useDesignMatch();
  const prior = useMemo(() => priorOf(runDesign ?? doc), [runDesign, doc]);
  if (!kind) return null;
  const stale = match.kind === 'stale';
  const source = runId
    ? `${label || 'this run'} of “${title}”${stale ? ', an earlier design' : ''}`
    : '';
  return (
    <div
      className={`game-board ${stale && withStaleMark ? 'stale-results' : ''}`}
      data-testid="game-board"
      data-kind={kind}
    >
      {withStaleMark && (
        <StaleMark
          detail={() => 'Train again to see how your design plays, or go back to that design.'}
        />
      )}
      <CollapseWarning
        collapse={game.collapse}
        diversity={latestDiversity(game.epochs)}
        epochBase={epochBase}
      />
      {kind === 'gan' && (
        <SampleGrid
          generated={game.generated}
          epochBase={epochBase}
          source={source}
          empty="After each epoch, 100 samples the generator makes from the same fixed noise appear here, 10 by 10."
        />
      )}
      <GamePlayers
        epochs={game.epochs}
        epochBase={epochBase}
        totalEpochs={totalEpochs}
        kind={kind}
      />
      {kind === 'aae' && (
        <PriorCodes
          codes={codes}
          prior={prior}
          epoch={codes ? epochNumber({ epochBase }, codes.epoch) : null}
        />
      )}
    </div>
  );
}
