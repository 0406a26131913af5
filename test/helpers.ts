import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStudioHost, type HostOptions, type StudioHost } from '../src/main/services/host';
import { spawnNodeTrainer } from '../src/main/services/trainer/spawnNode';
import { StudioClient } from '../src/shared/contract/client';
import type { EventName, EventPayload } from '../src/shared/contract/events';
import { memoryTransport } from '../src/shared/contract/memory';

/** The built trainer entry; `npm test` builds before the unit tests (STUDIO_TRAINER_ENTRY names another build). */
export const builtTrainer =
  process.env.STUDIO_TRAINER_ENTRY ??
  fileURLToPath(new URL('../out/main/trainer.js', import.meta.url));
/**
 * Fails, in words, when the trainer is not built: the tests that train never skip themselves.
 * `npm test` and `npm run test:unit` build first.
 */
export function requireBuiltTrainer(): void {
  if (!existsSync(builtTrainer))
    throw new Error(`The built trainer (${builtTrainer}) is missing: run \`npm run build\` first.`);
}

/**
 * A host with a real trainer process (unless options name another), and a client over the
 * in-memory transport.
 */
export function memoryStudio(options: Partial<HostOptions> = {}): {
  host: StudioHost;
  client: StudioClient;
} {
  const host = createStudioHost({
    shell: 'memory',
    version: 'test',
    spawnTrainer: spawnNodeTrainer(builtTrainer),
    ...options,
  });
  const client = new StudioClient(memoryTransport(host.handlers, (l) => host.onEvent(l)));
  return { host, client };
}

/** Resolves with the next event of that name that passes the filter. */
export function nextEvent<N extends EventName>(
  client: StudioClient,
  name: N,
  filter: (payload: EventPayload<N>) => boolean = () => true,
): Promise<EventPayload<N>> {
  return new Promise((resolve) => {
    const off = client.on(name, (payload) => {
      if (!filter(payload)) return;
      off();
      resolve(payload);
    });
  });
}
