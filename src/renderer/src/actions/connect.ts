import { StudioClient } from '../../../shared/contract/client';
import { fail, type Result } from '../../../shared/contract/result';
import {
  remoteTrainer,
  setRemoteTrainer,
  trainerSocketUrl,
  type RemoteTrainer,
} from '../host/remote';
import { WebSocketTransport } from '../host/websocket';

/** How long a trainer may take to answer before the dialog says it cannot be reached. */
const ANSWER_MS = 8000;

/** The trainer on another machine this window uses, or null for this machine's own. */
export const connectedTrainer = (): RemoteTrainer | null => remoteTrainer();

/** What a trainer said about itself when it answered. */
export interface TrainerAnswer {
  version: string;
  backend: string | null;
}

const unreachable = (url: string) =>
  fail(
    'E_UNAUTHORIZED',
    `No trainer answered at ${url} with this key. Check that the trainer is running (npm run serve -- --listen), that the SSH tunnel is open, and that the key is the one it printed.`,
  );

/** Asks the trainer at `url` who it is, with the key; refused keys and dead addresses say so. */
export async function askTrainer(trainer: RemoteTrainer): Promise<Result<TrainerAnswer>> {
  const socketUrl = trainerSocketUrl(trainer);
  if (!socketUrl)
    return fail(
      'E_INVALID_MESSAGE',
      'Enter the address on this machine where the tunnel ends, like http://127.0.0.1:8765: the trainer prints the tunnel command and that address. Other addresses cannot be reached from the app.',
    );
  const transport = new WebSocketTransport(socketUrl);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ANSWER_MS));
  try {
    const info = await Promise.race([
      new StudioClient(transport).invoke('app.info', {}).catch(() => null),
      timeout,
    ]);
    if (!info || !info.ok) return unreachable(trainer.url);
    return {
      ok: true,
      value: { version: info.value.version, backend: info.value.backend?.name ?? null },
    };
  } finally {
    transport.close();
  }
}

/**
 * Points this window at a trainer that answered, or back at this machine's own (null), and
 * reloads: every view starts afresh from the host it now talks to.
 */
export function switchTrainer(trainer: RemoteTrainer | null): void {
  setRemoteTrainer(trainer);
  window.location.reload();
}
