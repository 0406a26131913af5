import { useShallow } from 'zustand/react/shallow';
import { continueTraining, startTraining, stopTraining, togglePause } from '../app/training';
import { studio } from '../app/studio';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive, type RunData } from '../stores/runState';
import { tabStore } from '../views/viewTabs';
import { ComparisonCard } from './ComparisonCard';
import { describeProgress, describeRun, describeStage, runFraction } from './runStatus';
import { startBlockedReason, type StartBlocked } from './startBlocked';

/** Start, Pause/Resume and Stop, the progress bar with epoch, batch and time left, and the status. */
export function RunControls({ optimizer }: { optimizer?: boolean }) {
  const run: RunData = useRun(
    useShallow((s) => ({
      settings: s.settings,
      data: s.data,
      runId: s.runId,
      phase: s.phase,
      totalEpochs: s.totalEpochs,
      progress: s.progress,
      batchLosses: s.batchLosses,
      epochs: s.epochs,
      snapshot: s.snapshot,
      features: s.features,
      codes: s.codes,
      samples: s.samples,
      stage: s.stage,
      comparison: s.comparison,
      phaseOffset: s.phaseOffset,
      paused: s.paused,
      ended: s.ended,
      epochBase: s.epochBase,
      warnings: s.warnings,
    })),
  );
  const diagnostics = useGraph((s) => s.analysis.diagnostics);
  const nodeCount = useGraph((s) => s.doc.nodes.length);
  const active = isActive(run.phase);
  const blocked = active ? null : startBlockedReason(diagnostics, run.data, nodeCount);
  const fraction = runFraction(run);
  const stage = describeStage(run);
  return (
    <div className="run-controls">
      <div className="button-row">
        <button
          className="button primary"
          data-testid="train-start"
          disabled={active || blocked !== null}
          title={blocked?.text}
          onClick={() => void startTraining(studio())}
        >
          <span aria-hidden="true">▶</span> Start
        </button>
        {run.phase === 'ended' && run.runId && (
          <button
            className="button"
            data-testid="train-continue"
            title={`Train the same model ${run.settings.epochs} more epochs (the Epochs field), from where it stopped`}
            onClick={() => void continueTraining(studio())}
          >
            <span aria-hidden="true">+</span> Train {run.settings.epochs} more
          </button>
        )}
        <button
          className="button"
          data-testid="train-pause"
          disabled={run.phase !== 'running'}
          onClick={() => void togglePause(studio())}
        >
          {run.paused ? (
            <>
              <span aria-hidden="true">▶</span> Resume
            </>
          ) : (
            <>
              <span aria-hidden="true">❚❚</span> Pause
            </>
          )}
        </button>
        <button
          className="button"
          data-testid="train-stop"
          disabled={!active || run.phase === 'stopping'}
          onClick={() => void stopTraining(studio())}
        >
          <span aria-hidden="true">■</span> Stop
        </button>
        {optimizer && (
          <span className="optimizer-note" title="The optimizer (change it in the Train view)">
            {run.settings.optimizer}
          </span>
        )}
      </div>
      <div
        className={`progress ${active ? 'active' : ''} ${run.paused ? 'paused' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <div className="progress-text" data-testid="train-progress">
        {describeProgress(run) || '\u00a0'}
      </div>
      {stage && (
        <div className="stage-line" data-testid="train-stage">
          {stage}
        </div>
      )}
      {/* "Ready to train." would be untrue while Start is blocked: the reason takes its place. */}
      {!(blocked && run.phase === 'idle') && (
        <div
          className={`run-status phase-${run.phase} ${run.ended ? `status-${run.ended.status}` : ''}`}
          data-testid="run-status"
        >
          {describeRun(run)}
        </div>
      )}
      {blocked && (
        <button
          type="button"
          className="run-blocked"
          data-testid="run-blocked"
          onClick={() => showWhere(blocked)}
        >
          {blocked.text}
          <span className="run-blocked-hint">
            {blocked.where === 'design' ? 'Show the Problems list' : 'Show the data settings'}
          </span>
        </button>
      )}
      {run.warnings.map((w) => (
        <div key={w} className="run-warning" role="alert" data-testid="run-warning">
          {w}
        </div>
      ))}
      {run.comparison && <ComparisonCard comparison={run.comparison} />}
    </div>
  );
}

/** Opens the view where the blocking problem is fixed and moves the focus there. */
function showWhere(blocked: StartBlocked) {
  const design = blocked.where === 'design';
  tabStore.getState().show(design ? 'editor' : 'train');
  // After the view has rendered: the Problems list or the data source field may be new.
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLElement>(
      design ? '#problems' : '[data-testid="data-source"]',
    );
    target?.scrollIntoView({ block: 'nearest' });
    target?.focus();
  });
}
