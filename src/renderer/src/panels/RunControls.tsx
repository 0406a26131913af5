import { continueTraining, startTraining, stopTraining, togglePause } from '../actions/train';
import { useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { tabStore } from '../views/viewTabs';
import { ComparisonCard } from './ComparisonCard';
import { describeProgress, describeRun, describeStage, runFraction } from './runStatus';
import type { StartBlocked } from './startBlocked';
import { useStartBlocked } from './useStartBlocked';

/**
 * Start, Pause/Resume and Stop, the progress bar with epoch, batch and time left, and the status.
 * Each part selects only what it shows (a string, a number, a flag): a progress event re-renders
 * the progress line and bar, not the buttons, warnings or comparison.
 */
export function RunControls({ optimizer }: { optimizer?: boolean }) {
  const blocked = useStartBlocked();
  const idle = useRun((s) => s.phase === 'idle');
  return (
    <div className="run-controls">
      <RunButtons optimizer={optimizer} blocked={blocked} />
      <RunProgress />
      <RunStage />
      {/* "Ready to train." would be untrue while Start is blocked: the reason takes its place. */}
      {!(blocked && idle) && <RunStatusLine />}
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
      <RunWarnings />
      <RunComparison />
    </div>
  );
}

function RunButtons({ optimizer, blocked }: { optimizer?: boolean; blocked: StartBlocked | null }) {
  const phase = useRun((s) => s.phase);
  const canContinue = useRun((s) => s.phase === 'ended' && s.runId !== null);
  const paused = useRun((s) => s.paused);
  const epochs = useRun((s) => s.settings.epochs);
  const optimizerName = useRun((s) => s.settings.optimizer);
  const active = isActive(phase);
  return (
    <div className="button-row">
      <button
        className="button primary"
        data-testid="train-start"
        disabled={active || blocked !== null}
        title={blocked?.text}
        onClick={() => void startTraining()}
      >
        <span aria-hidden="true">▶</span> Start
      </button>
      {canContinue && (
        <button
          className="button"
          data-testid="train-continue"
          title={`Train the same model ${epochs} more epochs (the Epochs field), from where it stopped`}
          onClick={() => void continueTraining()}
        >
          <span aria-hidden="true">+</span> Train {epochs} more
        </button>
      )}
      <button
        className="button"
        data-testid="train-pause"
        disabled={phase !== 'running'}
        onClick={() => void togglePause()}
      >
        {paused ? (
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
        disabled={!active || phase === 'stopping'}
        onClick={() => void stopTraining()}
      >
        <span aria-hidden="true">■</span> Stop
      </button>
      {optimizer && (
        <span className="optimizer-note" title="The optimizer (change it in the Train view)">
          {optimizerName}
        </span>
      )}
    </div>
  );
}

function RunProgress() {
  const active = useRun((s) => isActive(s.phase));
  const paused = useRun((s) => s.paused);
  // Rounded to a tenth of a percent: the bar moves no finer, so finer changes render nothing.
  const fraction = useRun((s) => Math.round(runFraction(s) * 1000) / 1000);
  const text = useRun(describeProgress);
  return (
    <>
      <div
        className={`progress ${active ? 'active' : ''} ${paused ? 'paused' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <div className="progress-text" data-testid="train-progress">
        {text || '\u00a0'}
      </div>
    </>
  );
}

function RunStage() {
  const stage = useRun(describeStage);
  if (!stage) return null;
  return (
    <div className="stage-line" data-testid="train-stage">
      {stage}
    </div>
  );
}

function RunStatusLine() {
  const text = useRun(describeRun);
  const phase = useRun((s) => s.phase);
  const status = useRun((s) => s.ended?.status ?? null);
  return (
    <div
      className={`run-status phase-${phase} ${status ? `status-${status}` : ''}`}
      data-testid="run-status"
    >
      {text}
    </div>
  );
}

function RunWarnings() {
  const warnings = useRun((s) => s.warnings);
  return warnings.map((w) => (
    <div key={w} className="run-warning" role="alert" data-testid="run-warning">
      {w}
    </div>
  ));
}

function RunComparison() {
  const comparison = useRun((s) => s.comparison);
  return comparison && <ComparisonCard comparison={comparison} />;
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
