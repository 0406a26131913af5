import { fork } from 'node:child_process';
import type { SpawnTrainer } from './supervisor';

/**
 * Starts the trainer with child_process.fork (browser mode, the command line and the tests).
 * `entry` is the built trainer (out/main/trainer.js); entry points name it relative to themselves
 * because shared code is bundled into chunks in another folder.
 */
export const spawnNodeTrainer =
  (entry: string): SpawnTrainer =>
  () => {
    const child = fork(entry, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return {
      send: (message) => void child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code, signal) =>
          listener(signal ? `signal ${signal}` : `exit code ${code}`),
        ),
      kill: () => void child.kill('SIGKILL'),
    };
  };
