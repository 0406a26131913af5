import { resolve } from 'node:path';

/**
 * The paths the person chose this session, through the native dialog or the host's own lists.
 * Paths are compared after path.resolve, so "a/../b.json" and "b.json" are one grant.
 */
export class PathGrants {
  private readonly granted = new Set<string>();

  /** Remembers a path the person chose (a dialog's reply, a recent project). */
  grant(path: string): void {
    this.granted.add(normalize(path));
  }

  /** Whether the person chose this path this session. */
  has(path: string): boolean {
    return this.granted.has(normalize(path));
  }
}

// Windows paths are case-insensitive: "C:\Data\A.json" and "c:\data\a.json" are one file.
const normalize = (path: string): string => {
  const full = resolve(path);
  return process.platform === 'win32' ? full.toLowerCase() : full;
};
