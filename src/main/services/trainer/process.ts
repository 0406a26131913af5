import { describeIssues } from '../../../shared/contract/dispatch';
import { fail } from '../../../shared/contract/result';
import { toTrainerSchema } from '../../../shared/contract/trainerProtocol';
import { initBackend } from '../tf/backend';
import { openParentChannel } from './channel';
import type { Emit } from './loop';
import { TrainerWorker } from './worker';

/** The request or run a message the trainer could not read was meant for, when it says so. */
function addressOf(raw: unknown): { requestId: number | null; runId: string | null } {
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    requestId:
      typeof m.requestId === 'number' && Number.isInteger(m.requestId) ? m.requestId : null,
    runId: typeof m.runId === 'string' && m.runId.length <= 100 ? m.runId : null,
  };
}

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
    if (!parsed.success) {
      // Dropping it would leave the host waiting for a reply or a run that never comes.
      const issue = describeIssues(parsed.error);
      channel.send({ type: 'refused', ...addressOf(raw), issue: issue.slice(0, 2000) });
      return;
    }
    const message = parsed.data;
    void worker
      .handle(message)
      .catch((error: unknown) =>
        fail(
          'E_INTERNAL',
          `The trainer failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .then((result) => {
        if (result && 'requestId' in message) {
          channel.send({ type: 'reply', requestId: message.requestId, result });
        }
      });
  });
  channel.send({ type: 'ready', backend });
}

void main();
