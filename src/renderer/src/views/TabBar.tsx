import { useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { TAB_LABELS, TABS, tabStore, useTab } from './viewTabs';

/** Editor | Train | Inspect | Generate, with a pulse on Train while a run is going. */
export function TabBar() {
  const tab = useTab();
  const training = useRun((s) => isActive(s.phase));
  const hasModel = useRun((s) => s.epochs.length > 0);
  return (
    <nav className="tab-bar" role="tablist" aria-label="Views">
      {TABS.map((t) => (
        <button
          key={t}
          role="tab"
          aria-selected={t === tab}
          className={`tab ${t === tab ? 'active' : ''}`}
          data-testid={`tab-${t}`}
          onClick={() => tabStore.getState().show(t)}
        >
          {TAB_LABELS[t]}
          {t === 'train' && training && <span className="tab-pulse" title="Training" />}
          {(t === 'inspect' || t === 'generate' || t === 'lab') && !hasModel && (
            <span className="tab-note">train first</span>
          )}
        </button>
      ))}
    </nav>
  );
}
