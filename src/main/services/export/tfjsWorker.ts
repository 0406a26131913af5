import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { fail, type Result } from '../../../shared/contract/result';
import { exportTfjsModel } from './tfjs';
import type { TfjsJob } from './tfjsInWorker';

/**
 * The worker thread that builds a model for the TensorFlow.js export, so the host's event loop
 * never runs tfjs (a 2.4·10^8 weight build blocked it for over 120 s). One job, one reply.
 */
const port = parentPort;
if (port) {
  port.once('message', (job: TfjsJob) => {
    void run(job).then((result) => port.postMessage(result));
  });
}

async function run(job: TfjsJob): Promise<Result<string[]>> {
  try {
    // The plain JavaScript backend: building and saving runs few kernels, and it loads at once.
    await tf.setBackend('cpu');
    // Quiet: tfjs' advice to install tfjs-node would print on every export.
    tf.enableProdMode();
    return await exportTfjsModel(job.doc, job.zip, {
      settings: job.settings,
      weights: job.weights,
      kind: job.kind,
    });
  } catch (error) {
    return fail('E_INTERNAL', `The TensorFlow.js model could not be written: ${String(error)}`);
  }
}
