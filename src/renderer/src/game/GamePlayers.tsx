import { useMemo } from 'react';
import type { GameEpoch } from '../../../shared/project/gameRecord';
import { ViewPanel } from '../views/ViewPanel';
import { formatShare } from './CollapseWarning';
import { EpochChart } from './EpochChart';
import { describeStanding, judgeCurves, latestDiversity, playerLossCurves } from './gameChartModel';

interface Props {
  epochs: readonly GameEpoch[];
  epochBase: number | null;
  totalEpochs: number;
  /** 'aae': the generator is the encoder, and "fake" are its codes. */
  kind: 'gan' | 'aae';
}

const PROBABILITY: readonly [number, number] = [0, 1];

/**
 * How the two players stand after each epoch: what the discriminator says of real and of
 * generated samples (0..1; 0.5 is "cannot tell"), and each player's loss.
 */
export function GamePlayers({ epochs, epochBase, totalEpochs, kind }: Props) {
  const judge = useMemo(() => judgeCurves(epochs, epochBase), [epochs, epochBase]);
  const losses = useMemo(() => playerLossCurves(epochs, epochBase), [epochs, epochBase]);
  const diversity = latestDiversity(epochs);
  const fake = kind === 'aae' ? 'codes of the encoder' : 'generated samples';
  const real = kind === 'aae' ? 'samples of the prior' : 'real digits';
  return (
    <ViewPanel
      title="The game · discriminator against generator"
      saveAs="game-players"
      testId="game-players"
      hint={`D(real): the discriminator's mean output on ${real}; D(fake): on ${fake}. 1 means "real", 0 "fake".`}
    >
      <div className="game-charts">
        <EpochChart
          curves={judge}
          lastEpoch={totalEpochs}
          yLabel="D output"
          yDomain={PROBABILITY}
          reference={{ y: 0.5, label: '0.5 · cannot tell' }}
          testId="game-judge-chart"
          label="D(real) and D(fake) per epoch, from 0 to 1"
        />
        <EpochChart
          curves={losses}
          lastEpoch={totalEpochs}
          yLabel="loss"
          testId="game-loss-chart"
          label="The discriminator's and the generator's loss per epoch"
        />
      </div>
      <p className="game-standing" data-testid="game-standing">
        {describeStanding(epochs.at(-1))}
        {diversity && kind === 'gan' && (
          <span className="muted" data-testid="game-diversity">
            {' '}
            Diversity of the fixed-noise samples: {formatShare(diversity.diversity)} of epoch
            1&apos;s.
          </span>
        )}
      </p>
    </ViewPanel>
  );
}
