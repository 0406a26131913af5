import { useShallow } from 'zustand/react/shallow';
import { startTraining, stopTraining } from '../app/training';
import { studio } from '../app/studio';
import { describeProgress, describeRun } from '../panels/runStatus';
import { startBlockedReason } from '../panels/startBlocked';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive, type RunData } from '../stores/runState';

/** A one-line run bar for the Inspect and Generate tabs: which model, where it stands, start/stop. */
export function RunStrip() {
  const title = useGraph((s) => s.title);
  const run = useRun(useShallow((s) => s)) as RunData;
  const active = isActive(run.phase);
  const diagnostics = useGraph((s) => s.analysis.diagnostics);
  const nodeCount = useGraph((s) => s.doc.nodes.length);
  const blocked = active ? null : startBlockedReason(diagnostics, run.data, nodeCount);
  return (
    <div className="run-strip" data-testid="run-strip">
      <strong>{title}</strong>
      <span className="muted">
        {blocked && run.phase === 'idle' ? blocked.text : describeRun(run)}
      </span>
      <span className="muted">{describeProgress(run)}</span>
      <span className="spacer" />
      {active ? (
        <button className="button" onClick={() => void stopTraining(studio())}>
          ■ Stop
        </button>
      ) : (
        <button
          className="button primary"
          data-testid="strip-start"
          disabled={blocked !== null}
          title={blocked?.text}
          onClick={() => void startTraining(studio())}
        >
          ▶ Train
        </button>
      )}
    </div>
  );
}
