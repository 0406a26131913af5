/**
 * Finds a Python that can import the given modules, for tests that check exports in the real other
 * tool. Candidates in order: the environment variable (if given), Debian's /usr/bin/python3 (where
 * python3-torch and python3-numpy install), then python3 on PATH. Returns why none fits, in words,
 * so a test can fail or be reported skipped with its reason.
 */
import { spawnSync } from 'node:child_process';

export type PythonFound = { ok: true; python: string } | { ok: false; reason: string };

const cache = new Map<string, PythonFound>();

export function findPythonWith(modules: string, envVar?: string): PythonFound {
  const key = `${modules}|${envVar ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fromEnv = envVar ? process.env[envVar] : undefined;
  const candidates = [...(fromEnv ? [fromEnv] : []), '/usr/bin/python3', 'python3'];
  const tried: string[] = [];
  let found: PythonFound | null = null;
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', `import ${modules}`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status === 0) {
      found = { ok: true, python };
      break;
    }
    tried.push(`${python}: ${(r.error?.message ?? r.stderr.trim().split('\n').pop()) || 'failed'}`);
  }
  const result: PythonFound = found ?? {
    ok: false,
    reason: `no Python here can import ${modules} (${tried.join('; ')})`,
  };
  cache.set(key, result);
  return result;
}
