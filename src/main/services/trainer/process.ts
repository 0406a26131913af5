import { toTrainerSchema } from '../../../shared/contract/trainerProtocol';
import { initBackend } from '../tf/backend';
import { openParentChannel } from './channel';
import type { Emit } from './loop';
import { TrainerWorker } from './worker';

/**
 * The trainer process: tfjs runs here, never on the host's event loop, so a crash of native
 * GPU code or an out-of-memory ends this process alone and the host reports it.
 */
async function main(): Promise<void> {
  const channel = openParentChannel();
  const backend = await initBackend();
  const emit: Emit = (name, payload) => channel.send({ type: 'event', name, payload });
  const worker = new TrainerWorker(backend, emit);
  channel.onMessage((raw) => {
    const parsed = toTrainerSchema.safeParse(raw);
    if (!parsed.success) return; // The host only sends valid messages; anything else is dropped.
    void worker.handle(parsed.data).then((result) => {
      if (result && 'requestId' in parsed.data) {
        channel.send({ type: 'reply', requestId: parsed.data.requestId, result });
      }
    });
  });
  channel.send({ type: 'ready', backend });
}

void main();
