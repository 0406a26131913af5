/**
 * Hooks for bench/ui/bench-ui.mjs, present only when the address has ?bench=1: the views register
 * the functions the bench calls, and record the latencies they measure inside the page.
 */

interface BenchApi {
  [name: string]: unknown;
  samples: Record<string, number[]>;
}

declare global {
  interface Window {
    __studioBench?: BenchApi;
  }
}

export const benchEnabled = (): boolean =>
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('bench') === '1';

function api(): BenchApi | null {
  if (!benchEnabled()) return null;
  window.__studioBench ??= { samples: {} };
  return window.__studioBench;
}

/** Makes a function callable by the bench as window.__studioBench[name]. */
export function exposeToBench(name: string, fn: (...args: never[]) => unknown): () => void {
  const bench = api();
  if (!bench) return () => undefined;
  bench[name] = fn;
  return () => {
    if (bench[name] === fn) delete bench[name];
  };
}

/** Keeps one measured value (milliseconds) under a name. */
export function recordForBench(name: string, value: number): void {
  const bench = api();
  if (!bench) return;
  (bench.samples[name] ??= []).push(value);
}

/** Resolves after the next frame is painted: "drawn" means on screen, not just in the canvas. */
export const nextFrame = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
