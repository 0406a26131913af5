import { AdvisorCard } from '../advisor/AdvisorCard';
import { LossChart } from '../charts/LossChart';
import { useApp } from '../stores/appStore';
import { DataSettings } from '../panels/DataSettings';
import { RunControls } from '../panels/RunControls';
import { TrainerSettings } from '../panels/TrainerSettings';
import { GameBoard } from '../game/GameBoard';
import { useGameKind } from '../game/useGameKind';
import { ReconGrid } from '../recon/ReconGrid';
import { useGraph } from '../stores/graphStore';

/** The Train tab: every trainer and data setting, the run's controls, the big loss chart. */
export function TrainView() {
  const title = useGraph((s) => s.title);
  // A GAN reconstructs nothing: its game's views stand where the reconstructions would.
  const game = useGameKind();
  return (
    <main className="view train-view">
      <aside className="view-side">
        <TrainerSettings />
        <DataSettings />
      </aside>
      <div className="view-main">
        <section className="panel run-panel" aria-label="Run">
          <div className="panel-title-row">
            <h2 className="panel-title">Run · {title}</h2>
            <BackendNote />
          </div>
          <RunControls />
        </section>
        <AdvisorCard />
        <LossChart height={340} withRuns />
        {game !== 'gan' && <ReconGrid />}
        <GameBoard />
      </div>
    </main>
  );
}

/** Which backend trains, in the run panel (the top bar's badge explains how to get a GPU). */
function BackendNote() {
  const backend = useApp((s) => s.backend);
  return (
    <span className="muted backend-note" data-testid="run-backend">
      {backend
        ? `runs on ${backend.name}${backend.isGpu ? ' (GPU)' : ''}`
        : 'backend not known yet'}
      {backend?.notice && <span data-testid="run-backend-notice"> · {backend.notice}</span>}
    </span>
  );
}
