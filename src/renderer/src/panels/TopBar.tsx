import { PRESETS } from '../../../shared/presets';
import { pickPreset } from '../app/presets';
import { appStore, useApp } from '../stores/appStore';
import { graphStore, useGraph } from '../stores/graphStore';
import { runStore, useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { formatCount } from '../format/format';
import { BackendBadge } from './BackendBadge';

/** App name, the open preset, the network's size, the connection and the training backend. */
export function TopBar() {
  const presetId = useGraph((s) => s.presetId);
  const total = useGraph((s) => s.analysis.totals);
  const busy = useRun((s) => isActive(s.phase));
  const shell = useApp((s) => s.shell);
  const connected = useApp((s) => s.connected);

  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22">
            <path d="M3 4h4l4 8-4 8H3l4-8zM21 4h-4l-4 8 4 8h4l-4-8z" fill="currentColor" />
          </svg>
        </span>
        <span className="brand-name">Autoencoder Studio</span>
      </div>
      <div className="top-divider" />
      <label className="preset-picker">
        <span className="muted">Preset</span>
        <select
          value={presetId}
          disabled={busy}
          title={busy ? 'Stop the training to open another preset' : 'Open a ready-made network'}
          onChange={(e) =>
            pickPreset(e.target.value, { graph: graphStore, run: runStore, app: appStore })
          }
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <span
        className="chip"
        data-testid="total-params"
        title={`${formatCount(total.trainable)} trainable, ${formatCount(total.nonTrainable)} fixed`}
      >
        {formatCount(total.total)} parameters
      </span>
      <div className="spacer" />
      {shell === 'browser' && (
        <span
          className={`connection ${connected ? 'on' : 'off'}`}
          title={
            connected ? 'Connected to the studio service' : 'Reconnecting to the studio service…'
          }
        >
          <span className="dot" />
          {connected ? 'Connected' : 'Reconnecting…'}
        </span>
      )}
      <BackendBadge />
    </header>
  );
}
