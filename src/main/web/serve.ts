import { fileURLToPath } from 'node:url';
import { createStudioHost } from '../services/host';
import { parseDataRoots } from '../services/data/roots';
import { spawnNodeTrainer } from '../services/trainer/spawnNode';
import { APP_VERSION } from '../services/version';
import { parseListen, tunnelRecipe } from './listen';
import { installProcessGuard } from './processGuard';
import { startWebServer } from './server';

/** `npm run serve`: the app in a browser, served on 127.0.0.1 with a start token. */
async function main(): Promise<void> {
  const portArg = process.argv.find((a) => a.startsWith('--port='));
  const port = portArg
    ? Number(portArg.slice('--port='.length))
    : Number(process.env.STUDIO_PORT ?? 0);
  // Browser mode reads data only from its uploads folder and the folders named here.
  const dataRoots = parseDataRoots(process.argv, (line) => console.warn(line));
  const listen = parseListen(process.argv);
  if (!listen.ok) {
    console.error(listen.message);
    process.exit(2);
  }
  const host = createStudioHost({
    shell: 'browser',
    dataRoots,
    version: APP_VERSION,
    spawnTrainer: spawnNodeTrainer(fileURLToPath(new URL('./trainer.js', import.meta.url))),
  });
  const server = await startWebServer({
    host,
    rendererRoot: fileURLToPath(new URL('../renderer', import.meta.url)),
    port,
    address: listen.value.address,
    remote: listen.value.remote,
  });
  console.log(`Autoencoder Studio (browser mode) is running. Open: ${server.url}`);
  if (listen.value.remote)
    for (const line of tunnelRecipe(listen.value, server.port, server.token)) console.log(line);
  // Only once serving: a failure to start still ends the process with its error.
  installProcessGuard();
  void host.warmUp().then((backend) => {
    if (backend)
      console.log(`Training backend: ${backend.name}${backend.hint ? ` (${backend.hint})` : ''}`);
  });
  const shutdown = () => {
    host.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
