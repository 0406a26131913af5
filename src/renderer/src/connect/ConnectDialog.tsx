import { useState } from 'react';
import { askTrainer, connectedTrainer, switchTrainer } from '../actions/connect';
import './connect.css';

/**
 * "Connect to a trainer": points this window at a host on another machine (a GPU box running
 * `npm run serve -- --listen`, reached through the SSH tunnel it printed), or back at this one.
 */
export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const current = connectedTrainer();
  const [url, setUrl] = useState(current?.url ?? 'http://127.0.0.1:8765');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const connect = async () => {
    setBusy(true);
    setError(null);
    const trainer = { url: url.trim(), token: token.trim() };
    const answer = await askTrainer(trainer);
    setBusy(false);
    if (answer.ok) switchTrainer(trainer);
    else setError(answer.error.message);
  };

  return (
    <div className="connect-backdrop" onClick={onClose}>
      <div
        className="connect-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="connect-title"
        data-testid="connect-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="connect-title">Connect to a trainer</h2>
        <p className="muted">
          Train on another machine (one with a GPU): start it there with{' '}
          <code>npm run serve -- --listen</code>, run the SSH command it prints here, then enter the
          address and the key it printed. Data sets you choose are uploaded to it.
        </p>
        {current && (
          <p data-testid="connect-current">
            This window trains on <strong>{current.url}</strong>.{' '}
            <button className="button small ghost" onClick={() => switchTrainer(null)}>
              Use this machine again
            </button>
          </p>
        )}
        <label>
          Address
          <input
            data-testid="connect-url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="http://127.0.0.1:8765"
          />
        </label>
        <label>
          Key
          <input
            data-testid="connect-token"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="the key the trainer printed"
            autoComplete="off"
          />
        </label>
        {error && (
          <p className="connect-error" role="alert" data-testid="connect-error">
            {error}
          </p>
        )}
        <div className="connect-actions">
          <button className="button small ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            className="button small primary"
            data-testid="connect-go"
            disabled={busy || !url.trim() || !token.trim()}
            onClick={() => void connect()}
          >
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The top bar's button: where this window trains, and the dialog to change it. */
export function ConnectButton() {
  const [open, setOpen] = useState(false);
  const current = connectedTrainer();
  return (
    <>
      <button
        className={`button small ghost connect-open${current ? ' connect-remote' : ''}`}
        data-testid="connect-open"
        title={current ? `Training on ${current.url}` : 'Train on another machine'}
        onClick={() => setOpen(true)}
      >
        {current ? `Trainer: ${new URL(current.url).host}` : 'Trainer…'}
      </button>
      {open && <ConnectDialog onClose={() => setOpen(false)} />}
    </>
  );
}
