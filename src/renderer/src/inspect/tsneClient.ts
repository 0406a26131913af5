import { tsneReplySchema, type TsneRequest } from './tsneMessages';

/** Where a t-SNE run stands, for the scatter's hint and its unfolding layout. */
export interface TsneProgress {
  stage: 'neighbours' | 'layout';
  done: number;
  total: number;
  xy: Float32Array | null;
}

/**
 * Runs t-SNE in a worker of its own. Resolves the final layout, or null when cancelled; `cancel`
 * ends the worker at once (a new epoch's codes make the running layout worthless).
 */
export function runTsne(request: TsneRequest, onProgress: (progress: TsneProgress) => void) {
  const worker = new Worker(new URL('./tsne.worker.ts', import.meta.url), { type: 'module' });
  let settle: (xy: Float32Array | null, error?: string) => void = () => undefined;
  const done = new Promise<{ xy: Float32Array | null; error: string | null }>((resolve) => {
    settle = (xy, error) => {
      worker.terminate();
      resolve({ xy, error: error ?? null });
    };
  });
  worker.onmessage = (event: MessageEvent) => {
    const reply = tsneReplySchema.safeParse(event.data);
    if (!reply.success) return settle(null, 'The t-SNE worker answered something unexpected.');
    const r = reply.data;
    if (r.kind === 'progress') onProgress(r);
    else if (r.kind === 'done') settle(r.xy);
    else settle(null, r.message);
  };
  worker.onerror = () => settle(null, 'The t-SNE worker could not start in this window.');
  worker.postMessage(request);
  return { done, cancel: () => settle(null) };
}
