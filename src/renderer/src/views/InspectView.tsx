import { CodeHistogram } from '../inspect/CodeHistogram';
import { FeatureGrid } from '../inspect/FeatureGrid';
import { LatentPanel } from '../inspect/LatentPanel';
import { RawPcaPanel } from '../inspect/RawPcaPanel';
import { ReconBoard } from '../recon/ReconBoard';
import { RunStrip } from './RunStrip';

/** The Inspect tab: what the model learned, refreshed after every epoch while it trains. */
export function InspectView() {
  return (
    <main className="view inspect-view">
      <RunStrip />
      <div className="view-grid">
        <ReconBoard />
        <div className="view-pair">
          <LatentPanel />
          <RawPcaPanel />
        </div>
        <FeatureGrid />
        <CodeHistogram />
      </div>
    </main>
  );
}
