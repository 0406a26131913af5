/**
 * Running exported PyTorch scripts in tests: finding a Python that imports torch (CI installs
 * Debian's python3-torch), and reading the .npz files numpy writes back.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

/**
 * The first of AESTUDIO_TORCH_PYTHON, /usr/bin/python3 and python3 that imports torch. Tests
 * that need it fail (never skip) without one, saying what to install.
 */
export function torchPython(): string {
  const override = process.env.AESTUDIO_TORCH_PYTHON;
  const candidates = override ? [override] : ['/usr/bin/python3', 'python3'];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch, numpy'], { stdio: 'pipe' });
    if (probe.status === 0) return python;
  }
  throw new Error(
    `No Python with torch and numpy found (tried ${candidates.join(', ')}): install Debian's ` +
      'python3-torch, or set AESTUDIO_TORCH_PYTHON to a Python that has torch.',
  );
}

export interface RunOutput {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script with arguments; torch's threads kept to two (the machines share their cores). */
export function runPython(python: string, args: string[], cwd: string): RunOutput {
  const run = spawnSync(python, args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, OMP_NUM_THREADS: '2', PYTHONHASHSEED: '0' },
    timeout: 300_000,
  });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

export interface NpyRead {
  shape: number[];
  data: Float64Array;
}

/** One little-endian float32 or float64 .npy file (the kinds np.savez writes here). */
function readNpy(bytes: Uint8Array): NpyRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr': '([^']+)'/.exec(header)?.[1];
  const shapeText = /'shape': \(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const at = start + headerLength;
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (descr === '<f4') data[i] = view.getFloat32(at + i * 4, true);
    else if (descr === '<f8') data[i] = view.getFloat64(at + i * 8, true);
    else throw new Error(`unexpected .npy dtype ${descr}`);
  }
  return { shape, data };
}

/** Every array of an .npz file, by name. */
export function readNpz(path: string): Record<string, NpyRead> {
  const entries = unzipSync(readFileSync(path));
  const out: Record<string, NpyRead> = {};
  for (const [name, bytes] of Object.entries(entries))
    out[name.replace(/\.npy$/, '')] = readNpy(bytes);
  return out;
}

/** The largest absolute difference between two arrays of the same length. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
