import { useShallow } from 'zustand/react/shallow';
import { startTraining, stopTraining } from '../app/training';
import { studio } from '../app/studio';
import { describeProgress, describeRun } from '../panels/runStatus';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive, type RunData } from '../stores/runState';

/** A one-line run bar for the Inspect and Generate tabs: which model, where it stands, start/stop. */
export function RunStrip() {
  const title = useGraph((s) => s.title);
  const run = useRun(useShallow((s) => s)) as RunData;
  const active = isActive(run.phase);
  return (
    <div className="run-strip" data-testid="run-strip">
      <strong>{title}</strong>
      <span className="muted">{describeRun(run)}</span>
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
          onClick={() => void startTraining(studio())}
        >
          ▶ Train
        </button>
      )}
    </div>
  );
}
