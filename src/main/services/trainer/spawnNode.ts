import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SpawnTrainer } from './supervisor';

/** The built trainer entry beside the running entry (out/main/trainer.js). */
export const defaultTrainerPath = (): string => fileURLToPath(new URL('./trainer.js', import.meta.url));

/** Starts the trainer with child_process.fork (browser mode, the command line and the tests). */
export const spawnNodeTrainer =
  (entry: string = defaultTrainerPath()): SpawnTrainer =>
  () => {
    const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return {
      send: (message) => void child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code, signal) => listener(signal ? `signal ${signal}` : `exit code ${code}`)),
      kill: () => void child.kill('SIGKILL'),
    };
  };
