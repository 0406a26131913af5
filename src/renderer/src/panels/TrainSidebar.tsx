import { LossChart } from '../charts/LossChart';
import { ReconGrid } from '../recon/ReconGrid';
import { TrainPanel } from './TrainPanel';

/** The right-hand side: train, watch the loss, look at reconstructions. */
export function TrainSidebar() {
  return (
    <aside className="right-rail">
      <TrainPanel />
      <LossChart />
      <ReconGrid />
    </aside>
  );
}
