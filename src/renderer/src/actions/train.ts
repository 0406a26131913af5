import * as training from '../app/training';
import { session } from './session';

/**
 * What the Train, Pause, Stop and Train-more buttons do, for components: each action reaches the
 * host and the stores itself (app/training.ts holds the logic, tested with an in-memory host).
 */

/** Starts a run of the current design with the Train panel's settings. */
export const startTraining = (): Promise<void> => training.startTraining(session());

/** Trains the ended run N more epochs from where it stopped. */
export const continueTraining = (): Promise<void> => training.continueTraining(session());

/** Pauses the run at the next batch boundary, or resumes a paused one. */
export const togglePause = (): Promise<void> => training.togglePause(session());

/** Asks the host to stop the run at the next batch boundary. */
export const stopTraining = (): Promise<void> => training.stopTraining(session());
