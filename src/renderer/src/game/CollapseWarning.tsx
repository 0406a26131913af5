import type { RunGame } from '../../../shared/project/gameRecord';

interface Props {
  collapse: RunGame['collapse'];
  /** The latest diversity figure (1 = as varied as after epoch 1). */
  diversity: { epoch: number; diversity: number } | null;
  epochBase: number | null;
}

/**
 * The mode-collapse warning, in the open above the game's figures: the generator makes nearly the
 * same sample whatever the noise. The trainer's words say what to try; the figure says how much.
 */
export function CollapseWarning({ collapse, diversity, epochBase }: Props) {
  if (!collapse) return null;
  const epoch = collapse.epoch - (epochBase ?? 1) + 1;
  return (
    <div className="collapse-warning" role="alert" data-testid="mode-collapse">
      <span className="collapse-badge">Mode collapse</span>
      <div className="collapse-words">
        <strong>
          After epoch {epoch} the generated samples stopped differing from one another.
        </strong>
        <p>{collapse.message}</p>
        {diversity && (
          <p className="muted" data-testid="mode-collapse-diversity">
            Diversity now {formatShare(diversity.diversity)} of what it was after epoch 1.
          </p>
        )}
      </div>
    </div>
  );
}

/** 0.084 -> "8%": the mean distance between samples as a share of the first epoch's. */
export const formatShare = (v: number): string => `${Math.round(v * 100)}%`;
