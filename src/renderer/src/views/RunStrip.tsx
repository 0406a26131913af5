import { startTraining, stopTraining } from '../actions/train';
import { describeProgress, describeRun } from '../panels/runStatus';
import { useStartBlocked } from '../panels/useStartBlocked';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';

/** A one-line run bar for the Inspect and Generate tabs: which model, where it stands, start/stop. */
export function RunStrip() {
  const title = useGraph((s) => s.title);
  // Strings and flags, not the run: a progress event re-renders only when a shown word changes.
  const active = useRun((s) => isActive(s.phase));
  const idle = useRun((s) => s.phase === 'idle');
  const status = useRun(describeRun);
  const progress = useRun(describeProgress);
  const blocked = useStartBlocked();
  return (
    <div className="run-strip" data-testid="run-strip">
      <strong>{title}</strong>
      <span className="muted">{blocked && idle ? blocked.text : status}</span>
      <span className="muted">{progress}</span>
      <span className="spacer" />
      {active ? (
        <button className="button" onClick={() => void stopTraining()}>
          ■ Stop
        </button>
      ) : (
        <button
          className="button primary"
          data-testid="strip-start"
          disabled={blocked !== null}
          title={blocked?.text}
          onClick={() => void startTraining()}
        >
          ▶ Train
        </button>
      )}
    </div>
  );
}
