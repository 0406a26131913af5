/// <reference lib="webworker" />
import { tsneStart, tsneStep } from '../../../shared/latent/tsne';
import { tsneRequestSchema, type TsneReply } from './tsneMessages';

// t-SNE takes seconds; here it runs off the page's thread and reports every few steps, with the
// layout so far, so the scatter shows it unfolding. The page ends the worker to cancel.
const post = (reply: TsneReply, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

const EVERY = 10;

self.onmessage = (event: MessageEvent) => {
  const request = tsneRequestSchema.safeParse(event.data);
  if (!request.success) {
    post({
      kind: 'failed',
      message: 'The t-SNE worker was asked something it does not understand.',
    });
    return;
  }
  const { data, count, dim, seed, perplexity } = request.data;
  try {
    post({ kind: 'progress', stage: 'neighbours', done: 0, total: 1, xy: null });
    const run = tsneStart(data, count, dim, { seed, perplexity });
    while (tsneStep(run)) {
      if (run.iteration % EVERY !== 0) continue;
      const xy = Float32Array.from(run.y);
      post({ kind: 'progress', stage: 'layout', done: run.iteration, total: run.iterations, xy }, [
        xy.buffer,
      ]);
    }
    const xy = Float32Array.from(run.y);
    post({ kind: 'done', xy }, [xy.buffer]);
  } catch (error) {
    post({ kind: 'failed', message: `t-SNE stopped: ${String(error)}` });
  }
};
