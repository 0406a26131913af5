import { utilityProcess } from 'electron';
import type { SpawnTrainer } from '../services/trainer/supervisor';

/** Starts the trainer as an Electron utility process (its own process, off the main event loop). */
export const spawnUtilityTrainer =
  (entry: string): SpawnTrainer =>
  () => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Autoencoder Studio trainer',
      stdio: 'inherit',
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
