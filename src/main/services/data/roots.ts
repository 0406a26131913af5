import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folders named with `--data-root=<folder>` (repeatable), as real paths, so a symlinked
 * name cannot later point elsewhere. A name that is no folder is reported and left out.
 */
export function parseDataRoots(
  argv: readonly string[],
  warn: (line: string) => void = () => undefined,
): string[] {
  const roots: string[] = [];
  for (const arg of argv) {
    if (!arg.startsWith('--data-root=')) continue;
    const named = arg.slice('--data-root='.length);
    try {
      const real = realpathSync(resolve(named));
      if (!statSync(real).isDirectory()) throw new Error('not a folder');
      roots.push(real);
    } catch {
      warn(`--data-root=${named} is not a folder; the studio will not read data from it.`);
    }
  }
  return roots;
}
