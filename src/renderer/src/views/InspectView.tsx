import { GameBoard } from '../game/GameBoard';
import { GanNote } from '../game/GanNote';
import { useGameKind } from '../game/useGameKind';
import { CodeHistogram } from '../inspect/CodeHistogram';
import { FeatureGrid } from '../inspect/FeatureGrid';
import { LatentPanel } from '../inspect/LatentPanel';
import { RawPcaPanel } from '../inspect/RawPcaPanel';
import { SelectionStrip } from '../inspect/SelectionStrip';
import { ReconBoard } from '../recon/ReconBoard';
import { DeeperPanels } from '../units/DeeperPanels';
import { RunStrip } from './RunStrip';
import { StaleMark } from './StaleMark';
import { useDesignMatch } from './useDesignMatch';

/** The Inspect tab: what the model learned, refreshed after every epoch while it trains. */
export function InspectView() {
  const stale = useDesignMatch().match.kind === 'stale';
  const game = useGameKind();
  if (game === 'gan') return <GanInspect stale={stale} />;
  return (
    <main className="view inspect-view">
      <RunStrip />
      <StaleMark
        detail={() => 'Train again to see what your design learns, or go back to that design.'}
      />
      <div className={`view-grid ${stale ? 'stale-results' : ''}`}>
        <ReconBoard />
        <div className="view-pair">
          <LatentPanel />
          <RawPcaPanel />
        </div>
        {game === 'aae' && <GameBoard />}
        <SelectionStrip />
        <FeatureGrid />
        <CodeHistogram />
        <DeeperPanels />
      </div>
    </main>
  );
}

/**
 * A GAN's Inspect tab: no reconstructions or codes exist, so it says why and shows the game's
 * views and the discriminator's first-layer features instead of empty panels.
 */
function GanInspect({ stale }: { stale: boolean }) {
  return (
    <main className="view inspect-view">
      <RunStrip />
      <StaleMark
        detail={() => 'Train again to see how your design plays, or go back to that design.'}
      />
      <div className={`view-grid ${stale ? 'stale-results' : ''}`}>
        <GanNote />
        <GameBoard />
        <FeatureGrid />
      </div>
    </main>
  );
}
